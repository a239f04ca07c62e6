import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import fc from 'fast-check';
import type { ReactNode } from 'react';
import { CARD_HEIGHT, CARD_WIDTH, layoutStoryCard, type MeasureText } from '../../utils/shareCard';
import { recordingOffscreenCanvas } from '../../../test/support/fakeCanvas';
import taro, { modalReplies, resetTaroStub, router, share } from '../../components/__test__/taroStub';
import type { StoryView } from '../../../types/contracts/story';
import { answerCalls, author, meAs, orgAdmin, reader, secretary } from './readingFixtures';
import { campaign, can, inputsOf, page, story } from './storyFixtures';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);
jest.mock('@tarojs/components', () => require('./readingFixtures'));
jest.mock('../reading.css', () => ({}));
jest.mock('../../components/PageShell', () => ({ PageShell: ({ children }: { children: ReactNode }) => children }));
const callFunction = jest.fn();
jest.mock('../../services/cloud', () => ({ callFunction: (...args: unknown[]) => callFunction(...args) }));

import StoryDetailPage from '../detail/index';

const CARD_PATH = 'wxfile://tmp/story-card.png';
const { createOffscreenCanvas, painted } = recordingOffscreenCanvas();
const canvasToTempFilePath = jest.fn(async () => ({ tempFilePath: CARD_PATH, errMsg: 'canvasToTempFilePath:ok' }));
const previewImage = jest.fn(async (_options: { urls: string[]; current: string }) => ({ errMsg: 'previewImage:ok' }));
Object.assign(taro, { createOffscreenCanvas, canvasToTempFilePath, previewImage });

type Member = typeof author;
type Handler = (input: Record<string, unknown>) => unknown;

/** `who` opens story-1, which the server answers with `current()` (tests replace it as they go). */
function opens(who: Member, current: () => StoryView, extra: Record<string, Handler> = {}) {
  answerCalls(callFunction, {
    'member.me': () => meAs(who),
    'story.detail': () => ({ ok: true, data: { story: current() } }),
    ...extra,
  });
  render(<StoryDetailPage />);
}

const refused = (code: string, message: string, field?: string) => ({ ok: false, error: { code, message, ...(field ? { field } : {}) } });

const originalEnv = { ...process.env };

beforeEach(() => {
  resetTaroStub();
  callFunction.mockReset();
  painted.length = 0;
  router.params = { id: 'story-1' };
  process.env = { ...originalEnv, TARO_ENV: 'weapp' };
});

afterAll(() => {
  process.env = originalEnv;
});

