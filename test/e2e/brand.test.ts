/**
 * 四红 end to end on H5 against the local gateway (ARCHITECTURE.md, "Statistics", 四红): the demo
 * seed's brand programme is in its 申报 stage (emulator/seed/brand.ts: 申报 closes two weeks after the
 * seed's now), so 第一党支部's secretary nominates a 红色课堂 and a 红色园丁 picked from
 * the unit's roster through the pages; the org admin's board then counts them, and a member learns
 * that 评议 has not opened yet.
 *
 * The gateway's clock is real time, so only 申报 can be driven through the pages; the later stages
 * are the functions' tests'. The 红色课堂 goes in with a photo, which its card then shows from the
 * temporary link the server gives each photo (a browser cannot load a `cloud://` id).
 */
import { countWords } from '../../core/story/wordCount';
import type { BrandProgrammeView } from '../../types/contracts/brand';
import {
  callAs,
  expectImageShown,
  openAs,
  photoFile,
  settledScreenshot,
  useH5Harness,
  visibleButton,
  visiblePage,
} from '../support/browser';

const h5 = useH5Harness();
const MEMBER = 'demo-member';
const SECRETARY = 'demo-secretary';
const ADMIN = 'demo-admin';
const BRANCH_NAME = '第一党支部';
/** demo-member, of 第一党支部: the teacher the secretary nominates as 红色园丁. */
const NOMINEE = '林红';
const CLASSROOM_TITLE = '“周周讲”红色故事课堂';
/** Over the 20 字 a 简介 needs, free of the local content check's words. */
const CLASSROOM_DESCRIPTION =
  '支部每周三下午在学校报告厅开讲红色故事，由党员教师轮流主讲，结合校史和本地红色资源，' +
  '一学期共开讲十六次，听课师生一千二百余人次，学生自发组建了红色故事宣讲队。';
const GARDENER_TITLE = '扎根山区二十年的思政教师';
const GARDENER_DESCRIPTION =
  '林红同志从教二十年，长期担任思政课教师和班主任，坚持把党史故事讲进课堂，' + '带领青年教师开展集体备课，所教班级多次获评先进班集体。';

const button = (label: string) => visibleButton(h5.page, label);
const screenshot = (name: string) => settledScreenshot(h5.page, name);
const onPage = (text: string) => visiblePage(h5.page).getByText(text, { exact: true }).first();

/** The seeded programme, as the server lists it: its title and deadlines come from the seed's now. */
async function seededProgramme(): Promise<BrandProgrammeView> {
  const { items } = await callAs<{ items: BrandProgrammeView[] }>(h5.harness, SECRETARY, 'stats', 'brandProgrammes', { pageSize: 20 });
  const programme = items.find((item) => item.id.startsWith('brand-sihong-'));
  if (!programme) throw new Error(`no seeded 四红 programme among ${items.map((item) => item.id).join(', ')}`);
  return programme;
}

/** `申报 12月13日 18:43 截止` in Beijing time, or `申报 12月13日截止` for a deadline at midnight. */
function applyDeadlineText(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  const time = `${parts.hour}:${parts.minute}`;
  if (time !== '00:00') return `申报 ${Number(parts.month)}月${Number(parts.day)}日 ${time} 截止`;
  const dayBefore = new Date(Date.parse(iso) - 1);
  const [month, day] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' })
    .formatToParts(dayBefore)
    .filter((part) => part.type === 'month' || part.type === 'day')
    .map((part) => Number(part.value));
  return `申报 ${month}月${day}日截止`;
}

/** 本支部申报进度's row for a brand: `红色课堂 1/2` and its 申报 button. */
function progressRow(brandLabel: string) {
  return visiblePage(h5.page).locator(`.brand-progress[aria-label="${brandLabel}"]`);
}

async function expectProgress(brandLabel: string, text: string, tag: string): Promise<void> {
  const row = progressRow(brandLabel);
  await row
    .locator('.brand-progress__label')
    .filter({ hasText: new RegExp(`^${text}$`) })
    .waitFor();
  await expect(row.locator('.ht-tag').innerText()).resolves.toBe(tag);
}

function nominationCard(title: string) {
  return visiblePage(h5.page).locator(`.brand-nomination[aria-label="${title}"]`);
}

/** The nomination form's 字数 counter, `63 / 1000 字`. */
function wordCounter() {
  return visiblePage(h5.page).locator('.story-words');
}

