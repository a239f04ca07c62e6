/**
 * 现场签到 end to end on H5 against the local gateway: the organiser's rotating code, a member
 * checking in with it on the landing page, the live 名单, a 补录 and its line in 操作记录.
 *
 * The activity happens in a room, so the location is checked: the browser reports positions as a
 * phone's GPS would (WGS-84, converted to GCJ-02 by the app), the organiser's screen fences the
 * place where the organiser stands, and the member checks in from 80 m away. Every edge of the
 * fence is covered by the checkin function's tests.
 */
import type { ActivityDetail } from '../../types/contracts/activity';
import { callAs, openAs, settledScreenshot, useH5Harness, visibleButton, visiblePage } from '../support/browser';

const h5 = useH5Harness();
const SECRETARY = 'demo-secretary';
const MEMBER = 'demo-member';
const MEMBER_NAME = '林红';
/** A generated member of 第一党支部 in the demo seed: signs up, then is back-filled. */
const ABSENT_MEMBER = 'seed-member-01';
const ADMIN = 'demo-admin';
const TITLE = '端到端测试现场签到';
const REASON = '手机没电，现场确认到会';
const MINUTE_MS = 60_000;
/** 党员活动室, as the browser's geolocation (WGS-84) reports it. */
const ROOM = { latitude: 28.2282, longitude: 112.9388, accuracy: 15 };
/** 80 m north of the room: inside the 300 m fence around where the organiser stands. */
const NEARBY = { ...ROOM, latitude: ROOM.latitude + 80 / 111_195 };

async function standAt(position: typeof ROOM): Promise<void> {
  const context = h5.page.context();
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(position);
}

/** Starting in half an hour: 签到 opens an hour before the start, so the code can be shown now. */
async function publishActivityStartingSoon(): Promise<string> {
  const now = Date.now();
  const at = (minutes: number) => new Date(now + minutes * MINUTE_MS).toISOString();
  const { activity } = await callAs<{ activity: ActivityDetail }>(h5.harness, SECRETARY, 'activity', 'create', {
    kind: 'theme_day',
    title: TITLE,
    place: '机关党员活动室',
    online: false,
    startAt: at(30),
    endAt: at(150),
    signUpDeadline: at(20),
    audienceBranchIds: ['branch-1'],
    studyHours: 2,
  });
  await callAs(h5.harness, SECRETARY, 'activity', 'publish', { id: activity.id });
  for (const openid of [MEMBER, ABSENT_MEMBER]) {
    await callAs(h5.harness, openid, 'activity', 'signUp', { id: activity.id });
  }
  return activity.id;
}

function tab(label: string) {
  return visiblePage(h5.page).locator('.ht-segments__tab').filter({ hasText: label });
}

describe('H5 现场签到端到端', () => {
  it('书记展示签到码，党员在落地页输入签到码签到；名单里出现这位党员；书记为另一位报名的党员补录，组织部在操作记录里看到补录和原因', async () => {
    const { page, harness } = h5;
    // Creating and publishing through the form is activity.test.ts's subject; here the check-in is.
    const activityId = await publishActivityStartingSoon();
    const desk = `/activity/checkin/index?id=${activityId}`;

    await standAt(ROOM);
    await openAs(harness, SECRETARY, desk);
    const codeText = visiblePage(page).locator('.checkin-code__text');
    await codeText.waitFor();
    await visiblePage(page)
      .getByText(/以你当前位置为中心 300 米/)
      .waitFor();
    await visiblePage(page).locator('.ht-qr__image').waitFor();
    await settledScreenshot(page, 'h5-checkin-code.png');
    // Read as late as possible: the code is accepted for its own 10 s slot and the next.
    const code = (await codeText.innerText()).trim();
    expect(code).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    await standAt(NEARBY);
    await openAs(harness, MEMBER, '/checkin/landing/index');
    await visiblePage(page).locator('input[placeholder="粘贴或输入签到码"]').fill(code);
    await visibleButton(page, '签到').click();
    await visiblePage(page).getByText('签到成功').waitFor();
    await visiblePage(page)
      .getByText(/距签到点 8\d 米/)
      .waitFor();
    await settledScreenshot(page, 'h5-checkin-member-success.png');

    await openAs(harness, SECRETARY, desk);
    await tab('名单').click();
    const present = visiblePage(page).locator('.checkin-present');
    await present.filter({ hasText: MEMBER_NAME }).filter({ hasText: '扫签到码' }).waitFor();
    const missing = visiblePage(page).locator('.checkin-missing');
    await expect(missing.count()).resolves.toBe(1);
    const absentName = (await missing.locator('.ht-cell__title').innerText()).trim();
    await settledScreenshot(page, 'h5-checkin-roster.png');

    await missing
      .locator('.ht-button')
      .filter({ hasText: /^补录$/ })
      .click();
    await visiblePage(page).locator('textarea[placeholder="如：手机没电，现场确认到会"]').fill(REASON);
    await visibleButton(page, `确认补录 ${absentName}`).click();
    await present
      .filter({ hasText: absentName })
      .filter({ hasText: `补录原因：${REASON}（赵志刚补录）` })
      .waitFor();
    await visiblePage(page).getByText('报名的同志都已签到').waitFor();
    await settledScreenshot(page, 'h5-checkin-backfilled.png');

    await openAs(harness, ADMIN, '/pages/me/index');
    await visiblePage(page).getByText('操作记录', { exact: true }).click();
    const backfillEntry = visiblePage(page).locator('.admin-audit__entry').filter({ hasText: '签到补录' });
    await backfillEntry
      .filter({ hasText: `补录签到：${absentName}` })
      .filter({ hasText: `原因：${REASON}` })
      .waitFor();
    await expect(backfillEntry.filter({ hasText: `「${TITLE}」` }).count()).resolves.toBe(1);
    await settledScreenshot(page, 'h5-audit-backfill.png');
  });
});
