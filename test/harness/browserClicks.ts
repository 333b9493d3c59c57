import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

/** How an integration test asks the browser side to click like a user: a tagged log line with this prefix and a JSON request. */
export const browserClickRequest = 'browser-click:';

/** A click on an element inside the visible webview (a CSS selector). Modal dialogs cannot be clicked: VS Code refuses to show them while extension tests run. */
export interface BrowserClick {
  readonly where: 'webview';
  readonly selector: string;
}

/** Performs a requested click in the page; webviews are two iframes deep (the host frame, then its active frame). */
export async function performBrowserClick(page: Page, click: BrowserClick, failureShot: string): Promise<void> {
  try {
    await page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator(click.selector).click({ timeout: 30_000 });
  } catch (error) {
    fs.mkdirSync(path.dirname(failureShot), { recursive: true });
    await page.screenshot({ path: failureShot }).catch(() => undefined);
    throw error;
  }
}
