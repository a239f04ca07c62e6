import { CARD_HEIGHT, CARD_WIDTH, layoutActivityCard, type DrawOp, type MeasureText } from '../../utils/shareCard';

/** Latin letters and digits at about half the width of Chinese characters, as real fonts draw them. */
const proportional: MeasureText = (text, font) =>
  [...text].reduce((sum, char) => sum + (/[\x20-\x7e]/.test(char) ? 0.55 : 1), 0) * Number(/(\d+)px/.exec(font)![1]);
const texts = (ops: DrawOp[]) => ops.flatMap((op) => (op.kind === 'text' ? [op] : []));

const CARD = {
  kindLabel: '参观红色教育基地',
  title: '重温入党誓词主题党日',
  time: '11月30日 周一 14:30–16:30',
  place: '道县陈树湘党性教育基地',
  seats: '名额已满·可候补',
};

describe('活动分享卡片', () => {
  it('写明类型、标题、时间、地点和名额，名额一行用党建红', () => {
    const ops = texts(layoutActivityCard(CARD, proportional));
    expect(ops.map((op) => op.text)).toEqual([
      '红途 · 党支部学习',
      '参观红色教育基地',
      '重温入党誓词主题党日',
      '时间  11月30日 周一 14:30–16:30',
      '地点  道县陈树湘党性教育基地',
      '名额已满·可候补',
    ]);
    expect(ops[ops.length - 1]?.color).toBe('#C8161D');
  });

  it('过长的标题折成两行并以省略号结尾，过长的地点截成一行，都不超出 5:4 卡片', () => {
    const ops = texts(
      layoutActivityCard(
        {
          ...CARD,
          title: '学习贯彻党的二十届三中全会精神暨重温入党誓词主题党日活动（第一期）',
          place: '某某县某某镇某某村党群服务中心二楼会议室（请从东门进入）',
        },
        proportional,
      ),
    );
    const title = ops.slice(2, -3).map((op) => op.text);
    expect(title).toHaveLength(2);
    expect(title[1]?.endsWith('…')).toBe(true);
    expect(ops[ops.length - 2]?.text.endsWith('…')).toBe(true);
    for (const op of ops) {
      expect(op.x + proportional(op.text, op.font)).toBeLessThanOrEqual(CARD_WIDTH);
      expect(op.y).toBeLessThanOrEqual(CARD_HEIGHT);
    }
  });
});
