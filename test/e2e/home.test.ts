import { join } from 'node:path';
import { RESULTS_DIR, useH5Harness, visiblePage } from '../support/browser';

const h5 = useH5Harness();

describe('H5 首页端到端', () => {
  it('选择 demo-member 后首页显示种子活动与开放中的竞赛', async () => {
    const { page, harness } = h5;
    await page.goto(harness.baseUrl);
    await page.getByText('demo-member').first().click();

    await visiblePage(page).getByText('林红').first().waitFor();
    await visiblePage(page).getByText('走进道县陈树湘党性教育基地').first().waitFor();
    await visiblePage(page).getByText('永州红色记忆 · 党史知识竞赛').first().waitFor();

    await page.screenshot({ path: join(RESULTS_DIR, 'h5-home-demo-member.png'), fullPage: true });
  });
});
