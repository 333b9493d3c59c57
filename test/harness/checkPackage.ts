import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCodeServer, repositoryRoot } from './codeServerInstall';

function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Packages the extension with vsce and installs the .vsix into the harness's VS Code, as a user would. */
function main(): void {
  const install = ensureCodeServer();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-vsix-'));
  try {
    const vsix = path.join(scratch, 'promptops.vsix');
    const vsce = path.join(repositoryRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    // The same flags as `npm run package`.
    run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], repositoryRoot);
    const extensionsDir = path.join(scratch, 'extensions');
    run(process.execPath, [install.entry, '--user-data-dir', path.join(scratch, 'user'), '--extensions-dir', extensionsDir, '--install-extension', vsix], scratch);
    const manifest = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    const installed = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    for (const file of ['package.json', 'readme.md', 'dist/extension.js', 'dist/webview/canaryReport.js', 'dist/webview/auditLog.js', 'media/icon.png', 'syntaxes/dotprompt.tmLanguage.json', 'docs/screenshots/promptops-view-container.png']) {
      if (!fs.existsSync(path.join(installed, file))) throw new Error(`The installed extension lacks ${file}`);
    }
    const shipped = fs.readdirSync(installed);
    for (const unwanted of ['src', 'test', 'node_modules', 'demo', '.vscode-test']) {
      if (shipped.includes(unwanted)) throw new Error(`The .vsix ships ${unwanted}/, which .vscodeignore should leave out`);
    }
    console.log(`${path.basename(vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(1)} KiB) installed into VS Code ${install.vscodeVersion} as ${path.basename(installed)}`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
