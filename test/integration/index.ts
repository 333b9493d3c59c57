import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import SummaryReporter = require('../harness/summaryReporter');
import { testOutputTag } from './testOutputTag';

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

/**
 * Activates PromptOps (nothing has opened a prompt yet, so it is still inactive) and prints how
 * long that took: loading the bundle plus activate(), which only registers providers.
 */
async function reportActivationTime(tag: string): Promise<void> {
  const extension = vscode.extensions.getExtension('promptops.promptops');
  if (!extension) throw new Error('PromptOps is not loaded in this window.');
  if (extension.isActive) {
    console.log(`${tag}PromptOps was already active before the tests started (something opened a prompt).`);
    return;
  }
  const started = performance.now();
  await extension.activate();
  console.log(`${tag}PromptOps activation took ${(performance.now() - started).toFixed(0)} ms (bundle load and activate()).`);
}

const untrustedMarker = '(untrusted workspace)';

/** Entry point the VS Code workbench calls in the extension host (extensionTestsPath). */
export async function run(): Promise<void> {
  // In the browser harness the workbench forwards console output unformatted and mixed with its own log; tag ours.
  const tag = process.env['PROMPTOPS_TAG_TEST_OUTPUT'] === '1' ? testOutputTag : '';
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(`${tag}${format(...args)}`);
  console.log(`${tag}Integration tests running inside VS Code ${vscode.version} (${vscode.env.appName}, remote: ${vscode.env.remoteName ?? 'none'})`);
  await reportActivationTime(tag);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: SummaryReporter });
  // Suites titled with "(untrusted workspace)" run only in the restricted-mode pass, the others only in the trusted one.
  const untrusted = process.env['PROMPTOPS_TEST_UNTRUSTED'] === '1';
  console.log(`${tag}Workspace trusted: ${vscode.workspace.isTrusted}`);
  const grep = process.env['PROMPTOPS_TEST_GREP'];
  mocha.grep(grep ?? untrustedMarker);
  if (!grep && !untrusted) mocha.invert();
  for (const file of testFiles(__dirname).sort()) mocha.addFile(file);
  let passed = 0;
  const failures = await new Promise<number>((resolve) => mocha.run(resolve).on(Mocha.Runner.constants.EVENT_TEST_PASS, () => passed++));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  // A filter that matched nothing, or a suite that loaded no test, checked nothing: that is not a pass.
  if (passed === 0) throw new Error(`No integration test ran${grep ? ` (PROMPTOPS_TEST_GREP=${grep} matched no test title)` : ''}.`);
}
