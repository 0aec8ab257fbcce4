import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginThroughForm } from './support/app-actions';
import { hasChromium, screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

describe.skipIf(!hasChromium)('officer carbon pages (e2e, headless Chromium)', () => {
  const { openPage } = useE2eSuite();

  async function openOfficerCarbon(page: Page, username: string): Promise<void> {
    await loginThroughForm(page, username);
    await page.waitForURL('**/workbench');
    await page.getByRole('menuitem', { name: '碳账户管理' }).click();
    await page.waitForURL('**/workbench/carbon');
  }

  async function openFactors(page: Page, username: string): Promise<void> {
    await openOfficerCarbon(page, username);
    await page.getByRole('tab', { name: '排放因子库' }).click();
  }

  it('the city economy officer sees labels by county and industry, filters red, and exports the list to Excel', async () => {
    const page = await openPage();
    const overview = page.waitForResponse((r) => r.url().includes('/api/v1/carbon/enterprises/overview'));
    await openOfficerCarbon(page, 'officer-330800-economy');
    const answer = (await (await overview).json()) as { byCounty: unknown[]; total: { 红: number } };
    expect(answer.byCounty.length).toBeGreaterThan(1);
    const view = page.getByTestId('label-distribution');
    await view.getByTestId('labels-by-county').locator('canvas').waitFor();
    await view.getByTestId('labels-by-industry').locator('canvas').waitFor();
    await view.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'officer-labels');

    const reds = page.waitForResponse(
      (r) => r.url().includes('/enterprises/results') && r.url().includes('label='),
    );
    await view.locator('.ant-segmented-item', { hasText: '红' }).click();
    const filtered = (await (await reds).json()) as { items: { label: string }[] };
    expect(filtered.items.every((r) => r.label === '红')).toBe(true);

    const download = page.waitForEvent('download');
    await view.getByTestId('export-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^碳效贴标-衢州市-\d{4}-\d{2}-红\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    expect(workbook.worksheets[0]?.getRow(1).getCell(2).value).toBe('企业名称');
    expect(workbook.worksheets[0]?.rowCount).toBe(answer.total.红 + 1);
  });

  it('a county officer’s label view covers their county only', async () => {
    const page = await openPage();
    const overview = page.waitForResponse((r) => r.url().includes('/api/v1/carbon/enterprises/overview'));
    await openOfficerCarbon(page, 'officer-changshan');
    const answer = (await (await overview).json()) as {
      countyCode: string;
      byCounty: { countyCode: string }[];
    };
    expect(answer.countyCode).toBe('330822');
    expect(answer.byCounty.map((c) => c.countyCode)).toEqual(['330822']);
  });

  it('the city ecology officer adds a factor version from an existing one; a reused id is refused first', async () => {
    const page = await openPage();
    await openFactors(page, 'officer-330800-ecology');
    const table = page.getByTestId('factor-table');
    await page.getByLabel('按编号、类型或来源搜索').fill('grid-');
    await table.getByText('grid-east-china-2023').waitFor();

    await page.getByTestId('new-factor-version').click();
    const drawer = page.getByRole('dialog', { name: '新增因子版本' });
    await drawer.getByLabel('以现有版本为基础').click();
    await page.keyboard.type('grid-east-china-2023');
    // Click the option: Enter inside the form could also submit it.
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: 'grid-east-china-2023' })
      .click();
    expect(await drawer.getByLabel('单位').inputValue()).toBe('kgCO2/kWh');
    await drawer.getByLabel('数值').fill('0.5412');
    await drawer.getByLabel('发布年份').fill('2024');
    await drawer.getByLabel('适用起始月（YYYY-MM，可空）').fill('2024-01');
    await drawer.getByLabel('适用截止月（YYYY-MM，可空）').fill('2024-12');
    const save = page.getByTestId('factor-save');
    const posted = () =>
      page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/carbon/factors') && r.request().method() === 'POST',
      );

    // A reused id: the server's 409 names it, shown in the drawer; nothing is saved.
    await drawer.getByLabel('版本编号').fill('grid-east-china-2023');
    const refused = posted();
    await save.click();
    expect((await refused).status()).toBe(409);
    await drawer.getByTestId('factor-error').getByText('grid-east-china-2023', { exact: false }).waitFor();

    // A new id: saved, and listed.
    await drawer.getByLabel('版本编号').fill('grid-east-china-2024');
    const created = posted();
    await save.click();
    expect((await created).status()).toBe(201);
    await page.getByText('已新增因子版本 grid-east-china-2024').waitFor();
    await page.getByLabel('按编号、类型或来源搜索').fill('east-china-2024');
    await table.getByText('0.5412 kgCO2/kWh').waitFor();
    await screenshot(page, 'officer-factors');
  });

  it('a county officer reads the factor library without the add button', async () => {
    const page = await openPage();
    await openFactors(page, 'officer-changshan');
    await page.getByLabel('按编号、类型或来源搜索').fill('grid-national');
    await page.getByTestId('factor-table').getByText('grid-national-2023').waitFor();
    await page.getByText('因子版本由市生态环境局维护，此处只读。').waitFor();
    expect(await page.getByTestId('new-factor-version').count()).toBe(0);
  });
});