describe('作品详情：读者', () => {
  it('显示标题、作者支部日期、分段的正文、图片、视频和关联的活动与基地，没有审核按钮', async () => {
    const images = [
      { fileId: 'cloud://env/a.jpg', url: 'https://tmp.example/a.jpg' },
      { fileId: 'cloud://env/b.jpg', url: 'https://tmp.example/b.jpg' },
    ];
    opens(reader, () =>
      story({
        images,
        video: { fileId: 'cloud://env/v.mp4', url: 'https://tmp.example/v.mp4', seconds: 1500, bytes: 80_000_000 },
        activity: { id: 'act-1', title: '重温入党誓词主题党日' },
        base: { id: 'base-7', name: '沙洲村红色教育基地' },
        can: can({ rate: true }),
      }),
    );

    expect(await screen.findByText('半条被子的温暖')).toBeTruthy();
    expect(screen.getByText('王建国 · 第一党支部 · 2026年11月21日 · 86 字')).toBeTruthy();
    // Each line of the text is its own paragraph; blank lines only separate them.
    expect(screen.getByText('1934年11月，三名女红军借宿沙洲村徐解秀老人家中。')).toBeTruthy();
    expect(screen.getByText('临走时，她们把仅有的一条被子剪下一半留给老人。')).toBeTruthy();
    expect(screen.getByLabelText('视频').getAttribute('src')).toBe('https://tmp.example/v.mp4');
    expect(screen.getByText('视频时长 25 分钟')).toBeTruthy();

    fireEvent.click(screen.getByRole('img', { name: '第 2 张图片' }));
    expect(previewImage).toHaveBeenCalledWith({
      urls: ['https://tmp.example/a.jpg', 'https://tmp.example/b.jpg'],
      current: 'https://tmp.example/b.jpg',
    });

    fireEvent.click(screen.getByText('重温入党誓词主题党日'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/activity/detail/index?id=act-1' });
    fireEvent.click(screen.getByText('沙洲村红色教育基地'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/bases/detail/index?id=base-7' });

    for (const name of ['通过', '退回', '推荐到组织部', '择优上报', '撤回']) expect(screen.queryByRole('button', { name })).toBeNull();
  });

  it('没有标题的心得以“作者的心得体会”为题', async () => {
    opens(reader, () => story({ kind: 'reflection', title: '' }));
    expect(await screen.findByText('王建国的心得体会')).toBeTruthy();
  });

  it('作品不存在或看不到时显示服务器的原因', async () => {
    answerCalls(callFunction, {
      'member.me': () => meAs(reader),
      'story.detail': () => refused('NOT_FOUND', '作品不存在或已撤回'),
    });
    render(<StoryDetailPage />);
    expect(await screen.findByText('作品不存在或已撤回')).toBeTruthy();
  });
});

describe('作品详情：群众评议', () => {
  it('评分一次后显示“你的评分 4 · 平均 4.6（23 人）”，不能再评', async () => {
    opens(reader, () => story({ rating: { count: 22, average: 4.6 }, can: can({ rate: true }) }), {
      'story.rate': () => ({ ok: true, data: { rating: { count: 23, average: 4.6 }, myRating: 4 } }),
    });
    expect(await screen.findByText('平均 4.6（22 人）')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '点星星评分' }).disabled).toBe(true);

    fireEvent.click(screen.getByRole('radio', { name: '4 星' }));
    fireEvent.click(screen.getByRole('button', { name: '提交 4 星评分' }));

    expect(await screen.findByText('你的评分 4 · 平均 4.6（23 人）')).toBeTruthy();
    expect(inputsOf(callFunction, 'rate')).toEqual([{ id: 'story-1', score: 4 }]);
    expect(screen.queryByRole('radio', { name: '4 星' })).toBeNull();
    expect(screen.queryByText('评议已结束')).toBeNull();
  });

  it('已经在别处评过（DUPLICATE）时重新载入作品，显示当时的评分', async () => {
    let current = story({ can: can({ rate: true }) });
    opens(reader, () => current, {
      'story.rate': () => {
        current = story({ myRating: 5, rating: { count: 1, average: 5 } });
        return refused('DUPLICATE', '你已经评过分了');
      },
    });
    fireEvent.click(await screen.findByRole('radio', { name: '3 星' }));
    fireEvent.click(screen.getByRole('button', { name: '提交 3 星评分' }));
    expect(await screen.findByText('你的评分 5 · 平均 5.0（1 人）')).toBeTruthy();
    expect(inputsOf(callFunction, 'detail')).toHaveLength(2);
  });

  it('作者不能给自己的作品评分', async () => {
    opens(author, () => story());
    expect(await screen.findByText('不能给自己的作品评分')).toBeTruthy();
  });

  it('评议截止后说明评议已结束', async () => {
    opens(reader, () => story({ rating: { count: 3, average: 4.3 } }));
    expect(await screen.findByText('评议已结束')).toBeTruthy();
    expect(screen.getByText('平均 4.3（3 人）')).toBeTruthy();
  });
});

describe('作品详情：作者', () => {
  it('待审核时说明状态，确认后撤回为草稿；在确认框取消则不撤回', async () => {
    const pending = story({ status: 'pending', approvedAt: null, can: can({ withdraw: true }) });
    opens(author, () => pending, {
      'story.withdraw': () => ({
        ok: true,
        data: { story: story({ status: 'draft', approvedAt: null, can: can({ edit: true, submit: true }) }) },
      }),
    });
    expect((await screen.findByRole('status')).textContent).toBe('已提交，等待支部书记审核；审核前可以撤回修改。');

    fireEvent.click(screen.getByRole('button', { name: '撤回' }));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(inputsOf(callFunction, 'withdraw')).toEqual([]);

    modalReplies.push(true);
    fireEvent.click(screen.getByRole('button', { name: '撤回' }));
    expect(await screen.findByRole('button', { name: '继续编辑' })).toBeTruthy();
    expect(inputsOf(callFunction, 'withdraw')).toEqual([{ id: 'story-1' }]);
    expect(screen.getByRole('status').textContent).toContain('草稿，只有你能看到');
    expect(screen.queryByRole('button', { name: '撤回' })).toBeNull();
  });

  it('作品刚被审核、撤回被拒（CONFLICT）时重新载入，显示作品此刻的样子', async () => {
    let current = story({ status: 'pending', approvedAt: null, can: can({ withdraw: true }) });
    opens(author, () => current, {
      'story.withdraw': () => {
        current = story();
        return refused('CONFLICT', '已审核的作品不能撤回');
      },
    });
    modalReplies.push(true);
    fireEvent.click(await screen.findByRole('button', { name: '撤回' }));
    await waitFor(() => expect(inputsOf(callFunction, 'detail')).toHaveLength(2));
    expect(await screen.findByText('不能给自己的作品评分')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '撤回' })).toBeNull();
  });

  it('被退回时显示书记的退回原因，可以修改后重新提交', async () => {
    opens(author, () =>
      story({
        status: 'returned',
        approvedAt: null,
        review: { decision: 'return', comment: '请补充老人的原话出处', reviewerName: '林红', at: '2026-11-21T02:00:00.000Z' },
        can: can({ edit: true, submit: true }),
      }),
    );
    expect((await screen.findByRole('status')).textContent).toBe('林红退回修改：请补充老人的原话出处');
    fireEvent.click(screen.getByRole('button', { name: '修改后重新提交' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/story/edit/index?id=story-1' });
  });

  it('未通过内容安全检测时只告诉作者原因', async () => {
    opens(author, () =>
      story({ status: 'rejected', approvedAt: null, rejection: '正文含有不当内容（辱骂），请修改后再提交', can: can({ edit: true }) }),
    );
    expect((await screen.findByRole('status')).textContent).toBe('未通过内容安全检测：正文含有不当内容（辱骂），请修改后再提交');
  });
});

describe('作品详情：支部书记审核', () => {
  const pending = () => story({ status: 'pending', approvedAt: null, can: can({ review: true }) });

  it('退回必须填写原因：空着点退回就地提示，不请求；填写后带原因退回', async () => {
    opens(secretary, pending, {
      'story.review': () => ({
        ok: true,
        data: {
          story: story({
            status: 'returned',
            approvedAt: null,
            review: { decision: 'return', comment: '请补充史料出处', reviewerName: '林红', at: '2026-11-22T02:00:00.000Z' },
          }),
        },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: '退回' }));
    expect(screen.getByRole('alert').textContent).toBe('请填写退回原因，作者会看到它');
    expect(inputsOf(callFunction, 'review')).toEqual([]);

    const form = screen.getByLabelText('支部审核');
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: ' 请补充史料出处 ' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '退回' }));

    expect((await screen.findByRole('status')).textContent).toBe('林红退回修改：请补充史料出处');
    expect(inputsOf(callFunction, 'review')).toEqual([{ id: 'story-1', decision: 'return', comment: '请补充史料出处' }]);
    expect(screen.queryByLabelText('支部审核')).toBeNull();
  });

  it('服务器说缺少退回原因时，原因显示在审核意见下', async () => {
    opens(secretary, pending, { 'story.review': () => refused('INVALID_INPUT', '请填写退回原因', 'comment') });
    const form = await screen.findByLabelText('支部审核');
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: '  。。' } });
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('请填写退回原因'));
  });

  it('通过后作品发布，接着可以推荐到组织部（推荐理由选填）', async () => {
    opens(secretary, pending, {
      'story.review': () => ({ ok: true, data: { story: story({ can: can({ recommend: true, rate: true }) }) } }),
      'story.recommend': (input) => ({
        ok: true,
        data: {
          story: story({ recommended: true, recommendation: { note: String(input.note), byName: '林红', at: '2026-11-22T02:00:00.000Z' } }),
        },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: '通过' }));
    const recommend = await screen.findByLabelText('推荐到组织部');
    expect(inputsOf(callFunction, 'review')).toEqual([{ id: 'story-1', decision: 'approve', comment: '' }]);
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已通过，作品已发布', icon: 'success' });

    fireEvent.change(within(recommend).getByRole('textbox'), { target: { value: '感染力强' } });
    fireEvent.click(within(recommend).getByRole('button', { name: '推荐到组织部' }));
    expect(await screen.findByText('已推荐')).toBeTruthy();
    expect(screen.getByText('感染力强')).toBeTruthy();
    expect(inputsOf(callFunction, 'recommend')).toEqual([{ id: 'story-1', note: '感染力强' }]);
    expect(screen.queryByLabelText('推荐到组织部')).toBeNull();
  });

  it('别的支部书记已审核（CONFLICT）时重新载入，审核按钮随之消失', async () => {
    let current = pending();
    opens(secretary, () => current, {
      'story.review': () => {
        current = story();
        return refused('CONFLICT', '作品已被审核');
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: '通过' }));
    await waitFor(() => expect(screen.queryByLabelText('支部审核')).toBeNull());
    expect(inputsOf(callFunction, 'detail')).toHaveLength(2);
  });
});