describe('H5 四红品牌端到端', () => {
  let programme: BrandProgrammeView;

  beforeAll(async () => {
    programme = await seededProgramme();
  });

  it('书记从我的进入四红品牌，看到申报中的方案和申报截止时间；打开方案看到第一党支部各品牌的申报进度，红色课堂 0/2', async () => {
    await openAs(h5.harness, SECRETARY, '/pages/me/index');
    await onPage('四红品牌').click();
    const cell = visiblePage(h5.page).locator('.ht-cell').filter({ hasText: programme.title });
    await cell.waitFor();
    await expect(cell.locator('.ht-tag').innerText()).resolves.toBe('申报中');
    await expect(cell.locator('.ht-cell__description').innerText()).resolves.toContain(applyDeadlineText(programme.applyEndsAt));
    await screenshot('h5-brand-programmes.png');

    await cell.click();
    await visiblePage(h5.page).locator('.brand-heading .ht-card__title').filter({ hasText: programme.title }).waitFor();
    await onPage('本支部申报进度').waitFor();
    await expectProgress('红色课堂', '红色课堂 0/2', '还差 2 个');
    await expectProgress('红色园丁', '红色园丁 0/1', '还差 1 个');
    await onPage('本支部还没有申报').waitFor();
    await expect(visiblePage(h5.page).locator('.brand-step[aria-current="step"] .brand-step__label').innerText()).resolves.toBe('申报');
    await screenshot('h5-brand-programme-secretary-empty.png');
  });

  it('书记申报一节红色课堂：简介不足 20 字时字数和提示说明还差多少，写够后提交；回到方案页红色课堂 1/2，申报列在本支部的申报里并可修改申报', async () => {
    const { page } = h5;
    await progressRow('红色课堂')
      .locator('.ht-button')
      .filter({ hasText: /^申报$/ })
      .click();
    await expect(
      visiblePage(page).locator('[aria-label="品牌"] .ht-chip').filter({ hasText: '红色课堂' }).getAttribute('aria-checked'),
    ).resolves.toBe('true');
    await expect(wordCounter().innerText()).resolves.toBe('0 / 1000 字');
    await visiblePage(page).locator('input[name="title"]').fill(CLASSROOM_TITLE);

    // Too short: the counter says so, and 提交申报 is refused on the page.
    await visiblePage(page).locator('textarea[name="description"]').fill('每周开讲红色故事');
    await expect(wordCounter().innerText()).resolves.toBe(`${countWords('每周开讲红色故事')} / 1000 字`);
    await button('提交申报').click();
    await onPage(`简介须 20–1000 字（现为 ${countWords('每周开讲红色故事')} 字）`).waitFor();

    await visiblePage(page).locator('textarea[name="description"]').fill(CLASSROOM_DESCRIPTION);
    const words = countWords(CLASSROOM_DESCRIPTION);
    expect(words).toBeGreaterThan(20);
    await expect(wordCounter().innerText()).resolves.toBe(`${words} / 1000 字`);
    await visiblePage(page).locator('input[type="file"][aria-label="选择图片"]').setInputFiles(photoFile('红途 · 红色课堂照片'));
    await onPage('已上传').waitFor();
    await screenshot('h5-brand-nominate-classroom.png');
    await button('提交申报').click();

    // navigateBack: the programme page reads its board and list again.
    await expectProgress('红色课堂', '红色课堂 1/2', '还差 1 个');
    const card = nominationCard(CLASSROOM_TITLE);
    await card.waitFor();
    await expect(card.locator('.brand-nomination__meta').innerText()).resolves.toBe(`红色课堂 · ${BRANCH_NAME}`);
    await expect(card.locator('.ht-tag').innerText()).resolves.toBe('已申报');
    await expectImageShown(card.locator('.brand-nomination__photo img'));
    await card
      .locator('.ht-button')
      .filter({ hasText: /^修改申报$/ })
      .waitFor();
    await screenshot('h5-brand-programme-classroom-nominated.png');
  });

  it('书记申报红色园丁：在本支部在册党员中按姓名查找并选中林红后提交；红色园丁 1/1 已达到', async () => {
    const { page } = h5;
    await progressRow('红色园丁')
      .locator('.ht-button')
      .filter({ hasText: /^申报$/ })
      .click();
    await expect(
      visiblePage(page).locator('[aria-label="品牌"] .ht-chip').filter({ hasText: '红色园丁' }).getAttribute('aria-checked'),
    ).resolves.toBe('true');

    // The roster is the unit's own; a name prefix narrows it.
    const roster = visiblePage(page).locator('[aria-label="推荐的党员"] .ht-chip');
    await roster.first().waitFor();
    await visiblePage(page).locator('input[name="search"]').fill(NOMINEE.slice(0, 1));
    await button('查找').click();
    const nominee = roster.filter({ hasText: new RegExp(`^${NOMINEE}$`) });
    await nominee.click();
    await expect(nominee.getAttribute('aria-checked')).resolves.toBe('true');
    await onPage(`已选：${NOMINEE}`).waitFor();

    await visiblePage(page).locator('input[name="title"]').fill(GARDENER_TITLE);
    await visiblePage(page).locator('textarea[name="description"]').fill(GARDENER_DESCRIPTION);
    await expect(wordCounter().innerText()).resolves.toBe(`${countWords(GARDENER_DESCRIPTION)} / 1000 字`);
    await screenshot('h5-brand-nominate-gardener.png');
    await button('提交申报').click();

    await expectProgress('红色园丁', '红色园丁 1/1', '已达到');
    await expectProgress('红色课堂', '红色课堂 1/2', '还差 1 个');
    const card = nominationCard(GARDENER_TITLE);
    await card.waitFor();
    await expect(card.locator('.brand-nomination__meta').innerText()).resolves.toBe(`红色园丁 · ${BRANCH_NAME} · 推荐 ${NOMINEE}`);
    await card
      .locator('.ht-button')
      .filter({ hasText: /^修改申报$/ })
      .waitFor();
    await screenshot('h5-brand-programme-gardener-nominated.png');
  });

  it('组织部打开同一方案：各单位排名列出第一党支部及其达到推荐数的品牌，评选名额显示各品牌已评选数，如红色课堂 0/50', async () => {
    const { page } = h5;
    await openAs(h5.harness, ADMIN, '/pages/me/index');
    await onPage('四红品牌').click();
    await visiblePage(page).locator('.ht-cell').filter({ hasText: programme.title }).click();

    const places = visiblePage(page).locator('[aria-label="评选名额"] .brand-quota');
    await places.first().waitFor();
    await expect(places.allInnerTexts()).resolves.toEqual(['红色园丁 0/10', '红色书屋 0/10', '红色课堂 0/50', '红色基地 0/10']);
    await button('代单位申报').waitFor();

    await onPage('各单位排名').waitFor();
    const unit = visiblePage(page)
      .locator('.brand-unit')
      .filter({ has: page.locator('.stats-bar__label', { hasText: new RegExp(`^(\\d+\\.|—) ${BRANCH_NAME}$`) }) });
    await unit.waitFor();
    // The only unit that nominated ranks first; one brand of four has met its quota.
    await expect(unit.locator('.stats-bar__label').innerText()).resolves.toBe(`1. ${BRANCH_NAME}`);
    await expect(unit.locator('.stats-bar__value').innerText()).resolves.toBe('达到推荐数 1/4 项 · 25%');
    await expect(unit.locator('.brand-unit__brands .ht-tag').allInnerTexts()).resolves.toEqual([
      '红色园丁 1/1',
      '红色书屋 0/1',
      '红色课堂 1/2',
      '红色基地 0/1',
    ]);
    await expect(unit.locator('.brand-unit__figures').innerText()).resolves.toContain('申报 2');

    // 全部申报 holds both nominations.
    await nominationCard(CLASSROOM_TITLE).waitFor();
    await nominationCard(GARDENER_TITLE).waitFor();
    await screenshot('h5-brand-programme-admin.png');
  });

  it('党员在申报阶段打开方案：看到评议尚未开始和互查结束的时间，没有评分控件，也看不到各单位的申报', async () => {
    const { page } = h5;
    await openAs(h5.harness, MEMBER, '/pages/me/index');
    await onPage('四红品牌').click();
    const cell = visiblePage(page).locator('.ht-cell').filter({ hasText: programme.title });
    await expect(cell.locator('.ht-tag').innerText()).resolves.toBe('申报中');
    await cell.click();

    await onPage('评议尚未开始').waitFor();
    await expect(
      visiblePage(page)
        .getByText(/互查 .+ 结束后，可在这里查看各单位的申报并评分/)
        .count(),
    ).resolves.toBe(1);
    await expect(visiblePage(page).locator('[aria-label="评议"], .ht-stars').count()).resolves.toBe(0);
    await expect(visiblePage(page).locator('.brand-nomination').count()).resolves.toBe(0);
    await expect(visiblePage(page).getByText('本支部申报进度').count()).resolves.toBe(0);
    await screenshot('h5-brand-programme-member.png');
  });
});
