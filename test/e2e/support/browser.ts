import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repoRoot } from './server';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The e2e suites run only where Debian's Chromium is installed; elsewhere they are reported as skipped. */
export const hasChromium = existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  console.warn(`e2e skipped: ${CHROMIUM_PATH} not found — apt-get install chromium fonts-wqy-microhei`);
}

const screenshotDir = join(repoRoot, 'test-results/e2e');

/** Headless Chromium; `launch()` gives each run a fresh temporary profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Full-page screenshot to test-results/e2e/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