describe('作品详情：组织部择优上报', () => {
  const recommended = () =>
    story({
      campaignId: 'camp-1',
      campaignTitle: '理论文章征集',
      recommended: true,
      recommendation: { note: '', byName: '林红', at: '2026-11-22T02:00:00.000Z' },
      can: can({ select: true, rate: true }),
    });
  const campaigns = () => page([campaign({ awarded: { first: 1, second: 0, third: 0, excellent: 0 } })]);
  const selectedSecond = () => ({
    ok: true,
    data: {
      story: story({ ...recommended(), selected: true, award: 'second', selection: { award: 'second', at: '2026-11-23T02:00:00.000Z' } }),
    },
  });

  it('奖项旁写着征集还剩几个名额；名额已满时显示服务器 FULL 的原因', async () => {
    opens(orgAdmin, recommended, {
      'story.campaigns': campaigns,
      'story.select': () => refused('FULL', '一等奖名额已用完（共 1 个）'),
    });
    expect(await screen.findByRole('radio', { name: '一等奖（已用完）' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '二等奖（剩 2 个）' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '不设奖' })).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: '一等奖（已用完）' }));
    fireEvent.click(screen.getByRole('button', { name: '择优上报' }));
    await waitFor(() =>
      expect(within(screen.getByLabelText('择优上报')).getByRole('alert').textContent).toBe('一等奖名额已用完（共 1 个）'),
    );
    expect(inputsOf(callFunction, 'select')).toEqual([{ id: 'story-1', award: 'first' }]);
  });

  it('选二等奖上报后作品带上“二等奖”，按钮变为修改奖项', async () => {
    opens(orgAdmin, recommended, {
      'story.campaigns': campaigns,
      'story.select': selectedSecond,
    });
    fireEvent.click(await screen.findByRole('button', { name: '择优上报' }));
    expect(screen.getByRole('alert').textContent).toBe('请选择奖项，或选“不设奖”');
    expect(inputsOf(callFunction, 'select')).toEqual([]);

    fireEvent.click(screen.getByRole('radio', { name: '二等奖（剩 2 个）' }));
    fireEvent.click(screen.getByRole('button', { name: '择优上报' }));
    expect(await screen.findByRole('button', { name: '保存奖项' })).toBeTruthy();
    expect(screen.getAllByText('二等奖').length).toBeGreaterThan(0);
    expect(inputsOf(callFunction, 'select')).toEqual([{ id: 'story-1', award: 'second' }]);
  });

  it('评奖后奖项旁的剩余名额随之减少，不再显示评奖前的名额', async () => {
    let awarded = { first: 1, second: 0, third: 0, excellent: 0 };
    opens(orgAdmin, recommended, {
      'story.campaigns': () => page([campaign({ awarded })]),
      'story.select': () => {
        awarded = { ...awarded, second: 1 };
        return selectedSecond();
      },
    });
    fireEvent.click(await screen.findByRole('radio', { name: '二等奖（剩 2 个）' }));
    fireEvent.click(screen.getByRole('button', { name: '择优上报' }));
    expect(await screen.findByRole('radio', { name: '二等奖（剩 1 个）' })).toBeTruthy();
    expect(screen.queryByRole('radio', { name: '二等奖（剩 2 个）' })).toBeNull();
  });
});

