import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAs as openAsIn, RESULTS_DIR, useH5Harness, visiblePage, waitForPageToSettle } from '../support/browser';
import { bigRoster, rosterXlsx } from '../support/rosterSheet';

const h5 = useH5Harness();
const NEWCOMER = 'wx-e2e-newcomer';

/** A stranger is not in the demo identity list, but the picker takes any id. */
const openAs = (openid: string, hashPath: string) => openAsIn(h5.harness, openid, hashPath);

describe('H5 加入党支部端到端', () => {
  it('支部书记生成邀请（小程序码与 5:4 分享卡片），新用户凭邀请加入，书记批准后本人看到自己的支部', async () => {
    const { page } = h5;
    await openAs('demo-secretary', '/branch/invite/index');
    await visiblePage(page).getByText('生成邀请', { exact: true }).last().click();
    const code = (await visiblePage(page).locator('.branch-invite__code').innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const loaded = async (selector: string) => {
      const image = visiblePage(page).locator(`${selector} img`);
      await image.waitFor();
      await page.waitForFunction(
        (element) => element !== null && (element as HTMLImageElement).naturalWidth > 0,
        await image.elementHandle(),
      );
      return image.evaluate((element) => ({
        width: (element as HTMLImageElement).naturalWidth,
        height: (element as HTMLImageElement).naturalHeight,
      }));
    };
    const qr = await loaded('.branch-invite__qr');
    expect(qr.width).toBe(qr.height);
    const card = await loaded('.branch-invite__card');
    expect(card.width / card.height).toBe(5 / 4);
    await waitForPageToSettle(page);
    await page.screenshot({ path: join(RESULTS_DIR, 'h5-invite-card.png'), fullPage: true });

    await openAs(NEWCOMER, `/pages/join/index?code=${code}`);
    await visiblePage(page).getByText('同意并继续').click();
    await visiblePage(page).locator('input[placeholder="与组织关系档案一致的真实姓名"]').fill('周晓梅');
    await visiblePage(page).getByText('请选择').click();
    await page.getByText('确定', { exact: true }).last().click();
    await visiblePage(page).getByText('提交申请').click();
    await visiblePage(page).getByText('已提交，等待支部书记审核').waitFor();

    await openAs('demo-secretary', '/branch/approvals/index');
    await visiblePage(page).getByText('周晓梅').waitFor();
    await visiblePage(page).getByText('批准', { exact: true }).click();
    await visiblePage(page).getByText('周晓梅').waitFor({ state: 'detached' });

    await openAs(NEWCOMER, '/pages/home/index');
    await visiblePage(page).getByText('周晓梅同志，你好').waitFor();
    await visiblePage(page).getByText('第一党支部').first().waitFor();
    await waitForPageToSettle(page);
    await page.screenshot({ path: join(RESULTS_DIR, 'h5-join-approved-home.png'), fullPage: true });
  });
});

describe('H5 花名册导入端到端', () => {
  it('组织部在网页上选择 5000 人的花名册：文件先上传到本地云存储，校验通过后确认导入全部人员', async () => {
    const { page } = h5;
    const file = join(mkdtempSync(join(tmpdir(), 'hongtu-roster-')), '全县花名册.xlsx');
    writeFileSync(file, await rosterXlsx(bigRoster(5000)));

    await openAs('demo-admin', '/admin/roster/index');
    await visiblePage(page).locator('input[type="file"]').setInputFiles(file);
    await visiblePage(page).getByText('全县花名册.xlsx').waitFor();
    const validate = visiblePage(page)
      .locator('.ht-button')
      .filter({ hasText: /^校验$/ });
    await page.waitForFunction(
      (element) => element !== null && !element.hasAttribute('disabled') && !element.className.includes('disabled'),
      await validate.elementHandle(),
    );
    await validate.click();
    await visiblePage(page)
      .getByText(/共 5000 行/)
      .waitFor({ timeout: 60_000 });
    await visiblePage(page)
      .locator('.ht-button')
      .filter({ hasText: /^导入$/ })
      .click();
    await page.locator('.taro-modal__foot').getByText('导入', { exact: true }).click();
    await visiblePage(page).getByText('已导入 5000 人').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(RESULTS_DIR, 'h5-roster-imported.png'), fullPage: true });
  });
});
