import { openAs as openAsIn, settledScreenshot, useH5Harness, visibleButton, visiblePage } from '../support/browser';

const h5 = useH5Harness();
/** A generated member of 第一党支部 in the demo seed, the second to sign up. */
const SECOND_MEMBER = 'seed-member-01';
const TITLE = '端到端测试主题党日';

const openAs = (openid: string, hashPath: string) => openAsIn(h5.harness, openid, hashPath);
const button = (label: string) => visibleButton(h5.page, label);
const screenshot = (name: string) => settledScreenshot(h5.page, name);

describe('H5 活动端到端', () => {
  it('书记发起并发布一个限 1 人、可候补的活动；党员打开链接报名后名额减一；第二位党员候补，第一位取消后自动递补', async () => {
    const { page } = h5;
    await openAs('demo-secretary', '/activity/edit/index');
    await visiblePage(page).locator('input[placeholder="2–40 个字，如：重温入党誓词主题党日"]').fill(TITLE);
    await visiblePage(page).locator('input[placeholder="如：道县陈树湘党性教育基地"]').fill('党员活动室');
    await visiblePage(page).locator('input[placeholder="不限"]').fill('1');
    await button('保存并发布').click();
    // Publishing opens the detail page, whose link is what goes to the branch group.
    await visiblePage(page).getByText('分享到支部群').waitFor();
    const link = (await visiblePage(page).locator('.ht-share__link').innerText()).trim();
    const detailPath = link.slice(link.indexOf('#') + 1);
    expect(detailPath).toMatch(/^\/activity\/detail\/index\?id=[\w-]+$/);
    await screenshot('h5-activity-published.png');

    await openAs('demo-member', detailPath);
    await visiblePage(page).getByText(TITLE).first().waitFor();
    await visiblePage(page).getByText('剩余 1 个名额').first().waitFor();
    await button('报名').click();
    await visiblePage(page).getByText('你已报名').waitFor();
    await visiblePage(page).getByText('名额已满·可候补').first().waitFor();
    await visiblePage(page).getByText('已报名 1 人 · 共 1 个名额').waitFor();
    await screenshot('h5-activity-signed-up.png');

    await openAs(SECOND_MEMBER, detailPath);
    await button('加入候补').click();
    await visiblePage(page).getByText('你在候补名单中').waitFor();
    await screenshot('h5-activity-waitlisted.png');

    await openAs('demo-member', detailPath);
    await button('取消报名').click();
    await page.locator('.taro-modal__foot').getByText('取消报名', { exact: true }).click();
    await visiblePage(page).getByText('你已取消报名').waitFor();

    await openAs(SECOND_MEMBER, detailPath);
    await visiblePage(page).getByText('你已报名').waitFor();
    await visiblePage(page).getByText('已报名 1 人 · 共 1 个名额').waitFor();
    await screenshot('h5-activity-promoted.png');
  });
});
