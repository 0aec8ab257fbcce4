import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loginThroughForm, scrollWidth } from './support/app-actions';
import { hasChromium, screenshot } from './support/browser';
import { previousPeriod, shanghaiDay } from './support/days';
import { useE2eSuite } from './support/suite';

const PHONE = { width: 375, height: 812 };

describe.skipIf(!hasChromium)('enterprise and bank carbon pages (e2e, headless Chromium)', () => {
  let uscc = '';
  const { openPage } = useE2eSuite(async (baseUrl) => {
    uscc = await enterpriseUscc(baseUrl);
  });

  async function openEnterpriseAccount(page: Page): Promise<void> {
    await loginThroughForm(page, 'enterprise');
    await page.waitForURL('**/enterprise');
    if (page.viewportSize()?.width === PHONE.width)
      await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: '企业碳账户' }).click();
    await page.waitForURL('**/enterprise/carbon');
    // On a phone the menu drawer closes with the new page; nothing below may be clicked through it.
    await page.locator('.ant-drawer-open').waitFor({ state: 'hidden' });
  }

  it('enterprise sees its label with each dimension’s reason and twelve months of emissions', async () => {
    const page = await openPage();
    await openEnterpriseAccount(page);
    const card = page.getByTestId('label-card');
    await card.getByTestId('label-tag').waitFor();
    expect(['深绿', '浅绿', '黄', '红']).toContain(await card.getByTestId('label-tag').textContent());
    for (const dimension of ['industry_advancement', 'regional_contribution', 'historical_decline'])
      expect(await card.getByTestId(`dimension-${dimension}`).textContent()).toMatch(
        /行业先进性|区域贡献度|历史下降/,
      );
    await page.getByTestId('emissions-chart').locator('canvas').waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(12);
    await screenshot(page, 'enterprise-carbon');
  });

  it('enterprise checks a CSV (one row rejected with its reason), imports it, and enters a month by hand', async () => {
    const page = await openPage();
    await openEnterpriseAccount(page);
    await page.getByRole('tab', { name: '数据填报' }).click();

    const period = previousPeriod();
    const file = join(tmpdir(), `sanqu-e2e-${process.pid}.csv`);
    writeFileSync(
      file,
      `uscc,period,kind,amount,unit,valueAdded\n${uscc},${period},natural_gas,1.5,10^4Nm3,\n${uscc},${period},electricity,-5,kWh,\n`,
    );
    const upload = page.getByTestId('activity-upload');
    await upload.locator('input[type=file]').setInputFiles(file);
    const checked = page.waitForResponse((r) => r.url().includes('activity:upload?dryRun=true'));
    await upload.getByRole('button', { name: '检查（不保存）' }).click();
    expect((await checked).status()).toBe(200);
    const report = upload.getByTestId('upload-report');
    await report.getByText('可导入 1 行').waitFor();
    await report.getByText('不通过', { exact: true }).waitFor();
    const imported = page.waitForResponse((r) => r.url().includes('activity:upload?dryRun=false'));
    await upload.getByRole('button', { name: /^导\s?入$/ }).click();
    expect((await imported).status()).toBe(200);
    await report.getByText('已保存 1 行', { exact: false }).waitFor();

    const entry = page.getByTestId('activity-entry');
    const input = entry.getByLabel('核算期');
    await input.fill(period);
    await input.press('Enter');
    await entry.getByLabel('数量').fill('2500');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/enterprises/${uscc}/activity`));
    await entry.getByRole('button', { name: /^保\s?存$/ }).click();
    expect((await saved).status()).toBe(200);
    await entry.getByTestId('saved-month').getByText('外购电力: 2500 kWh').waitFor();
    await screenshot(page, 'enterprise-carbon-data');
  });

  it('the bank reads the report only while the enterprise’s consent holds, and the enterprise sees the read', async () => {
    // The enterprise authorises the demo bank.
    const enterprise = await openPage();
    await openEnterpriseAccount(enterprise);
    await enterprise.getByRole('tab', { name: '授权与使用记录' }).click();
    const consents = enterprise.getByTestId('consents-card');
    // The bank list comes from the server: wait for it before opening the dropdown.
    const select = consents.getByLabel('选择银行');
    await select.click();
    const open = enterprise.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await open.locator('.ant-select-item-option', { hasText: '衢州合作银行' }).first().click();
    await consents.locator('.ant-select', { hasText: '衢州合作银行' }).waitFor();
    const expiry = consents.getByLabel('授权截止日');
    const until = shanghaiDay(30);
    await expiry.fill(until);
    // Tab, not Enter: Enter inside an inline form would submit it before the test listens for the request.
    await expiry.press('Tab');
    expect(await expiry.inputValue()).toBe(until);
    const granted = enterprise.waitForResponse((r) => r.url().endsWith('/api/v1/carbon/consents'));
    await consents.getByRole('button', { name: /^授\s?权$/ }).click();
    expect((await granted).status()).toBe(201);
    await consents.getByTestId('consent-row').getByText('有效', { exact: true }).waitFor();

    // The bank looks the enterprise up.
    const bank = await openPage();
    await loginThroughForm(bank, 'bank');
    await bank.waitForURL('**/bank');
    await bank.getByRole('menuitem', { name: '碳征信报告' }).click();
    await bank.getByLabel('统一社会信用代码（18 位）').fill(uscc);
    await bank.getByLabel('统一社会信用代码（18 位）').press('Enter');
    await bank.getByTestId('credit-report').waitFor();
    await bank.getByTestId('suggested-rate').getByText('%', { exact: false }).first().waitFor();
    await bank.getByTestId('credit-report-chart').locator('canvas').waitFor();
    await screenshot(bank, 'bank-credit-report');

    // The read is listed for the enterprise; it revokes the consent.
    await enterprise.reload();
    await enterprise.getByRole('tab', { name: '授权与使用记录' }).click();
    await enterprise.getByTestId('data-access-row').first().getByText('贷款评估', { exact: false }).waitFor();
    await enterprise.getByRole('button', { name: /^撤\s?回$/ }).click();
    const revoked = enterprise.waitForResponse((r) => r.request().method() === 'DELETE');
    await enterprise
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    expect((await revoked).status()).toBe(200);
    await enterprise.getByTestId('consent-row').getByText('已撤回', { exact: true }).waitFor();

    // Now the bank is refused, with the reason.
    await bank.reload();
    const search = bank.getByLabel('统一社会信用代码（18 位）');
    await search.fill(uscc);
    const refused = bank.waitForResponse((r) => r.url().includes(`/credit-reports/${uscc}`));
    await search.press('Enter');
    expect((await refused).status()).toBe(403);
    await bank.getByTestId('credit-report-error').waitFor();
    expect(await bank.getByTestId('credit-report-error').textContent()).toContain('撤回');
  });

  it('fits a 375 px phone without sideways scrolling', async () => {
    const page = await openPage(PHONE);
    await openEnterpriseAccount(page);
    await page.getByTestId('label-card').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'enterprise-carbon-375');
  });
});

async function enterpriseUscc(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'enterprise', password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const accounts = await fetch(`${baseUrl}/api/v1/carbon/accounts/me`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const { items } = (await accounts.json()) as { items: { subjectId: string }[] };
  const subject = items[0]?.subjectId;
  if (!subject) throw new Error('the demo enterprise has no carbon account');
  return subject;
}
