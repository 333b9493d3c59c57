import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repositoryRoot } from './codeServerInstall';
import { scratchWorkspace, testsEntry } from './runIntegration';

/**
 * The same compiled integration suite in desktop VS Code, downloaded by @vscode/test-electron.
 * For machines that can reach VS Code's download servers; CI here uses runIntegration (code-server) instead.
 */
async function main(): Promise<number> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-electron-'));
  try {
    const workspace = scratchWorkspace(scratch);
    return await runTests({
      version: process.env['PROMPTOPS_VSCODE_VERSION'] ?? '1.100.3',
      extensionDevelopmentPath: repositoryRoot,
      extensionTestsPath: testsEntry,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Desktop VS Code could not be downloaded or run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