describe('作品详情：征集之外的作品择优上报', () => {
  it('不属于征集的作品只能“不设奖”上报，上报后不再显示择优上报', async () => {
    const recommended = story({
      recommended: true,
      recommendation: { note: '', byName: '林红', at: '2026-11-22T02:00:00.000Z' },
      can: can({ select: true }),
    });
    opens(orgAdmin, () => recommended, {
      'story.select': () => ({
        ok: true,
        data: { story: story({ ...recommended, selected: true, selection: { award: null, at: '2026-11-23T02:00:00.000Z' } }) },
      }),
    });
    expect(await screen.findByText('这件作品不属于征集，只上报、不评奖')).toBeTruthy();
    expect(screen.getAllByRole('radio').map((radio) => radio.textContent)).toEqual(['不设奖']);
    expect(inputsOf(callFunction, 'campaigns')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: '择优上报' }));
    expect(await screen.findByText('已择优上报')).toBeTruthy();
    expect(inputsOf(callFunction, 'select')).toEqual([{ id: 'story-1', award: null }]);
    expect(screen.queryByLabelText('择优上报')).toBeNull();
  });
});

describe('作品详情：分享', () => {
  it('已发布的作品转发到群时带上按作品画出的 5:4 卡片和作品页路径', async () => {
    opens(reader, () => story({ award: 'first', selected: true, selection: { award: 'first', at: '2026-11-23T02:00:00.000Z' } }));
    const preview = await screen.findByRole('img', { name: '分享卡片预览' });
    expect(preview.getAttribute('src')).toBe(CARD_PATH);
    expect(createOffscreenCanvas).toHaveBeenCalledWith({ type: '2d', width: 1000, height: 800 });
    expect(painted).toEqual(expect.arrayContaining(['红色故事', '半条被子的温暖', '作者  王建国 · 第一党支部', '一等奖']));
    expect(share.handler?.()).toEqual({ title: '红色故事｜半条被子的温暖', path: '/story/detail/index?id=story-1', imageUrl: CARD_PATH });
  });

  it('没发布的作品不画卡片，也没有分享按钮', async () => {
    opens(author, () => story({ status: 'pending', approvedAt: null, can: can({ withdraw: true }) }));
    await screen.findByRole('button', { name: '撤回' });
    expect(screen.queryByRole('button', { name: '分享到群' })).toBeNull();
    expect(createOffscreenCanvas).not.toHaveBeenCalled();
  });
});

