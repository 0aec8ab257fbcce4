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

  it('the city ecology officer adds a factor version from an existing one; a reused id is refused beside the field', async () => {
    const page = await openPage();
    await openOfficerCarbon(page, 'officer-330800-ecology');
    const table = page.getByTestId('factor-table');
    await page.getByLabel('按编号、类型或来源搜索').fill('grid-');
    await table.getByText('grid-east-china-2023').waitFor();

    await page.getByTestId('new-factor-version').click();
    const drawer = page.getByRole('dialog', { name: '新增因子版本' });
    await drawer.getByLabel('以现有版本为基础').click();
    await page.keyboard.type('grid-east-china-2023');
    await page.keyboard.press('Enter');
    expect(await drawer.getByLabel('单位').inputValue()).toBe('kgCO2/kWh');
    await drawer.getByLabel('版本编号').fill('grid-east-china-2024');
    await drawer.getByLabel('数值').fill('0.5412');
    await drawer.getByLabel('发布年份').fill('2024');
    await drawer.getByLabel('适用起始月（YYYY-MM，可空）').fill('2024-01');
    await drawer.getByLabel('适用截止月（YYYY-MM，可空）').fill('2024-12');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/carbon/factors') && r.request().method() === 'POST',
    );
    await drawer.getByRole('button', { name: /^保\s?存$/ }).click();
    expect((await created).status()).toBe(201);
    await page.getByText('已新增因子版本 grid-east-china-2024').waitFor();
    await page.getByLabel('按编号、类型或来源搜索').fill('east-china-2024');
    await table.getByText('0.5412 kgCO2/kWh').waitFor();
    await screenshot(page, 'officer-factors');

    // The same id again: the server's 409 names the id; nothing is saved twice.
    await page.getByTestId('new-factor-version').click();
    await drawer.getByLabel('以现有版本为基础').click();
    await page.keyboard.type('grid-east-china-2024');
    await page.keyboard.press('Enter');
    await drawer.getByLabel('版本编号').fill('grid-east-china-2024');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/carbon/factors') && r.request().method() === 'POST',
    );
    await drawer.getByRole('button', { name: /^保\s?存$/ }).click();
    expect((await refused).status()).toBe(409);
    expect(await drawer.textContent()).toContain('grid-east-china-2024');
  });

  it('a county officer reads the factor library without the add button', async () => {
    const page = await openPage();
    await openOfficerCarbon(page, 'officer-changshan');
    await page.getByLabel('按编号、类型或来源搜索').fill('grid-national');
    await page.getByTestId('factor-table').getByText('grid-national-2023').waitFor();
    await page.getByText('因子版本由市生态环境局维护，此处只读。').waitFor();
    expect(await page.getByTestId('new-factor-version').count()).toBe(0);
  });
});
