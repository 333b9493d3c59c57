import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { repositoryRoot } from './codeServerInstall';
import { shotRequest } from './screenshotProtocol';
import { startDemo } from './startDemo';
import { launchBrowser, openAutomatedPage, workbenchUrl } from './workbench';
import { testOutputTag } from '../integration/testOutputTag';

const screenshotsDir = path.join(repositoryRoot, 'docs', 'screenshots');
const scenes = path.join(repositoryRoot, 'out', 'test', 'harness', 'screenshotScenes.js');

/** Widens the side bar by dragging its edge, so version descriptions are readable. */
async function widenSideBar(page: Page, width: number): Promise<void> {
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  if (!sideBar) return;
  await page.mouse.move(sideBar.x + sideBar.width + 1, 400);
  await page.mouse.down();
  await page.mouse.move(sideBar.x + width, 400, { steps: 5 });
  await page.mouse.up();
}

/**
 * Re-takes the README's screenshots: the demo workspace in VS Code, with screenshotScenes.ts
 * running inside the extension host to set up each scene through the extension's real commands.
 */
async function main(): Promise<void> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const demo = await startDemo();
  const browser = await launchBrowser();
  let page: Page | undefined;
  try {
    const requests: string[] = [];
    let wake: () => void = () => undefined;
    let exitCode: number | undefined;
    page = await openAutomatedPage(browser, {
      onLog: (_level, message) => {
        if (!message.startsWith(`${testOutputTag}${shotRequest}`)) return;
        requests.push(message.slice(testOutputTag.length + shotRequest.length));
        wake();
      },
      onExit: (code) => {
        exitCode = code;
        wake();
      },
    });
    await page.setViewportSize({ width: 1440, height: 860 });
    await page.goto(workbenchUrl({ origin: demo.server.origin, workspace: demo.workspace, extensionDevelopmentPath: repositoryRoot, extensionTestsPath: scenes }));
    const deadline = Date.now() + 180_000;
    while (exitCode === undefined && Date.now() < deadline) {
      const name = requests.shift();
      if (name === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 1000);
        });
        continue;
      }
      if (name === 'prepare') {
        await widenSideBar(page, 540);
        continue;
      }
      if (name.startsWith('click:')) {
        await page.locator(`.monaco-list-row:has-text("${name.slice('click:'.length)}")`).first().click();
        continue;
      }
      await page.mouse.move(560, 851);
      const file = path.join(screenshotsDir, `${name}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(repositoryRoot, file)}`);
    }
    if (exitCode !== 0) throw new Error(exitCode === undefined ? 'The scenes did not finish in time.' : 'A scene failed; run with PROMPTOPS_TEST_VERBOSE=1 for the log.');
  } catch (error) {
    const failure = path.join(repositoryRoot, 'test-results', 'screenshot-failure.png');
    fs.mkdirSync(path.dirname(failure), { recursive: true });
    await page?.screenshot({ path: failure }).catch(() => undefined);
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
