import { join } from 'node:path';
import { RESULTS_DIR, useH5Harness, visiblePage as topPage, waitForPageToSettle as settle } from '../support/browser';

const CONTEST_TITLE = '永州红色记忆 · 党史知识竞赛';
const h5 = useH5Harness();
const waitForPageToSettle = () => settle(h5.page);
const visiblePage = () => topPage(h5.page);

describe('H5 知识竞赛端到端', () => {
  it('demo-member 从答题页开始种子竞赛，读过竞赛须知后答完每一题并交卷，结果页显示得分和名次，答案待竞赛结束后公布', async () => {
    const { page, harness } = h5;
    await page.goto(harness.baseUrl);
    await page.getByText('demo-member').first().click();
    await visiblePage().getByText('林红').first().waitFor();

    await page.locator('.weui-tabbar__item').filter({ hasText: '答题' }).click();
    await visiblePage().getByText(CONTEST_TITLE).first().waitFor();
    await visiblePage().locator('.ht-button').filter({ hasText: '开始答题' }).first().click();
    // 竞赛须知 first: the clock starts only when the member confirms.
    await visiblePage().getByText('竞赛须知').waitFor();
    await visiblePage().locator('.ht-button').filter({ hasText: '我已阅读，开始答题' }).click();

    const progress = visiblePage().locator('.quiz-take__progress');
    await progress.waitFor();
    const total = Number(/\/(\d+)/.exec((await progress.textContent()) ?? '')?.[1]);
    expect(total).toBe(20);

    for (let index = 1; index <= total; index += 1) {
      await visiblePage().getByText(`第 ${index}/${total} 题`).waitFor();
      const isMultiple = (await visiblePage().locator('.quiz-take__meta .ht-tag').textContent()) === '多选题';
      await visiblePage().locator('.quiz-option').first().click();
      await visiblePage().locator('.quiz-option--chosen').first().waitFor();
      if (index === 2) {
        await waitForPageToSettle();
        await page.screenshot({ path: join(RESULTS_DIR, 'h5-quiz-take.png') });
      }
      if (index === total) break;
      // Single and judge questions move on by themselves; a multiple-choice one waits for 下一题.
      if (isMultiple) await visiblePage().locator('.ht-button').filter({ hasText: '下一题' }).click();
      await visiblePage()
        .getByText(`第 ${index + 1}/${total} 题`)
        .waitFor();
    }
    await visiblePage().getByText(`答题卡 ${total}/${total}`).waitFor();
    await visiblePage().locator('.ht-button').filter({ hasText: '交卷' }).click();

    await visiblePage().getByText('本次得分').waitFor();
    const score = await visiblePage().locator('.quiz-score__value').textContent();
    expect(score).toMatch(/^\d+ \/ \d+ 分$/);
    const rank = visiblePage().getByText(/^第 \d+ 名$/);
    await rank.waitFor();
    // Three attempts are allowed, so answers and explanations wait until the contest closes.
    await visiblePage()
      .getByText(/^答案与解析将在竞赛结束后（.+）公布。$/)
      .waitFor();
    expect(await visiblePage().locator('.quiz-review').count()).toBe(0);

    await waitForPageToSettle();
    await page.screenshot({ path: join(RESULTS_DIR, 'h5-quiz-result.png'), fullPage: true });
  });

  it('从结果页打开排行榜，自己的一行高亮，底部常驻“我的排名”', async () => {
    const { page } = h5;
    await visiblePage().locator('.ht-button').filter({ hasText: '查看排行榜' }).click();
    await visiblePage().locator('.quiz-board__row--me').waitFor();
    expect(await visiblePage().locator('.quiz-board__row--me').textContent()).toContain('林红（我）');
    await visiblePage()
      .locator('.quiz-mybar__value')
      .filter({ hasText: /^第 \d+ 名 · \d+ 分 · \d\d:\d\d$/ })
      .waitFor();
    await waitForPageToSettle();
    await page.screenshot({ path: join(RESULTS_DIR, 'h5-quiz-board.png') });
  });
});