describe('作品分享卡片的排版', () => {
  /** Every character as wide as the font size: close to how CJK glyphs measure. */
  const measure: MeasureText = (text, font) => [...text].length * Number(/(\d+)px/.exec(font)?.[1] ?? 0);

  it('任何标题、作者和支部都不超出 5:4 的卡片，长标题折成两行并以省略号结尾', () => {
    const words = fc.string({ unit: fc.constantFrom(...'半条被子的温暖沙洲村红军第一党支部离退休'), minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(words, words, words, (title, authorName, branchName) => {
        const ops = layoutStoryCard({ kindLabel: '红色故事', title, authorName, branchName, highlight: '一等奖' }, measure);
        for (const op of ops) {
          if (op.kind !== 'text') continue;
          expect(op.x + measure(op.text, op.font)).toBeLessThanOrEqual(CARD_WIDTH);
          expect(op.y).toBeLessThanOrEqual(CARD_HEIGHT);
        }
        const titleLines = ops
          .filter((op) => op.kind === 'text' && op.font.includes('34px'))
          .map((op) => (op.kind === 'text' ? op.text : ''));
        expect(titleLines.length).toBeLessThanOrEqual(2);
        const shown = titleLines.join('');
        expect(shown.endsWith('…') ? title.startsWith(shown.slice(0, -1)) : shown === title).toBe(true);
      }),
    );
  });
});
