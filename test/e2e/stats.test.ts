/**
 * 六个一 statistics end to end on H5 against the local gateway (issue 14): a member's check-in at a
 * film showing and an approved 心得 reach the secretary's 支部看板 and the member's 我的六个一 once
 * the `cron` aggregator has run — and not before, since check-ins and works never touch the
 * statistics themselves (ARCHITECTURE.md, "Statistics").
 *
 * In the demo seed demo-member has the 党课, the story and the 参观 but neither 观影 nor 心得 (the
 * book is a 自报 still waiting), so one check-in counted for 观影 and one approved 心得 each tick an
 * item of theirs and add one to 第一党支部's count for it. The gateway runs no timer: the test runs
 * one `cron` tick wherever a minute would pass.
 */
import type { ActivityDetail } from '../../types/contracts/activity';
import { callAs, openAs, settledScreenshot, useH5Harness, visibleButton, visiblePage } from '../support/browser';

const h5 = useH5Harness();
const SECRETARY = 'demo-secretary';
const MEMBER = 'demo-member';
const BRANCH_NAME = '第一党支部';
const FILM_ITEM = '观看一部红色教育影视';
const REFLECTION_ITEM = '撰写一篇红色教育心得';
const SHOWING_TITLE = '支部集中观看《建党伟业》';
const REFLECTION_TITLE = '观看《建党伟业》有感';
/** Over the 50 字 a 心得 needs (core/story/rules.ts), free of the local content check's words. */
const REFLECTION_BODY =
  '支部组织大家集中观看了《建党伟业》，影片再现了先辈们在风雨如晦的年代寻找救国道路、创建中国共产党的历程。' +
  '看到青年们为了理想奔走呼号、不惜牺牲，我深受感动。我要把这份初心落实到日常工作中，踏踏实实为师生办好每一件事。';
const MINUTE_MS = 60_000;
/** 党员活动室, as the browser's geolocation (WGS-84) reports it; the member stands there too. */
const ROOM = { latitude: 28.2282, longitude: 112.9388, accuracy: 15 };

const button = (label: string) => visibleButton(h5.page, label);
const screenshot = (name: string) => settledScreenshot(h5.page, name);
const onPage = (text: string) => visiblePage(h5.page).getByText(text, { exact: true }).first();

/** A 集中观影 starting in half an hour (签到 opens an hour before), counted for 观影, that demo-member signs up for. */
async function publishFilmShowing(): Promise<string> {
  const now = Date.now();
  const at = (minutes: number) => new Date(now + minutes * MINUTE_MS).toISOString();
  const { activity } = await callAs<{ activity: ActivityDetail }>(h5.harness, SECRETARY, 'activity', 'create', {
    kind: 'film',
    title: SHOWING_TITLE,
    place: '机关党员活动室',
    online: false,
    startAt: at(30),
    endAt: at(180),
    signUpDeadline: at(20),
    audienceBranchIds: ['branch-1'],
    countsFor: 'film',
    studyHours: 2,
  });
  await callAs(h5.harness, SECRETARY, 'activity', 'publish', { id: activity.id });
  await callAs(h5.harness, MEMBER, 'activity', 'signUp', { id: activity.id });
  return activity.id;
}

interface ItemCount {
  done: number;
  members: number;
}

/** An item's bar on 支部看板, `3/12 人 · 25%`, as numbers. */
async function itemCount(itemTitle: string): Promise<ItemCount> {
  const bar = visiblePage(h5.page)
    .locator('.stats-bar')
    .filter({ has: h5.page.locator('.stats-bar__label', { hasText: itemTitle }) });
  const value = await bar.locator('.stats-bar__value').innerText();
  const match = /^(\d+)\/(\d+) 人/.exec(value.trim());
  if (!match) throw new Error(`「${itemTitle}」's bar reads ${value}`);
  return { done: Number(match[1]), members: Number(match[2]) };
}

async function openDashboard(): Promise<{ film: ItemCount; reflection: ItemCount }> {
  await openAs(h5.harness, SECRETARY, '/stats/dashboard/index');
  await visiblePage(h5.page).locator('.stats-headline .ht-card__title').filter({ hasText: BRANCH_NAME }).waitFor();
  return { film: await itemCount(FILM_ITEM), reflection: await itemCount(REFLECTION_ITEM) };
}

function progressItem(itemTitle: string) {
  return visiblePage(h5.page).locator(`.stats-item[aria-label="${itemTitle}"]`);
}

