import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { missingPrerequisites } from './prerequisites';

/** The newest code-server that runs on Node 20; it serves VS Code 1.100.3. */
export const codeServerVersion = '4.100.3';

export const repositoryRoot = path.resolve(__dirname, '..', '..', '..');
export const cacheRoot = path.join(repositoryRoot, '.vscode-test');

export interface CodeServerInstall {
  readonly entry: string;
  readonly vscodeVersion: string;
}

function installDir(): string {
  return path.join(cacheRoot, `code-server-${codeServerVersion}`);
}

function describe(dir: string): CodeServerInstall {
  const vscodeDir = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  const product = JSON.parse(fs.readFileSync(path.join(vscodeDir, 'package.json'), 'utf8')) as { version?: unknown };
  return {
    entry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    vscodeVersion: typeof product.version === 'string' ? product.version : 'unknown',
  };
}

class InstallStep {
  constructor(private readonly logFile: string) {}

  run(title: string, command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): void {
    fs.appendFileSync(this.logFile, `\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`);
    const out = fs.openSync(this.logFile, 'a');
    try {
      const result = spawnSync(command, args, {
        cwd,
        stdio: ['ignore', out, out],
        env: { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false', ...env },
      });
      if (result.status !== 0) {
        const tail = fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-25).join('\n');
        throw new Error(`Installing code-server failed at "${title}" (see ${this.logFile}):\n${tail}`);
      }
    } finally {
      fs.closeSync(out);
    }
  }
}

function symlink(target: string, linkPath: string): void {
  fs.rmSync(linkPath, { force: true, recursive: false });
  fs.symlinkSync(target, linkPath);
}

/**
 * Installs code-server into .vscode-test/ on first use (about three minutes) and reuses it after.
 * The install is built in a scratch folder and renamed into place, so an interrupted run leaves no half copy.
 */
export function ensureCodeServer(log: (line: string) => void = console.log): CodeServerInstall {
  const dir = installDir();
  if (fs.existsSync(path.join(dir, '.complete'))) {
    const problem = missingPrerequisites(false);
    if (problem) throw new Error(problem);
    return describe(dir);
  }
  const problem = missingPrerequisites(true);
  if (problem) throw new Error(problem);

  fs.mkdirSync(cacheRoot, { recursive: true });
  const scratch = `${dir}.partial-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  const logFile = path.join(cacheRoot, 'code-server-install.log');
  fs.writeFileSync(logFile, `code-server ${codeServerVersion} install, ${new Date().toISOString()}\n`);
  log(`Installing code-server ${codeServerVersion} (VS Code 1.100.3) into ${path.relative(repositoryRoot, dir)}; this happens once and takes a few minutes…`);

  // A package.json of its own keeps npm from installing into the repository above.
  fs.writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'promptops-vscode-test', private: true }, null, 2));
  const step = new InstallStep(logFile);
  step.run('code-server package', 'npm', ['install', '--ignore-scripts', `code-server@${codeServerVersion}`], scratch);

  const vscodeDir = path.join(scratch, 'node_modules', 'code-server', 'lib', 'vscode');
  step.run('VS Code dependencies', 'npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);
  // ripgrep's postinstall downloads a binary unless bin/ exists; Debian's rg takes its place.
  const ripgrepBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(ripgrepBin, { recursive: true });
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  symlink(rg, path.join(ripgrepBin, 'rg'));
  step.run('native modules', 'npm', ['rebuild'], vscodeDir);
  symlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  symlink('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  symlink('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  step.run('built-in extensions', 'npm', ['install', '--omit=dev'], path.join(vscodeDir, 'extensions'));
  step.run('argon2', 'npm', ['rebuild', 'argon2'], scratch);

  fs.writeFileSync(path.join(scratch, '.complete'), `${new Date().toISOString()}\n`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(scratch, dir);
  log(`code-server ${codeServerVersion} installed.`);
  return describe(dir);
}
