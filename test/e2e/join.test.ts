import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, startH5Harness, visiblePage, waitForPageToSettle, type H5Harness } from '../support/browser';

jest.setTimeout(120_000);

const NEWCOMER = 'wx-e2e-newcomer';
let harness: H5Harness;
let page: Page;

beforeAll(async () => {
  harness = await startH5Harness();
  page = harness.page;
});

afterAll(() => harness?.close());

async function callAs<T>(openid: string, name: string, action: string, input: unknown): Promise<T> {
  const response = await fetch(`${harness.baseUrl}/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-openid': openid },
    body: JSON.stringify({ action, input }),
  });
  const result = (await response.json()) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${name}.${action}: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** The local picker keeps the chosen identity in localStorage; a stranger is not in the demo list. */
async function openAs(openid: string, hashPath: string): Promise<void> {
  await page.goto(`${harness.baseUrl}/`);
  await page.evaluate((id) => localStorage.setItem('hongtu.openid', id), openid);
  await page.goto(`${harness.baseUrl}/#${hashPath}`);
  await page.reload();
}

describe('H5 加入党支部端到端', () => {
  it('新用户凭邀请加入，支部书记批准后，本人看到自己的支部', async () => {
    const invite = await callAs<{ code: string; path: string }>('demo-secretary', 'member', 'createInvite', {});

    await openAs(NEWCOMER, `/${invite.path}`);
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
