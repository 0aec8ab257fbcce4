import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForPost } from './support/antd';
import { apiGet, apiToken } from './support/api';
import { loginThroughForm, scrollWidth } from './support/app-actions';
import { hasChromium, screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

const PHONE = { width: 375, height: 812 };
const ITEM = '330800-hpf-account-query';

interface CaseAnswer {
  id: string;
  itemId: string;
  state: string;
  version: number;
  resultNumber: string | null;
  handlingDivision: string;
}

/** Opens the case in the officer's drawer from the queue tab `tab` and returns the drawer. */
async function openFromQueue(page: Page, tab: string, caseId: string) {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  const row = page.locator(`[data-testid="queue-row"][data-case="${caseId}"]`);
  await row.getByTestId('queue-open').click();
  const drawer = page.getByTestId('case-view');
  await drawer.waitFor();
  return drawer;
}

/** Clicks an action button of the open case (confirming its dialog when it has one) and returns the new case. */
async function act(
  page: Page,
  action: string,
  dialog?: (dialog: Locator) => Promise<void>,
): Promise<CaseAnswer> {
  const answer = waitForPost(page, `/actions/${action}`);
  await page.getByTestId(`action-${action}`).click();
  if (dialog) {
    const form = page.getByTestId('action-form');
    await dialog(form);
    await page.getByTestId('action-confirm').click();
  }
  const response = await answer;
  expect(response.status(), `${action} answered ${response.status()}`).toBe(200);
  return (await response.json()) as CaseAnswer;
}

describe.skipIf(!hasChromium)(
  '一网通办: the service hall, workbench and statistics (e2e, headless Chromium)',
  () => {
    const { openPage, baseUrl } = useE2eSuite();
    let caseId = '';

    it('a resident applies on a phone for a certificate-free item with no uploads, the provident-fund office decides and delivers it, and the resident opens the result and the data-use log', async () => {
      const token = await apiToken(baseUrl(), 'resident');
      const casesOfItem = async () =>
        (await apiGet<{ items: CaseAnswer[] }>(baseUrl(), token, '/services/cases/mine')).items.filter(
          (c) => c.itemId === ITEM,
        ).length;
      const before = await casesOfItem();

      // (1) The resident finds the item from the home page on a 375 px phone.
      const resident = await openPage(PHONE);
      await loginThroughForm(resident, 'resident');
      await resident.waitForURL('**/me');
      await resident.getByRole('link', { name: /打开办事大厅/ }).click();
      await resident.waitForURL('**/me/services');
      await resident.getByTestId('item-row').first().waitFor();
      await resident.getByTestId('search-text').getByRole('searchbox').fill('公积金缴存贷款');
      await resident.getByTestId('search-text').getByRole('searchbox').press('Enter');
      const row = resident.locator(`[data-testid="item-row"][data-item="${ITEM}"]`);
      await row.getByText('零跑腿').waitFor();
      expect(await scrollWidth(resident)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(resident, 'services-hall-375');
      await row.getByRole('link').click();
      await resident.waitForURL(`**/me/services/items/${ITEM}`);

      // (2) Every material is fetched (免提交), named with its registry and fields; nothing to upload.
      const materials = resident.getByTestId('item-material');
      await materials.first().waitFor();
      expect(await materials.count()).toBe(2);
      expect(await resident.locator('[data-testid="item-material"][data-source="registry"]').count()).toBe(2);
      await resident
        .getByTestId('item-materials')
        .getByText('由住房公积金中心住房公积金信息提供', { exact: false })
        .waitFor();
      // Until the resident consents, the fetched materials would have to be uploaded; with consent, nothing.
      const consent = resident.getByTestId('apply-consent');
      const consentText = await resident.getByTestId('apply-consent-text').textContent();
      expect(consentText).toContain('公安机关户籍信息（姓名、出生日期）');
      expect(consentText).toContain('住房公积金中心住房公积金信息（账户状态、账户余额');
      await resident.getByTestId('upload-fund-account').waitFor();
      await consent.check();
      await resident.getByTestId('apply-nothing-to-upload').waitFor();
      expect(await resident.getByTestId('upload-fund-account').count()).toBe(0);
      expect(await scrollWidth(resident)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(resident, 'services-item-375');

      // (3) A double click sends the same request key: one case, accepted at once.
      const submitted = waitForPost(resident, '/services/cases');
      await resident.getByTestId('apply-submit').dblclick();
      const answer = await submitted;
      expect(answer.status()).toBe(201);
      const created = (await answer.json()) as CaseAnswer;
      expect(created.state).toBe('accepted');
      caseId = created.id;
      await resident.waitForURL(`**/me/services/cases/${caseId}`);
      await resident
        .locator('[data-testid="case-outcome"][data-state="accepted"]')
        .getByText('已受理')
        .waitFor();
      // What was fetched for the case is shown to the applicant.
      await resident.getByTestId('case-proof').first().waitFor();
      await resident.getByTestId('case-materials').getByText('免提交（已调取）').first().waitFor();
      expect(await scrollWidth(resident)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(resident, 'services-case-accepted-375');
      expect(await casesOfItem()).toBe(before + 1);

      // (4) The provident-fund office claims, approves and delivers it electronically.
      const officer = await openPage();
      await loginThroughForm(officer, 'officer-330800-provident_fund');
      await officer.waitForURL('**/workbench');
      await officer.getByRole('menuitem', { name: '办件工作台' }).click();
      await officer.waitForURL('**/workbench/services');
      const view = await openFromQueue(officer, '已受理', caseId);
      await view.getByTestId('case-proof').first().waitFor();
      expect((await act(officer, 'claim')).state).toBe('in_review');
      const approved = await act(officer, 'approve', async (form) => {
        await form.getByLabel('办理意见（选填）').fill('经核查，准予出具。');
      });
      expect(approved.state).toBe('approved');
      expect(approved.resultNumber).toBeTruthy();
      await officer.locator('[data-testid="case-view"][data-state="approved"]').waitFor();
      const delivered = await act(officer, 'deliver', async (form) => {
        // The item is delivered electronically only: that is the one way offered.
        await form.getByRole('radio', { name: '电子送达' }).check();
        expect(await form.getByRole('radio').count()).toBe(1);
      });
      expect(delivered.state).toBe('delivered');
      await officer.locator('[data-testid="case-view"][data-state="delivered"]').waitFor();
      await screenshot(officer, 'services-officer-delivered');

      // (5) The resident sees 已办结, opens the result document with its number, and the fetches in 数据使用记录.
      await resident.reload();
      await resident
        .locator('[data-testid="case-outcome"][data-state="delivered"]')
        .getByText('已办结')
        .waitFor();
      await resident
        .getByTestId('case-result-number')
        .getByText(approved.resultNumber as string)
        .waitFor();
      const popup = resident.waitForEvent('popup');
      await resident.getByTestId('case-result-link').click();
      const result = await popup;
      await result.waitForLoadState();
      expect(await result.content()).toContain(approved.resultNumber as string);
      await result.close();
      expect(await scrollWidth(resident)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(resident, 'services-case-delivered-375');
      await resident.goto('/me/services?tab=data');
      const log = resident.getByTestId('data-use-row');
      await log.filter({ hasText: '住房公积金信息' }).filter({ hasText: caseId }).first().waitFor();
      await log.filter({ hasText: '户籍信息' }).filter({ hasText: '姓名' }).first().waitFor();
      expect(await scrollWidth(resident)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(resident, 'services-data-use-375');
    });

    it('an application whose deadline would fall in a year without holiday data is refused with the reason shown', async () => {
      // Kindergarten enrolment promises 20 working days. Years after the latest notice are counted on the provisional
      // calendar, so only a deadline past its horizon (2036 with the shipped data) is refused; until then: 201.
      const page = await openPage(PHONE);
      await loginThroughForm(page, 'resident');
      await page.waitForURL('**/me');
      await page.goto('/me/services/items/330800-edu-kindergarten-enrolment');
      await page.getByLabel('幼儿姓名').fill('汪小明');
      await page.getByLabel('意向幼儿园').fill('衢州市第一幼儿园');
      await page.getByTestId('apply-consent').check();
      const submitted = waitForPost(page, '/services/cases');
      await page.getByTestId('apply-submit').click();
      const answer = await submitted;
      const body = (await answer.json()) as { error?: { code: string; message: string } };
      if (answer.status() !== 422) {
        // Within the notices or the provisional years: accepted like any other.
        expect(answer.status()).toBe(201);
        return;
      }
      expect(body.error?.code).toBe('CALENDAR_YEAR_MISSING');
      const error = page.getByTestId('apply-error');
      await error.getByText('尚未公布法定节假日安排', { exact: false }).waitFor();
      expect(await error.textContent()).toContain(body.error?.message ?? '');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'services-calendar-missing-375');
    });

    it('the city service office reads the statistics with charts and downloads them as Excel', async () => {
      const page = await openPage();
      await loginThroughForm(page, 'officer-330800-services');
      await page.waitForURL('**/workbench');
      const stats = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/services/statistics'));
      await page.getByRole('menuitem', { name: '一网通办统计' }).click();
      await page.waitForURL('**/workbench/services/statistics');
      const answer = await stats;
      expect(answer.status()).toBe(200);
      const body = (await answer.json()) as { cases: number };
      expect(body.cases).toBeGreaterThanOrEqual(caseId ? 1 : 0);
      await page.getByTestId('statistics-visits-chart').locator('canvas').waitFor();
      await page.getByTestId('statistics-department-chart').locator('canvas').waitFor();
      await page.getByTestId('statistics-city-chart').locator('canvas').waitFor();
      await screenshot(page, 'services-statistics');
      const download = page.waitForEvent('download');
      await page.getByTestId('statistics-export').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await file.path());
      expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('按部门');
    });
  },
);
