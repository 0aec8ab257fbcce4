import type { Locator, Page } from 'playwright-core';

/** Opens an antd Select and clicks the visible option containing `option` (typing `search` first if given). */
export async function chooseOption(
  page: Page,
  select: Locator,
  option: string,
  search?: string,
): Promise<void> {
  await select.click();
  if (search) await page.keyboard.type(search);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** Waits for the API answer to a POST whose path ends with `suffix` (below /api/v1). */
export function waitForPost(page: Page, suffix: string) {
  return page.waitForResponse(
    (response) => response.request().method() === 'POST' && new URL(response.url()).pathname.endsWith(suffix),
  );
}
