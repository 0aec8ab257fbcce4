import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Sanqu@2026';

/** The server's answer to the login call, read as the browser received it. */
export interface LoginAnswer {
  status: number;
  body: unknown;
}

/**
 * Opens /login (unless already there), types the credentials into the real form and submits it.
 * Resolves with the HTTP answer of `POST /api/v1/auth/login`.
 */
export async function loginThroughForm(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<LoginAnswer> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  const answer = page.waitForResponse(
    (response) => response.url().endsWith('/api/v1/auth/login') && response.request().method() === 'POST',
  );
  // antd spaces out two-character Chinese button labels: "登 录".
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  const response = await answer;
  return { status: response.status(), body: await response.json().catch(() => null) };
}

/** Widest point of the page; more than the viewport means something scrolls sideways. */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth');
}
