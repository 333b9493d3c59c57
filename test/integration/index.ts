import * as fs from 'node:fs';
import * as path from 'node:path';
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

/** Entry point the VS Code workbench calls in the extension host (extensionTestsPath). */
export async function run(): Promise<void> {
  // In the browser harness the workbench forwards console output unformatted and mixed with its own log; tag ours.
  const tag = process.env['PROMPTOPS_TAG_TEST_OUTPUT'] === '1' ? testOutputTag : '';
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(`${tag}${format(...args)}`);
  console.log(`${tag}Integration tests running inside VS Code ${vscode.version} (${vscode.env.appName}, remote: ${vscode.env.remoteName ?? 'none'})`);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: SummaryReporter });
  const grep = process.env['PROMPTOPS_TEST_GREP'];
  if (grep) mocha.grep(grep);
  for (const file of testFiles(__dirname).sort()) mocha.addFile(file);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
