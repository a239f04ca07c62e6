import fc from 'fast-check';
import { CARD_HEIGHT, CARD_WIDTH, layoutInviteCard, wrapText, type DrawOp, type MeasureText } from '../../src/utils/shareCard';

/** Every character as wide as the font size: close to how CJK glyphs measure. */
const measure: MeasureText = (text, font) => [...text].length * Number(/(\d+)px/.exec(font)![1]);
const texts = (ops: DrawOp[]) => ops.flatMap((op) => (op.kind === 'text' ? [op] : []));

const CARD = { branchName: '第一党支部', code: 'K7M3PQ2X', expiresAt: '11月30日 周一 10:00', maxUses: 50 };

describe('邀请分享卡片', () => {
  it('卡片是 5:4，写明支部、分组的邀请码、有效期和名额', () => {
    expect(CARD_WIDTH / CARD_HEIGHT).toBe(5 / 4);
    // Latin letters and digits at half the width of CJK, as real fonts draw them.
    const proportional: MeasureText = (text, font) =>
      [...text].reduce((sum, char) => sum + (/[\x20-\x7e]/.test(char) ? 0.55 : 1), 0) * Number(/(\d+)px/.exec(font)![1]);
    const lines = texts(layoutInviteCard(CARD, proportional)).map((op) => op.text);
    expect(lines).toEqual(['红途 · 党支部学习', '邀请你加入', '第一党支部', '邀请码  K7M3 PQ2X', '11月30日 周一 10:00 前有效 · 限 50 人']);
  });

  it('任何支部名称都不超出卡片：过长时折成两行并以省略号结尾', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'机关第一党支部离退休教工学生委员会'), minLength: 1, maxLength: 60 }),
        (branchName) => {
          const ops = layoutInviteCard({ ...CARD, branchName }, measure);
          for (const op of texts(ops)) {
            expect(op.x + measure(op.text, op.font)).toBeLessThanOrEqual(CARD_WIDTH);
            expect(op.y).toBeLessThanOrEqual(CARD_HEIGHT);
          }
          const nameLines = texts(ops)
            .slice(2, -2)
            .map((op) => op.text);
          expect(nameLines.length).toBeLessThanOrEqual(2);
          const shown = nameLines.join('');
          if (shown.endsWith('…')) expect(branchName.startsWith(shown.slice(0, -1))).toBe(true);
          else expect(shown).toBe(branchName);
        },
      ),
    );
  });

  it('折行按字符进行，放得下时不折', () => {
    const width = (text: string) => [...text].length * 10;
    expect(wrapText('一二三四五', 50, 2, width)).toEqual(['一二三四五']);
    expect(wrapText('一二三四五六七', 50, 2, width)).toEqual(['一二三四五', '六七']);
    expect(wrapText('一二三四五六七八九十甲乙', 50, 2, width)).toEqual(['一二三四五', '六七八九…']);
  });
});
