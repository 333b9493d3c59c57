import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

/** How an integration test asks the browser side to act like a user: a tagged log line with this prefix and a JSON request. */
export const browserClickRequest = 'browser-click:';

/**
 * A user's gesture in the workbench: a click (or typing, with `fill`) on an element inside the visible
 * webview (a CSS selector), or an answer to the quick input VS Code shows (a quick pick or an input
 * box): pick the row whose text contains `pick`, type `type` and press Enter, or press a key; or a
 * click on a button of a notification. Modal dialogs cannot be answered: VS Code refuses to show
 * them while extension tests run.
 */
export type BrowserClick =
  | { readonly where: 'webview'; readonly selector: string; readonly fill?: string }
  | { readonly where: 'quickInput'; readonly pick: string }
  | { readonly where: 'quickInput'; readonly type: string }
  | { readonly where: 'quickInput'; readonly press: 'Escape' | 'Enter' }
  | { readonly where: 'notification'; readonly button: string }
  /** A click in the editor area while the quick input is open, as a user clicking elsewhere: focus leaves the quick input. */
  | { readonly where: 'editorArea' };

const quickInput = '.quick-input-widget';

/** Performs a requested gesture in the page; webviews are two iframes deep (the host frame, then its active frame). */
export async function performBrowserClick(page: Page, click: BrowserClick, failureShot: string): Promise<void> {
  try {
    if (click.where === 'webview') {
      const target = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator(click.selector);
      if (click.fill === undefined) await target.click({ timeout: 30_000 });
      else await target.fill(click.fill, { timeout: 30_000 });
    } else if (click.where === 'editorArea') {
      await page.locator(quickInput).waitFor({ state: 'visible', timeout: 30_000 });
      await page.locator('.part.editor').click({ position: { x: 40, y: 40 }, timeout: 30_000 });
    } else if (click.where === 'notification') {
      await page.locator('.notification-toast .monaco-button', { hasText: click.button }).first().click({ timeout: 30_000 });
    } else if ('pick' in click) {
      await page.locator(`${quickInput} .monaco-list-row`, { hasText: click.pick }).first().click({ timeout: 30_000 });
    } else if ('type' in click) {
      const input = page.locator(`${quickInput} input`).first();
      await input.fill(click.type, { timeout: 30_000 });
      await input.press('Enter');
    } else {
      await page.locator(`${quickInput} input`).first().press(click.press, { timeout: 30_000 });
    }
  } catch (error) {
    fs.mkdirSync(path.dirname(failureShot), { recursive: true });
    await page.screenshot({ path: failureShot }).catch(() => undefined);
    throw error;
  }
}
