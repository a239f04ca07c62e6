/**
 * 知识竞赛 integrity end to end on H5 against the local gateway: an organiser publishes a contest
 * from the workbench and sees the confirmation; a member reads 竞赛须知, takes it and leaves the page
 * once (the browser's visibilitychange, as switching apps raises it); the organiser then finds the
 * attempt with its switch count and flag, and downloads the results sheet.
 */
import { callAs, openAs, settledScreenshot, useH5Harness, visibleButton, visiblePage } from '../support/browser';

const h5 = useH5Harness();
const ADMIN = 'demo-admin';
const MEMBER = 'demo-member';
const MEMBER_NAME = '林红';
const TITLE = '端到端 · 切屏检测竞赛';
const QUESTIONS = 5;
const MAX_SWITCHES = 3;
const MINUTE_MS = 60_000;

let contestId = '';

function page() {
  return visiblePage(h5.page);
}

function tab(label: string) {
  return page().locator('.ht-segments__tab').filter({ hasText: label });
}

function contestCard() {
  return page().locator('.admin-contest').filter({ hasText: TITLE });
}

/** The tab is hidden and shown again, as when the member switches to another app and back. */
async function switchAwayAndBack(): Promise<void> {
  await h5.page.evaluate(() => {
    const setVisibility = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    setVisibility('hidden');
    setVisibility('visible');
  });
}

describe('H5 知识竞赛防作弊端到端', () => {
  it('组织者在竞赛管理里发布草稿，弹窗说明已发布以及党员会看到什么', async () => {
    // The draft is set up through the gateway: the H5 date pickers are not what this test is about.
    const now = Date.now();
    const saved = await callAs<{ contestId: string }>(h5.harness, ADMIN, 'quiz', 'createContest', {
      title: TITLE,
      startAt: new Date(now - MINUTE_MS).toISOString(),
      endAt: new Date(now + 24 * 60 * MINUTE_MS).toISOString(),
      rules: [{ count: QUESTIONS }],
      timeLimitSec: 600,
      attemptsAllowed: 1,
      maxSwitches: MAX_SWITCHES,
      draft: true,
    });
    contestId = saved.contestId;

    await openAs(h5.harness, ADMIN, '/admin/contests/index');
    await tab('草稿').click();
    await contestCard()
      .locator('.ht-button')
      .filter({ hasText: /^发布$/ })
      .click();

    const dialog = h5.page.getByText(`「${TITLE}」已发布，共 ${QUESTIONS} 题。竞赛已开始，全体党员现在就能在“答题”页看到并作答。`);
    await dialog.waitFor();
    expect(await h5.page.getByText('竞赛已发布').count()).toBeGreaterThan(0);
    await h5.page.getByText('知道了').click();

    await tab('进行中').click();
    await contestCard().waitFor();
    expect(await contestCard().textContent()).toContain('暂无人交卷');
    await settledScreenshot(h5.page, 'h5-quiz-admin-list.png');
  });

  it('党员读过竞赛须知后作答，切出页面一次被记录，交卷后结果页写明次数', async () => {
    await openAs(h5.harness, MEMBER, `/quiz/take/index?contestId=${contestId}`);
    await page().getByText('竞赛须知').waitFor();
    await page().getByText(`答题期间切出页面或切换到其他应用会被记录，超过 ${MAX_SWITCHES} 次将自动交卷。`).waitFor();
    await page().getByText('每次交卷后可看解析。').waitFor();
    await settledScreenshot(h5.page, 'h5-quiz-notice.png');
    await visibleButton(h5.page, '我已阅读，开始答题').click();

    await page().getByText(`第 1/${QUESTIONS} 题`).waitFor();
    await page().getByText(`已切出 0 次，超过 ${MAX_SWITCHES} 次将自动交卷`).waitFor();
    await switchAwayAndBack();
    await page().getByText(`已切出 1 次，超过 ${MAX_SWITCHES} 次将自动交卷`).waitFor();

    for (let index = 1; index <= QUESTIONS; index += 1) {
      await page().getByText(`第 ${index}/${QUESTIONS} 题`).waitFor();
      const isMultiple = (await page().locator('.quiz-take__meta .ht-tag').textContent()) === '多选题';
      await page().locator('.quiz-option').first().click();
      await page().locator('.quiz-option--chosen').first().waitFor();
      if (index === QUESTIONS) break;
      if (isMultiple) await visibleButton(h5.page, '下一题').click();
    }
    await page().getByText(`答题卡 ${QUESTIONS}/${QUESTIONS}`).waitFor();
    await visibleButton(h5.page, '交卷').click();

    await page().getByText('本次得分').waitFor();
    await page().getByText('本次作答切出页面 1 次，已记录。').waitFor();
    // One attempt allowed: the review comes right after submit.
    await page().getByText('答题解析').waitFor();
  });

  it('组织者在成绩页看到这次作答的切屏次数和标记，并导出成绩表', async () => {
    await openAs(h5.harness, ADMIN, `/admin/results/index?contestId=${contestId}`);
    const row = page().locator('.admin-attempt').filter({ hasText: MEMBER_NAME });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('切屏 1 次');
    // Five questions answered in a few seconds: faster than anyone reads them.
    expect(text).toContain('答题快于读题');

    await page().getByText('只看有标记的').click();
    await row.waitFor();

    const download = h5.page.waitForEvent('download');
    await visibleButton(h5.page, '导出成绩 Excel').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await page().getByText('已导出 1 位党员的成绩。').waitFor();
    await settledScreenshot(h5.page, 'h5-quiz-results.png');

    await tab('题目正确率').click();
    await page().getByText('各题正确率（由低到高）').waitFor();
    expect(await page().locator('.admin-rate').count()).toBeGreaterThan(QUESTIONS - 1);
  });
});
