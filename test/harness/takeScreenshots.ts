import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { repositoryRoot } from './codeServerInstall';
import { startDemo } from './startDemo';
import { launchBrowser } from './workbench';

const screenshotsDir = path.join(repositoryRoot, 'docs', 'screenshots');

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(name);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab[aria-label^="${name}"]`).waitFor();
}

/** A screenshot of what a user sees, for the README; each shot names the feature it shows. */
async function shoot(page: Page, name: string): Promise<void> {
  const file = path.join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(repositoryRoot, file)}`);
}

async function main(): Promise<void> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const demo = await startDemo();
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  try {
    await page.goto(demo.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar .action-label[aria-label^="PromptOps"]').click();
    await page.locator('.pane-header[aria-label^="Versions"]').waitFor();
    await page.locator('.monaco-list-row:has-text("summarize.prompt")').first().waitFor({ timeout: 30_000 });
    await openFile(page, 'summarize.prompt');
    await page.mouse.move(900, 600);
    await page.waitForTimeout(1500);
    await shoot(page, 'promptops-view-container');
  } catch (error) {
    const failure = path.join(repositoryRoot, 'test-results', 'screenshot-failure.png');
    fs.mkdirSync(path.dirname(failure), { recursive: true });
    await page.screenshot({ path: failure }).catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message : String(error)} (see ${path.relative(repositoryRoot, failure)})`);
  } finally {
    await browser.close();
    await demo.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
