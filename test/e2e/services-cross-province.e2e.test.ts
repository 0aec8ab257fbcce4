import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, waitForPost } from './support/antd';
import { apiGet, apiToken } from './support/api';
import { loginThroughForm } from './support/app-actions';
import { hasChromium, screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

/** A county-level Quzhou item offered across provinces as 异地代收代办, promised the same day. */
const ITEM = '330800-ca-marriage-record-certificate';

interface CaseAnswer {
  id: string;
  state: string;
  mode: string;
  handlingDivision: string;
  receivingDivision: string;
}

async function openWorkbench(page: Page, username: string): Promise<void> {
  await loginThroughForm(page, username);
  await page.waitForURL('**/workbench');
  await page.getByRole('menuitem', { name: '办件工作台' }).click();
  await page.waitForURL('**/workbench/services');
}

async function openFromQueue(page: Page, tab: string, caseId: string): Promise<Locator> {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.locator(`[data-testid="queue-row"][data-case="${caseId}"]`).getByTestId('queue-open').click();
  const view = page.getByTestId('case-view');
  await view.waitFor();
  return view;
}

async function act(
  page: Page,
  action: string,
  dialog?: (form: Locator) => Promise<void>,
): Promise<CaseAnswer> {
  const answer = waitForPost(page, `/actions/${action}`);
  await page.getByTestId(`action-${action}`).click();
  if (dialog) {
    await dialog(page.getByTestId('action-form'));
    await page.getByTestId('action-confirm').click();
  }
  const response = await answer;
  expect(response.status(), `${action} answered ${response.status()}`).toBe(200);
  return (await response.json()) as CaseAnswer;
}

describe.skipIf(!hasChromium)(
  '一网通办: 异地代收代办 from a Shangrao window to Quzhou (e2e, headless Chromium)',
  () => {
    let residentId = '';
    const { openPage } = useE2eSuite(async (baseUrl) => {
      // The demo resident's own score carries their ID unmasked: the number they show at the window.
      const token = await apiToken(baseUrl, 'resident');
      residentId = (await apiGet<{ residentId: string }>(baseUrl, token, '/credit/me/score')).residentId;
    });

    it('the Shangrao window receives and forwards, the Quzhou county department accepts and decides, and the window hands out the result', async () => {
      // (1) Shangrao's service hall receives the resident for a Quzhou item and forwards the file.
      const window = await openPage();
      await openWorkbench(window, 'officer-361100-services');
      await window.getByTestId('open-intake').click();
      const intake = window.getByTestId('intake-drawer');
      await chooseOption(window, intake.getByTestId('intake-city'), '衢州市');
      await chooseOption(window, intake.getByTestId('intake-item'), ITEM, '婚姻登记记录证明');
      await intake.getByTestId('item-facts').getByText('异地代收代办', { exact: false }).waitFor();
      await intake.getByTestId('applicant-id').fill(residentId);
      await intake.getByLabel('用途').fill('办理购房贷款');
      await intake.getByTestId('apply-consent').check();
      expect(await intake.getByTestId('apply-consent-text').textContent()).toContain('申请人已当面同意');
      const submitted = waitForPost(window, '/services/cases');
      await intake.getByTestId('apply-submit').click();
      const answer = await submitted;
      expect(answer.status()).toBe(201);
      const created = (await answer.json()) as CaseAnswer;
      expect(created).toMatchObject({ state: 'submitted', mode: 'proxy', receivingDivision: '361100' });
      expect(created.handlingDivision).toMatch(/^3308\d\d$/);

      // The case opens for the window: it may forward, never decide.
      const view = window.getByTestId('case-view');
      await view.getByTestId('action-forward').waitFor();
      expect(await view.getByTestId('action-approve').count()).toBe(0);
      expect(await view.getByTestId('action-accept').count()).toBe(0);
      await screenshot(window, 'services-window-intake');
      expect((await act(window, 'forward')).state).toBe('forwarded');
      await window.locator('[data-testid="case-view"][data-state="forwarded"]').waitFor();
      expect(await view.getByTestId('action-approve').count()).toBe(0);

      // (2) The Quzhou county civil-affairs bureau finds it in 待受理, accepts, claims and approves.
      const county = await openPage();
      await openWorkbench(county, `officer-${created.handlingDivision}-civil_affairs`);
      const handling = await openFromQueue(county, '待受理', created.id);
      await handling.getByTestId('case-form').getByText('办理购房贷款').waitFor();
      expect((await act(county, 'accept')).state).toBe('accepted');
      expect((await act(county, 'claim')).state).toBe('in_review');
      const approved = await act(county, 'approve', async () => undefined);
      expect(approved.state).toBe('approved');
      await county.locator('[data-testid="case-view"][data-state="approved"]').waitFor();
      await screenshot(county, 'services-county-approved');

      // (3) The Shangrao window hands the result out at the window; the timeline shows both cities.
      await window.reload();
      const delivering = await openFromQueue(window, '待送达', created.id);
      expect(await delivering.getByTestId('action-approve').count()).toBe(0);
      const delivered = await act(window, 'deliver', async (form) => {
        // The window may hand out only what is collected there.
        expect(await form.getByRole('radio').count()).toBe(1);
        await form.getByRole('radio', { name: '窗口领取' }).check();
      });
      expect(delivered.state).toBe('delivered');
      await window.locator('[data-testid="case-view"][data-state="delivered"]').waitFor();
      const steps = window.getByTestId('timeline-step');
      const office = (action: string) =>
        window
          .locator(`[data-testid="timeline-step"][data-action="${action}"]`)
          .getByTestId('timeline-office');
      expect(await office('forward').textContent()).toContain('上饶市 · 政务服务');
      expect(await office('approve').textContent()).toContain('民政');
      expect(await office('approve').textContent()).not.toContain('上饶');
      expect(await office('deliver').textContent()).toContain('上饶市 · 政务服务');
      expect(await steps.count()).toBeGreaterThanOrEqual(6);
      await window.getByTestId('case-summary').getByText('窗口领取', { exact: false }).waitFor();
      await screenshot(window, 'services-window-delivered');
    });
  },
);
