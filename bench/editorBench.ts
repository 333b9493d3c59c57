import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCodeServer, repositoryRoot } from '../test/harness/codeServerInstall';
import { startCodeServer } from '../test/harness/codeServerProcess';
import { launchBrowser, openAutomatedPage, workbenchUrl } from '../test/harness/workbench';
import { testOutputTag } from '../test/integration/testOutputTag';
import { reportRatio } from './measure';
import type { Benchmark } from './runBench';

// Issue 4, Performance: the edit-to-diagnostics path in the editor costs at most 1.2x the core
// check alone (no double parsing, no re-reading sample files that did not change). Measured inside
// a real VS Code: editorBenchHost.ts runs in its extension host.
const target = 1.2;
const resultPrefix = 'bench-result:';

export const editorBenchmark: Benchmark = async () => {
  const install = ensureCodeServer();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-bench-'));
  const workspace = path.join(scratch, 'workspace');
  fs.mkdirSync(workspace);
  const server = await startCodeServer({ install, workspace, stateDir: path.join(scratch, 'state') });
  const browser = await launchBrowser();
  try {
    let result: { editorMs: number; coreMs: number; promptyEditorMs: number; promptyCoreMs: number } | undefined;
    let settle: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (settle = resolve));
    const page = await openAutomatedPage(browser, {
      onLog: (_level, message) => {
        if (message.startsWith(`${testOutputTag}${resultPrefix}`)) result = JSON.parse(message.slice(testOutputTag.length + resultPrefix.length)) as typeof result;
      },
      onExit: settle,
    });
    await page.goto(workbenchUrl({
      origin: server.origin,
      workspace,
      extensionDevelopmentPath: repositoryRoot,
      extensionTestsPath: path.join(repositoryRoot, 'out', 'bench', 'editorBenchHost.js'),
    }));
    const code = await Promise.race([exited, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 300_000).unref())]);
    if (code !== 0 || !result) {
      console.log(`MISSES edit-to-diagnostics: the measurement inside VS Code did not complete (exit ${code}).`);
      return false;
    }
    const dotpromptOk = reportRatio('edit-to-diagnostics in VS Code vs the core check alone', { taskMs: result.editorMs, baselineMs: result.coreMs, ratio: result.editorMs / result.coreMs }, target);
    // Issue 13: the same for a .prompty file.
    const promptyOk = reportRatio('edit-to-diagnostics for a .prompty file in VS Code vs the core check alone', { taskMs: result.promptyEditorMs, baselineMs: result.promptyCoreMs, ratio: result.promptyEditorMs / result.promptyCoreMs }, target);
    return dotpromptOk && promptyOk;
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
};
