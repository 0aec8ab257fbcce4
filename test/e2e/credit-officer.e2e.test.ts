import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiGet, apiToken } from './support/api';
import { loginThroughForm } from './support/app-actions';
import { hasChromium, screenshot } from './support/browser';
import { shanghaiDay } from './support/days';
import { useE2eSuite } from './support/suite';

describe.skipIf(!hasChromium)(
  '信安分: source departments and the credit office (e2e, headless Chromium)',
  () => {
    let residentId = '';
    const { openPage } = useE2eSuite(async (baseUrl) => {
      // The demo resident's own score carries their ID unmasked (GET /auth/me does not name the subject).
      const token = await apiToken(baseUrl, 'resident');
      residentId = (await apiGet<{ residentId: string }>(baseUrl, token, '/credit/me/score')).residentId;
    });

    async function openCreditWorkbench(page: Page, username: string): Promise<void> {
      await loginThroughForm(page, username);
      await page.waitForURL('**/workbench');
      await page.getByRole('link', { name: /打开信用记录/ }).click();
      await page.waitForURL('**/workbench/credit');
    }

    it('the civilisation office enters volunteer service for the demo resident; a record dated in the future is refused with the reason', async () => {
      const page = await openPage();
      await openCreditWorkbench(page, 'officer-330800-civilization');
      const entry = page.getByTestId('credit-entry');
      await entry.getByLabel('身份证号码').fill(residentId);
      await chooseOption(page, entry.getByLabel('记录类型'), '志愿服务');
      // The unit follows the type, and only the department's own types are offered.
      await entry.getByText('最多 200 小时').waitFor();
      await pickDate(entry.getByLabel('发生日期'), shanghaiDay(-3));
      await entry.getByLabel('数量').fill('6');
      const created = postRecord(page);
      await page.getByTestId('credit-entry-submit').click();
      const answer = await created;
      expect(answer.status()).toBe(201);
      const record = (await answer.json()) as { type: string; quantity: number; residentId: string };
      expect(record).toMatchObject({ type: 'volunteer_service', quantity: 6 });
      expect(record.residentId).toContain('********');
      await entry.getByTestId('credit-entry-result').getByText('已录入：志愿服务 6 小时').waitFor();

      // Tomorrow is in the future: the server refuses and its sentence is shown.
      await pickDate(entry.getByLabel('发生日期'), shanghaiDay(1));
      await entry.getByLabel('数量').fill('4');
      const refused = postRecord(page);
      await page.getByTestId('credit-entry-submit').click();
      expect((await refused).status()).toBe(422);
      const error = entry.getByTestId('credit-entry-error');
      await error.getByText('晚于今天', { exact: false }).waitFor();
      expect(await error.textContent()).toContain(`发生日期 ${shanghaiDay(1)}`);
      await screenshot(page, 'credit-officer-entry');

      // The register lists the new record first, resident ID masked.
      await page.getByRole('tab', { name: '记录台账' }).click();
      const first = page.getByTestId('credit-register').locator('.ant-table-row').first();
      await first.getByText('6 小时').waitFor();
      expect(await first.textContent()).toContain(`${residentId.slice(0, 6)}********${residentId.slice(14)}`);
    });

    it('the civilisation office imports a CSV: one row accepted, one rejected with its reason, a repeat is a duplicate', async () => {
      const page = await openPage();
      await openCreditWorkbench(page, 'officer-330800-civilization');
      const file = join(tmpdir(), `sanqu-credit-e2e-${process.pid}.csv`);
      const id = `E2E-${Date.now()}`;
      writeFileSync(
        file,
        `记录编号,身份证号码,记录类型,发生日期,数量\n${id},${residentId},volunteer_service,${shanghaiDay(-10)},2\n${id}-B,${residentId},blood_donation,${shanghaiDay(-10)},1\n`,
      );
      const upload = page.getByTestId('credit-import');
      await upload.locator('input[type=file]').setInputFiles(file);
      const imported = page.waitForResponse((r) => r.url().endsWith('/api/v1/credit/records:import'));
      await page.getByTestId('credit-import-submit').click();
      expect((await imported).status()).toBe(200);
      const report = upload.getByTestId('credit-import-report');
      await report.getByText('接收 1 条，重复 0 条，未通过 1 条', { exact: false }).waitFor();
      // blood_donation is the health commission's type.
      await report
        .locator('.ant-table-row')
        .filter({ hasText: `${id}-B` })
        .getByText('未通过')
        .waitFor();

      const again = page.waitForResponse((r) => r.url().endsWith('/api/v1/credit/records:import'));
      await page.getByTestId('credit-import-submit').click();
      expect((await again).status()).toBe(200);
      await report.getByText('接收 0 条，重复 1 条', { exact: false }).waitFor();
      await screenshot(page, 'credit-officer-import');
    });

    it('the credit office sees the model in force and the distribution by county, and downloads it as Excel', async () => {
      const page = await openPage();
      await loginThroughForm(page, 'officer-330800-development_reform');
      await page.waitForURL('**/workbench');
      const distribution = page.waitForResponse((r) =>
        r.url().endsWith('/api/v1/credit/statistics/distribution'),
      );
      await page.getByRole('link', { name: /打开信用办/ }).click();
      await page.waitForURL('**/workbench/credit/admin');
      const answer = (await (await distribution).json()) as { rows: { countyCode: string }[] };
      expect(new Set(answer.rows.map((r) => r.countyCode)).size).toBeGreaterThan(1);
      const card = page.getByTestId('credit-distribution');
      await card.getByTestId('credit-distribution-chart').locator('canvas').waitFor();
      expect(await card.locator('.ant-table-row').count()).toBe(answer.rows.length);
      const models = page.getByTestId('credit-models');
      await models.getByTestId('model-in-force').waitFor();
      await models.getByText('sanqu credit recompute --model <version>').waitFor();
      await models.getByTestId('model-dimensions').getByText('遵纪守法').waitFor();
      await screenshot(page, 'credit-admin');

      const download = page.waitForEvent('download');
      await card.getByTestId('credit-export-xlsx').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await file.path());
      const sheet = workbook.worksheets[0];
      expect(sheet?.getRow(1).getCell(2).value).toBe('县（市、区）');
      expect(sheet?.rowCount).toBe(answer.rows.length + 1);
    });

    it('an officer of a department that reports no records sees no credit entry', async () => {
      const page = await openPage();
      await loginThroughForm(page, 'officer-330800-economy');
      await page.waitForURL('**/workbench');
      await page.getByRole('menuitem', { name: '碳账户管理' }).waitFor();
      expect(await page.getByRole('menuitem', { name: '信用记录' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: /打开信用记录/ }).count()).toBe(0);
    });
  },
);

function postRecord(page: Page) {
  return page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/credit/records') && r.request().method() === 'POST',
  );
}

/** Types a day into an antd date picker; Tab, not Enter, so the form is not submitted on the way. */
async function pickDate(input: Locator, day: string): Promise<void> {
  await input.click();
  await input.fill(day);
  await input.press('Tab');
  expect(await input.inputValue()).toBe(day);
}

async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: option })
    .click();
}
