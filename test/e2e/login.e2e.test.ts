import { describe, expect, it } from 'vitest';
import { loginThroughForm, scrollWidth } from './support/app-actions';
import { hasChromium, screenshot } from './support/browser';
import { useE2eSuite } from './support/suite';

/** Each demo login, the home it lands on and that home's zh-CN menu label. */
const DEMO_ACCOUNTS = [
  { username: 'resident', role: 'resident', home: '/me', label: '我的' },
  { username: 'enterprise', role: 'enterprise_agent', home: '/enterprise', label: '企业服务' },
  { username: 'village', role: 'collective', home: '/village', label: '村集体' },
  { username: 'officer', role: 'officer', home: '/workbench', label: '工作台' },
  { username: 'officer-changshan', role: 'officer', home: '/workbench', label: '工作台' },
  { username: 'bank', role: 'bank', home: '/bank', label: '金融服务' },
  { username: 'auditor', role: 'auditor', home: '/audit', label: '审计' },
  { username: 'admin', role: 'admin', home: '/cockpit', label: '驾驶舱' },
] as const;

const PHONE = { width: 375, height: 812 };

describe.skipIf(!hasChromium)('web login and role homes (e2e, headless Chromium)', () => {
  const { openPage } = useE2eSuite();

  for (const account of DEMO_ACCOUNTS) {
    it(`${account.username} logs in and lands on ${account.home} (${account.label})`, async () => {
      const page = await openPage();
      const answer = await loginThroughForm(page, account.username);
      expect(answer.status).toBe(200);

      await page.waitForURL(`**${account.home}`);
      await page.getByRole('menuitem', { name: account.label, exact: true }).waitFor();
      const card = page.getByTestId('account-card');
      await card.getByText(account.username, { exact: true }).waitFor();
      expect((await page.getByTestId('current-user').textContent())?.trim()).toBeTruthy();

      // The session lives in an HTTP-only cookie; the web never keeps the token itself.
      const cookies = await page.context().cookies();
      expect(cookies.find((cookie) => cookie.name === 'sanqu_session')?.httpOnly).toBe(true);
      const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })');
      expect(stored).not.toMatch(/token/i);

      if (account.username === 'officer-changshan') {
        expect(await page.getByTestId('jurisdiction').textContent()).toContain('常山县');
      }
      await screenshot(page, account.username);
    });
  }

  it('shows the server’s message for a wrong password and stays on /login', async () => {
    const page = await openPage();
    const answer = await loginThroughForm(page, 'bank', 'not-the-password-1');
    expect(answer.status).toBe(401);
    const message = errorMessage(answer.body);
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(message);
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login-wrong-password');
  });

  it('fits a 375 px phone without sideways scrolling (login and resident home)', async () => {
    const page = await openPage(PHONE);
    await page.goto('/login');
    await page.getByLabel('用户名').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'login-375');

    await loginThroughForm(page, 'resident');
    await page.waitForURL('**/me');
    await page.getByTestId('account-card').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'resident-375');

    // The side menu becomes a drawer behind a button.
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.locator('.ant-drawer-open').waitFor();
    await page.getByRole('menuitem', { name: '我的', exact: true }).waitFor();
    await page.waitForTimeout(400); // let the drawer finish sliding in before the screenshot
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'resident-375-menu');
  });

  it('switches to English and keeps it after a reload', async () => {
    const page = await openPage();
    await loginThroughForm(page, 'resident');
    await page.waitForURL('**/me');
    await page.getByRole('menuitem', { name: '我的', exact: true }).waitFor();

    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'Me', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');

    await page.reload();
    await page.getByRole('menuitem', { name: 'Me', exact: true }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    await screenshot(page, 'resident-en');
  });

  it('logs out back to /login, and the old session no longer opens the app', async () => {
    const page = await openPage();
    await loginThroughForm(page, 'officer');
    await page.waitForURL('**/workbench');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel('用户名').waitFor();
    expect(new URL(page.url()).search).toBe(''); // a plain logout, not "sent to login from /workbench"

    expect((await page.context().cookies()).some((cookie) => cookie.name === 'sanqu_session')).toBe(false);
    await page.goto('/workbench');
    await page.waitForURL((url) => url.pathname === '/login');
  });

  it('redirects an unauthenticated visit to /workbench to /login, and back after login', async () => {
    const page = await openPage();
    await page.goto('/workbench');
    await page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('next') === '/workbench',
    );
    await loginThroughForm(page, 'officer-changshan');
    await page.waitForURL('**/workbench');
  });

  it('shows a 404 page for an unknown route inside the app', async () => {
    const page = await openPage();
    await loginThroughForm(page, 'auditor');
    await page.waitForURL('**/audit');
    await page.goto('/no-such-page');
    await page.getByText('页面不存在', { exact: true }).waitFor();
    await page.getByRole('menuitem', { name: '审计' }).waitFor();
  });
});

function errorMessage(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('error' in body)) throw new Error('no error body');
  const { error } = body as { error: { message?: unknown } };
  if (typeof error.message !== 'string' || error.message === '') throw new Error('error.message is missing');
  return error.message;
}
