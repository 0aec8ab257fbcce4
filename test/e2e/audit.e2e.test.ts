import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginThroughForm, scrollWidth } from './support/app-actions';
import { hasChromium, screenshot } from './support/browser';
import { shanghaiDay } from './support/days';
import { useE2eSuite } from './support/suite';

const PHONE = { width: 375, height: 812 };

/** The seq and action of each row of the trail table, top to bottom. */
async function rowsOf(page: Page): Promise<{ seq: number; action: string }[]> {
  const rows = page.getByTestId('audit-row');
  const seqs = await rows.evaluateAll((elements) => elements.map((e) => Number(e.getAttribute('data-seq'))));
  const actions = await rows.locator('td:nth-child(4)').allTextContents();
  return seqs.map((seq, i) => ({ seq, action: actions[i] ?? '' }));
}

const descending = (seqs: number[]) => seqs.every((seq, i) => i === 0 || seq < seqs[i - 1]!);

describe.skipIf(!hasChromium)('审计: the audit trail and its hash chain (e2e, headless Chromium)', () => {
  const { openPage } = useE2eSuite();

  async function openAudit(page: Page): Promise<void> {
    await loginThroughForm(page, 'auditor');
    await page.waitForURL('**/audit');
    await page.getByTestId('audit-row').first().waitFor();
  }

  it('the auditor reads the trail newest first, a page more, filtered to logins, and finds the chain intact', async () => {
    const page = await openPage();
    await openAudit(page);
    const first = await rowsOf(page);
    expect(first).toHaveLength(50);
    expect(descending(first.map((r) => r.seq))).toBe(true);
    // The auditor's own login is among the newest writes.
    expect(first.some((r) => r.action === 'auth.login')).toBe(true);

    await page.getByTestId('audit-more').click();
    await page.getByTestId('audit-row').nth(99).waitFor();
    const two = await rowsOf(page);
    expect(two).toHaveLength(100);
    expect(descending(two.map((r) => r.seq))).toBe(true);

    const filter = page.getByTestId('audit-filter');
    await filter.getByLabel('操作类型', { exact: true }).fill('auth.');
    const answer = page.waitForResponse(
      (r) => r.url().includes('/api/v1/audit/entries?') && r.url().includes('action=auth.'),
    );
    await page.getByTestId('audit-filter-submit').click();
    expect((await answer).status()).toBe(200);
    await expect.poll(async () => (await rowsOf(page)).every((r) => r.action.startsWith('auth.'))).toBe(true);
    expect((await rowsOf(page)).length).toBeGreaterThan(0);

    // A malformed action is named at its field, and the table keeps the last answer.
    await filter.getByLabel('操作类型', { exact: true }).fill('Credit');
    await page.getByTestId('audit-filter-submit').click();
    await filter.getByText('操作类型为小写英文', { exact: false }).waitFor();
    expect((await rowsOf(page)).every((r) => r.action.startsWith('auth.'))).toBe(true);

    // The demo city was written today: yesterday alone has no entries, today has them all.
    await filter.getByLabel('操作类型', { exact: true }).fill('');
    const searchDays = async (day: string) => {
      for (const label of ['开始日期', '结束日期']) {
        const input = filter.getByLabel(label, { exact: true });
        await input.click();
        await input.fill(day);
        await input.press('Enter');
      }
      await page.getByTestId('audit-filter-submit').click();
    };
    await searchDays(shanghaiDay(-1));
    await page.getByText('没有符合条件的记录').waitFor();
    await searchDays(shanghaiDay(0));
    await page.getByTestId('audit-row').first().waitFor();

    await page.getByTestId('audit-verify-run').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/^哈希链完整：共 [\d,]+ 条记录/);
    await screenshot(page, 'audit-trail');
  });

  it('fits a 375 px phone without sideways scrolling', async () => {
    const page = await openPage(PHONE);
    await openAudit(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'audit-trail-375');
  });

  it('is not the resident’s page', async () => {
    const page = await openPage();
    await loginThroughForm(page, 'resident');
    await page.waitForURL('**/me');
    await page.goto('/audit');
    await page.getByText('无权访问').waitFor();
    expect(await page.getByTestId('audit-trail').count()).toBe(0);
  });
});
