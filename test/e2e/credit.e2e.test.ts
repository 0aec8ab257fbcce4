import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginThroughForm, scrollWidth } from './support/app-actions';
import { hasChromium, screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

const PHONE = { width: 375, height: 812 };

interface ScoreAnswer {
  score: number;
  tier: string;
  tierName: { zh: string };
  dimensions: unknown[];
}

describe.skipIf(!hasChromium)(
  '信安分: the resident’s page and credit repair (e2e, headless Chromium)',
  () => {
    const { openPage } = useE2eSuite();

    /** Logs the resident in and opens 我的信安分 from the menu; resolves with the score the server sent. */
    async function openMyCredit(page: Page): Promise<ScoreAnswer> {
      await loginThroughForm(page, 'resident');
      await page.waitForURL('**/me');
      const score = page.waitForResponse((r) => r.url().endsWith('/api/v1/credit/me/score'));
      await page.getByRole('menuitem', { name: '我的信安分' }).click();
      await page.waitForURL('**/me/credit');
      const answer = await score;
      expect(answer.status()).toBe(200);
      const body = (await answer.json()) as ScoreAnswer;
      await page.getByTestId('credit-score').getByText(String(body.score), { exact: true }).waitFor();
      return body;
    }

    it('the resident opens 我的信安分 on a phone from the home page: score, tier, radar and history', async () => {
      const page = await openPage(PHONE);
      await loginThroughForm(page, 'resident');
      await page.waitForURL('**/me');
      const score = page.waitForResponse((r) => r.url().endsWith('/api/v1/credit/me/score'));
      const history = page.waitForResponse((r) => r.url().endsWith('/api/v1/credit/me/history'));
      await page.getByRole('link', { name: /打开我的信安分/ }).click();
      await page.waitForURL('**/me/credit');
      const answer = (await (await score).json()) as ScoreAnswer;
      expect((await history).status()).toBe(200);

      expect(answer.score).toBeGreaterThan(0);
      expect(await page.getByTestId('credit-score').textContent()).toBe(String(answer.score));
      expect(await page.getByTestId('credit-tier').textContent()).toBe(answer.tierName.zh);
      await page.getByTestId('credit-gauge').locator('canvas').waitFor();
      await page.getByTestId('credit-radar').locator('canvas').waitFor();
      await page.getByTestId('credit-history-chart').locator('canvas').waitFor();
      // One line per dimension under the radar, and the records that moved the score most.
      expect(await page.getByTestId('credit-dimensions').locator('[data-testid^="dimension-"]').count()).toBe(
        answer.dimensions.length,
      );
      await page.getByTestId('credit-top-records').getByText('户籍登记稳定').waitFor();
      await page.getByTestId('credit-suggestions').getByText('“水电气欠费”完成信用修复').waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'credit-resident-375');

      // The records tab: every seeded record, with the repair button only on the repairable arrears.
      await page.getByRole('tab', { name: '信用记录' }).click();
      const records = page.getByTestId('credit-records').getByTestId('credit-record');
      await records.first().waitFor();
      expect(await records.count()).toBe(12);
      expect(await page.getByRole('button', { name: '申请信用修复' }).count()).toBe(1);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'credit-resident-records-375');

      // The perks tab: the 27 measures, the ones the resident qualifies for now first.
      const measures = page.waitForResponse((r) => r.url().endsWith('/api/v1/credit/me/measures'));
      await page.getByRole('tab', { name: '守信激励' }).click();
      const { items } = (await (await measures).json()) as { items: { qualifies?: boolean }[] };
      expect(items).toHaveLength(27);
      const qualifying = items.filter((m) => m.qualifies).length;
      const shown = page.getByTestId('credit-measures').getByTestId('credit-measure');
      await shown.first().waitFor();
      expect(await shown.count()).toBe(6);
      expect(await shown.filter({ hasText: '符合条件' }).count()).toBe(Math.min(6, qualifying));
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    });

    it('the resident asks to repair the utility arrears, the credit office grants it, and the resident sees it repaired with a higher score and a message', async () => {
      // (a) The resident asks for credit repair of 水电气欠费.
      const resident = await openPage();
      const before = await openMyCredit(resident);
      await resident.getByRole('tab', { name: '信用记录' }).click();
      const arrears = resident.getByTestId('credit-record').filter({ hasText: '水电气欠费' });
      await arrears.getByRole('button', { name: '申请信用修复' }).click();
      const dialog = resident.getByRole('dialog', { name: '对“水电气欠费”申请信用修复' });
      const reason = `欠费已于本月全部缴清（e2e ${Date.now()}）`;
      await dialog.getByLabel('理由').fill(reason);
      await dialog.getByLabel('证明材料编号（选填）').fill('JF-2026-000123');
      const opened = resident.waitForResponse(
        (r) => r.url().endsWith('/api/v1/credit/me/disputes') && r.request().method() === 'POST',
      );
      await dialog.getByRole('button', { name: /^提\s?交$/ }).click();
      const openAnswer = await opened;
      expect(openAnswer.status()).toBe(201);
      expect(((await openAnswer.json()) as { kind: string }).kind).toBe('repair');
      const myCase = resident.getByTestId('credit-dispute').filter({ hasText: '水电气欠费' });
      await myCase.getByText('办理中').waitFor();
      await arrears.getByText('申请办理中').waitFor();
      await screenshot(resident, 'credit-repair-requested');

      // (b) The city credit office (development_reform reports utility arrears) decides it from its queue.
      const officer = await openPage();
      await loginThroughForm(officer, 'officer-330800-development_reform');
      await officer.waitForURL('**/workbench');
      await officer.getByRole('menuitem', { name: '信用记录' }).click();
      await officer.waitForURL('**/workbench/credit');
      await officer.getByRole('tab', { name: '异议与修复' }).click();
      const row = officer.getByTestId('credit-case-row').filter({ hasText: reason });
      // A fresh case has the whole five working days (fewer only if today itself is not counted).
      expect(await row.getByTestId('deadline').textContent()).toMatch(/^剩余 [45] 个工作日$/);
      await row.getByRole('button', { name: /^办\s?理$/ }).click();
      const drawer = officer.getByRole('dialog', { name: '办理信用修复申请' });
      await drawer.getByTestId('credit-case-record').getByText('水电气欠费').waitFor();
      await drawer.getByText('JF-2026-000123').waitFor();
      await drawer.getByRole('radio', { name: '予以修复' }).check();
      await drawer.getByLabel('答复理由').fill('经核实，欠费已全部缴清，予以信用修复。');
      const decided = officer.waitForResponse((r) => r.url().endsWith('/decision'));
      await drawer.getByTestId('credit-decide').click();
      const decision = await decided;
      expect(decision.status()).toBe(200);
      const result = (await decision.json()) as { score: number; previousScore: number };
      expect(result.previousScore).toBe(before.score);
      expect(result.score).toBeGreaterThan(before.score);
      await officer.getByText(`居民信安分 ${before.score} → ${result.score}`, { exact: false }).waitFor();
      await officer.getByRole('dialog').waitFor({ state: 'hidden' });
      expect(await officer.getByTestId('credit-case-row').filter({ hasText: reason }).count()).toBe(0);
      await screenshot(officer, 'credit-officer-queue');

      // (c) The resident sees the record repaired, the higher score and a message.
      await resident.reload();
      await resident.getByTestId('credit-score').getByText(String(result.score), { exact: true }).waitFor();
      await resident.getByRole('tab', { name: '信用记录' }).click();
      await arrears.getByTestId('record-status').getByText('已修复', { exact: true }).waitFor();
      expect(await arrears.getByRole('button').count()).toBe(0);
      await myCase.getByText('已修复', { exact: true }).waitFor();
      await myCase.getByText('经核实，欠费已全部缴清', { exact: false }).waitFor();
      await resident.getByRole('tab', { name: /消息与查询/ }).click();
      const message = resident
        .getByTestId('credit-message')
        .filter({ hasText: '您对“水电气欠费”的信用修复申请已答复：予以修复' });
      await message.getByText(`信安分 ${before.score} → ${result.score}`).waitFor();
      // The officer's read of the record for the case is in the resident's data-use log.
      await resident
        .getByTestId('credit-data-access-row')
        .filter({ hasText: '办理异议或修复申请' })
        .first()
        .waitFor();
      await screenshot(resident, 'credit-repaired-messages');
      const marked = resident.waitForResponse((r) => r.url().endsWith('/notifications:read'));
      await resident.getByRole('button', { name: '全部标为已读' }).click();
      expect((await marked).status()).toBe(200);
      await resident.getByRole('button', { name: '全部标为已读' }).waitFor({ state: 'detached' });
    });
  },
);