/** The Shanghai clock of one instant, as 「数据更新于 23:59」 shows it. */
function shanghaiClock(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** 我的六个一's headline, 「已完成 3/6」, as the number done. */
async function doneCount(): Promise<number> {
  const text = await visiblePage(h5.page).locator('.stats-headline__count').innerText();
  const match = /已完成 (\d+)\/6/.exec(text);
  if (!match) throw new Error(`the headline reads ${text}`);
  return Number(match[1]);
}

describe('H5 六个一统计端到端', () => {
  it('党员在集中观影签到、写一篇心得并经书记审核通过；统计运行一次后支部看板的观影和心得各多一人、显示数据更新时间，党员的我的六个一两项都打勾并写明依据', async () => {
    const { page, harness } = h5;
    const activityId = await publishFilmShowing();

    // A minute passes: the aggregator's first run builds the seeded branches.
    await harness.runCron();
    const before = await openDashboard();
    await screenshot('h5-stats-dashboard-before.png');

    // 现场签到 with the rotating code, as checkin.test.ts drives it.
    const context = page.context();
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation(ROOM);
    await openAs(harness, SECRETARY, `/activity/checkin/index?id=${activityId}`);
    const codeText = visiblePage(page).locator('.checkin-code__text');
    await codeText.waitFor();
    await visiblePage(page).locator('.ht-qr__image').waitFor();
    // Read as late as possible: the code is accepted for its own 10 s slot and the next.
    const code = (await codeText.innerText()).trim();
    await openAs(harness, MEMBER, '/checkin/landing/index');
    await visiblePage(page).locator('input[placeholder="粘贴或输入签到码"]').fill(code);
    await button('签到').click();
    await onPage('签到成功').waitFor();
    await screenshot('h5-stats-member-checked-in.png');

    // Before the aggregator runs again the checklist is as it was: the check-in did not touch it.
    await openAs(harness, MEMBER, '/stats/progress/index');
    await progressItem(FILM_ITEM).waitFor();
    await expect(progressItem(FILM_ITEM).locator('.stats-item__mark--done').count()).resolves.toBe(0);
    await expect(progressItem(REFLECTION_ITEM).locator('.stats-item__mark--done').count()).resolves.toBe(0);
    const doneBefore = await doneCount();
    await screenshot('h5-stats-progress-before.png');

    // 我的六个一 → 写心得 opens the editor on a 心得体会.
    await progressItem(REFLECTION_ITEM)
      .locator('.ht-button')
      .filter({ hasText: /^写心得$/ })
      .click();
    await expect(
      visiblePage(page).locator('[aria-label="作品类型"] .ht-chip').filter({ hasText: '心得体会' }).getAttribute('aria-checked'),
    ).resolves.toBe('true');
    await visiblePage(page).locator('input[name="title"]').fill(REFLECTION_TITLE);
    await visiblePage(page).locator('textarea[name="body"]').fill(REFLECTION_BODY);
    await button('提交').click();
    await onPage('已提交，等待支部审核').waitFor();
    await screenshot('h5-stats-reflection-submitted.png');

    // 我的 → 审核投稿 → the 心得 → 通过
    await openAs(harness, SECRETARY, '/pages/me/index');
    await onPage('审核投稿').click();
    await visiblePage(page).locator('.ht-story-card').filter({ hasText: REFLECTION_TITLE }).click();
    await button('通过').click();
    // Only an approved work can be put forward, and it is no longer up for review.
    await button('推荐到组织部').waitFor();
    await expect(visiblePage(page).locator('[aria-label="支部审核"]').count()).resolves.toBe(0);
    await screenshot('h5-stats-reflection-approved.png');

    // Another minute: the aggregator finds the check-in and the approval and rebuilds 第一党支部.
    const tickStarted = new Date();
    await harness.runCron();
    const tickEnded = new Date();
    const after = await openDashboard();
    expect(after).toEqual({
      film: { done: before.film.done + 1, members: before.film.members },
      reflection: { done: before.reflection.done + 1, members: before.reflection.members },
    });
    // The time of this run (with the date only if Shanghai's midnight fell in between).
    const asOf = (await visiblePage(page).locator('.stats-headline .stats-as-of').innerText()).trim();
    expect(asOf.startsWith('数据更新于 ')).toBe(true);
    expect([shanghaiClock(tickStarted), shanghaiClock(tickEnded)]).toContain(asOf.slice(-5));
    await screenshot('h5-stats-dashboard-after.png');

    await openAs(harness, MEMBER, '/stats/progress/index');
    await expect(doneCount()).resolves.toBe(doneBefore + 2);
    for (const [itemTitle, evidence] of [
      [FILM_ITEM, `参加「${SHOWING_TITLE}」`],
      [REFLECTION_ITEM, `心得体会「${REFLECTION_TITLE}」`],
    ] as const) {
      const item = progressItem(itemTitle);
      await item.locator('.stats-item__mark--done').waitFor();
      await expect(item.locator('.ht-tag').allInnerTexts()).resolves.toContain('已完成');
      await expect(item.locator('.stats-item__evidence').innerText()).resolves.toContain(evidence);
      await expect(item.locator('.ht-button').count()).resolves.toBe(0);
    }
    await screenshot('h5-stats-progress-after.png');
  });
});
