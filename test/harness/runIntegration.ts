import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createFixtureRepository } from './fixtureRepository';
import { codeServerVersion, ensureCodeServer, repositoryRoot } from './codeServerInstall';
import { startCodeServer, type RunningCodeServer } from './codeServerProcess';
import { suiteRunProblem, type SuiteSummary } from './suiteSummary';
import { launchBrowser, openAutomatedPage, workbenchUrl } from './workbench';
import type { Browser, Page } from 'playwright-core';
import { notificationReaderVariable, serveNotificationTexts } from './notificationReader';
import { testOutputTag } from '../integration/testOutputTag';
import { browserClickRequest, performBrowserClick, type BrowserClick } from './browserClicks';

const timeoutMs = Number(process.env['PROMPTOPS_TEST_TIMEOUT_MS'] ?? 15 * 60_000);
const fixtureWorkspace = path.join(repositoryRoot, 'test', 'integration', 'fixtures', 'workspace');
export const testsEntry = path.join(repositoryRoot, 'out', 'test', 'integration', 'index.js');

/** Copies the fixture workspace to a scratch folder, as a Git repository with history, so tests may edit files freely. */
export function scratchWorkspace(root: string): string {
  const workspace = path.join(root, 'workspace');
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  createFixtureRepository(workspace);
  return workspace;
}

function readSummary(file: string): SuiteSummary | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteSummary;
  } catch {
    return undefined;
  }
}

/** Runs the compiled integration suite inside VS Code served by code-server; resolves to the exit code. */
export async function runIntegration(summaryFile: string, untrusted = process.env['PROMPTOPS_TEST_UNTRUSTED'] === '1'): Promise<number> {
  if (!fs.existsSync(testsEntry)) {
    console.error(`The integration suite is not compiled (${path.relative(repositoryRoot, testsEntry)} is missing); run npm run compile first.`);
    return 2;
  }
  const install = ensureCodeServer();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-it-'));
  const workspace = scratchWorkspace(scratch);
  const verbose = process.env['PROMPTOPS_TEST_VERBOSE'] === '1';
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const notifications = await serveNotificationTexts(() => page);
  const started = Date.now();
  try {
    console.log(`Starting VS Code ${install.vscodeVersion} (code-server ${codeServerVersion}) on a scratch copy of the fixture workspace${untrusted ? ', in restricted mode (untrusted)' : ''}…`);
    server = await startCodeServer({
      install,
      workspace,
      stateDir: path.join(scratch, 'state'),
      env: { PROMPTOPS_TEST_SUMMARY: summaryFile, PROMPTOPS_TAG_TEST_OUTPUT: '1', PROMPTOPS_TEST_UNTRUSTED: untrusted ? '1' : '0', [notificationReaderVariable]: notifications.url },
      untrusted,
      onOutput: (line) => verbose && console.log(`[code-server] ${line}`),
    });
    browser = await launchBrowser();
    let settle: (code: number) => void = () => undefined;
    // Gestures run one after another in the order the tests ask for them: a fill must land before
    // the click that submits it (run side by side, a click raced ahead of its fill on a busy machine).
    let gestures: Promise<void> = Promise.resolve();
    const exitCode = new Promise<number>((resolve) => (settle = resolve));
    page = await openAutomatedPage(browser, {
      onLog: (level, message) => {
        // Tests that need a user's click (a webview button, a modal dialog) ask for it in a tagged line; the test waits for its effect.
        if (message.startsWith(`${testOutputTag}${browserClickRequest}`)) {
          const click = JSON.parse(message.slice(testOutputTag.length + browserClickRequest.length)) as BrowserClick;
          const shot = path.join(repositoryRoot, 'test-results', 'browser-click-failure.png');
          // The page exists by then: the tests that ask for clicks run inside it.
          if (page === undefined) {
            console.error(`A click was requested before the workbench page opened: ${JSON.stringify(click)}`);
            return;
          }
          const target = page;
          gestures = gestures
            .then(() => performBrowserClick(target, click, shot))
            .catch((error: unknown) => console.error(`The requested click (${JSON.stringify(click)}) failed, see ${path.relative(repositoryRoot, shot)}: ${error instanceof Error ? error.message : String(error)}`));
          return;
        }
        if (message.startsWith(testOutputTag)) console.log(message.slice(testOutputTag.length));
        else if (verbose) console.log(`[workbench ${level}] ${message}`);
      },
      onExit: (code) => settle(code),
    });
    page.on('pageerror', (error) => verbose && console.error(`[page] ${error.message}`));
    await page.goto(workbenchUrl({
      origin: server.origin,
      workspace,
      extensionDevelopmentPath: repositoryRoot,
      extensionTestsPath: testsEntry,
    }));
    const timer = new Promise<number>((resolve) => setTimeout(() => resolve(-1), timeoutMs).unref());
    const code = await Promise.race([exitCode, timer]);
    if (code === -1) {
      const shot = path.join(repositoryRoot, 'test-results', 'integration-timeout.png');
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.error(`The integration suite did not finish within ${timeoutMs / 1000} s; a screenshot is in ${path.relative(repositoryRoot, shot)}.`);
      return 1;
    }
    const summary = readSummary(summaryFile);
    if (!summary) {
      console.error('The integration suite exited without reporting results; run with PROMPTOPS_TEST_VERBOSE=1 to see the workbench log.');
      return 1;
    }
    console.log(`Integration suite finished in VS Code ${install.vscodeVersion} after ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${code}.`);
    const problem = suiteRunProblem(code, summary, process.env['PROMPTOPS_TEST_GREP']);
    if (problem === undefined) return 0;
    console.error(problem);
    if (code !== 0) console.log('Run with PROMPTOPS_TEST_VERBOSE=1 to see the workbench and extension host log.');
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await notifications.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const summaryFile = process.env['PROMPTOPS_TEST_SUMMARY'] ?? path.join(os.tmpdir(), `promptops-integration-${process.pid}.json`);
  runIntegration(summaryFile).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(2);
    },
  );
}
