import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { InviteInfo, MemberListItem } from '../../types/contracts/member';
import { callAs, openAs, RESULTS_DIR, useH5Harness, visibleButton, visiblePage, waitForPageToSettle } from '../support/browser';

const h5 = useH5Harness({ viewport: { width: 375, height: 812 } });
const SCREENSHOTS = join(RESULTS_DIR, 'firstrun');
/** Nobody the seed knows: a phone opening the app for the first time. */
const STRANGER = 'wx-e2e-walker';
const STRANGER_NAME = '吴秀兰';
const TAB_LABELS = ['首页', '活动', '答题', '打卡', '我的'];

/** No step of the walk may show an error card: every state the stranger passes through is an expected one. */
async function expectNoErrorCard(): Promise<void> {
  expect(await h5.page.locator('.ht-error:visible').count()).toBe(0);
}

/** Checks the step for error cards and saves it as test-results/firstrun/walk-<step>.png. */
async function step(name: string): Promise<void> {
  const { page } = h5;
  await waitForPageToSettle(page);
  // Loaded: the page on top has no skeleton left.
  await page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((node) => node.offsetParent !== null);
    return shown[shown.length - 1]?.querySelector('.ht-skeleton') === null;
  });
  await expectNoErrorCard();
  await page.screenshot({ path: join(SCREENSHOTS, `walk-${name}.png`), fullPage: true });
}

async function openTab(label: string): Promise<void> {
  await h5.page.locator('taro-tabbar .weui-tabbar__label').filter({ hasText: label }).click();
  await waitForPageToSettle(h5.page);
}

describe('陌生人从第一次打开到加入党支部（H5，375×812）', () => {
  beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

  it('看到个人信息保护指引 → 同意 → 加入党支部指引 → 输入书记的邀请码 → 申请 → 各标签页待审核 → 书记批准 → 我的显示支部，全程没有错误卡片', async () => {
    const { page, harness } = h5;

    await openAs(harness, STRANGER, '/pages/home/index');
    await visiblePage(page).getByText('个人信息保护指引').waitFor();
    await step('1-privacy');

    await visibleButton(page, '同意并继续').click();
    const guide = visiblePage(page).locator('.ht-join-guide');
    await guide.getByText('加入党支部', { exact: true }).waitFor();
    await step('2-join-guide');
    for (const label of TAB_LABELS) {
      await openTab(label);
      await visiblePage(page).locator('.ht-join-guide').waitFor();
      await expectNoErrorCard();
    }
    await openTab('首页');

    const invite = await callAs<{ code: string }>(harness, 'demo-secretary', 'member', 'createInvite', {});
    const info = await callAs<InviteInfo>(harness, 'demo-secretary', 'member', 'inviteInfo', { code: invite.code });

    await visiblePage(page).locator('.ht-join-guide input').fill(invite.code.toLowerCase());
    await visibleButton(page, '用邀请码加入党支部').click();
    await visiblePage(page)
      .locator('.join-intro__title')
      .filter({ hasText: `${info.branchName}邀请你加入` })
      .waitFor();
    expect(await visiblePage(page).locator('.join-intro').innerText()).toContain(`邀请人：${info.invitedBy.name}`);
    await step('3-landing');

    await visiblePage(page).locator('input[placeholder="与组织关系档案一致的真实姓名"]').fill(STRANGER_NAME);
    await visiblePage(page).getByText('请选择').click();
    await page.getByText('确定', { exact: true }).last().click();
    await step('4-form');
    await visibleButton(page, '提交申请').click();
    await visiblePage(page).getByText('已提交，等待支部书记审核').waitFor();
    await step('5-submitted');

    await openAs(harness, STRANGER, '/pages/home/index');
    for (const label of TAB_LABELS) {
      await openTab(label);
      const pending = visiblePage(page).locator('.ht-pending');
      await pending.getByText('待审核', { exact: true }).waitFor();
      expect(await pending.innerText()).toContain(`「${info.branchName}」`);
      await step(`6-pending-${label}`);
    }

    const applicants = await callAs<{ items: MemberListItem[] }>(harness, 'demo-secretary', 'member', 'list', { status: 'pending' });
    const applicant = applicants.items.find((item) => item.name === STRANGER_NAME);
    if (!applicant) throw new Error(`${STRANGER_NAME} is not among the pending applicants`);
    await callAs(harness, 'demo-secretary', 'member', 'approveJoin', { memberId: applicant.id });

    // Tab pages read the membership again when they come back into view.
    await openTab('首页');
    await visiblePage(page).getByText(`${STRANGER_NAME}同志，你好`).waitFor();
    await openTab('我的');
    await visiblePage(page).getByText(info.branchName).first().waitFor();
    expect(await visiblePage(page).locator('.ht-pending, .ht-join-guide').count()).toBe(0);
    await step('7-joined-me');
  });
});
