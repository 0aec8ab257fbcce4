import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { ensureWebBuilt, type RunningServer, startServer } from './server';

export interface E2eSuite {
  /** The running server's base URL (valid once beforeAll has run). */
  baseUrl(): string;
  /** A fresh, cookie-less browser context and page for one test; closed after the test. */
  openPage(viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * Registers the hooks every e2e suite needs: build the web app if stale, start a real server on a fresh demo
 * database, launch Chromium, and close each test's context. `prepare` runs once the server is up.
 */
export function useE2eSuite(prepare?: (baseUrl: string) => Promise<void>): E2eSuite {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
    await prepare?.(server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  return {
    baseUrl: () => server.baseUrl,
    async openPage(viewport = { width: 1280, height: 800 }) {
      context = await browser.newContext({ baseURL: server.baseUrl, viewport, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
  };
}
