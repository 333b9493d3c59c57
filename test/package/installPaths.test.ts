// The README's install paths, run as written in a fresh copy of the repository: `npm run package`
// and `code --install-extension` into the test VS Code; `npm pack`, then the tarball installed into a
// new project where `npx promptops` and `promptops/runtime` run. Run by `npm test` after the build.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCodeServer, repositoryRoot, type CodeServerInstall } from '../harness/codeServerInstall';
import { shellBlockUnder, shellWords } from '../harness/readmeCommands';
import { writeSuiteNote } from '../harness/suiteSummary';

const readme = fs.readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };

interface CommandRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs README command lines in a shell-like session: `cd` moves it, `code` is the test VS Code's
 * CLI (code-server's, the same flags), every other program is run as written.
 */
class ReadmeSession {
  constructor(
    public cwd: string,
    private readonly scratch: string,
    private readonly codeServer: () => CodeServerInstall,
  ) {}

  run(line: string): CommandRun {
    const [program, ...args] = shellWords(line);
    if (program === 'cd') {
      this.cwd = path.resolve(this.cwd, args[0] ?? '');
      return { status: 0, stdout: '', stderr: '' };
    }
    let command: string;
    let commandArgs: string[];
    if (program === 'code') {
      // A user's VS Code has its own profile; the test's has a scratch one.
      command = process.execPath;
      commandArgs = [this.codeServer().entry, '--user-data-dir', path.join(this.scratch, 'vscode-user'), '--extensions-dir', this.extensionsDir, ...args];
    } else if (program === 'npm' || program === 'npx' || program === 'node') {
      command = program === 'node' ? process.execPath : program;
      commandArgs = args;
    } else {
      throw new Error(`The install test does not know how to run "${line}"; teach ReadmeSession.`);
    }
    // npm finds the packages npm ci installed in its cache, so no network is needed for them.
    const env = { ...process.env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    const result = spawnSync(command, commandArgs, { cwd: this.cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** Runs a line that must succeed, and returns what it printed. */
  succeed(line: string): CommandRun {
    const run = this.run(line);
    assert.equal(run.status, 0, `"${line}" failed in ${this.cwd}:\n${run.stdout}\n${run.stderr}`);
    return run;
  }

  get extensionsDir(): string {
    return path.join(this.scratch, 'vscode-extensions');
  }
}

/** A fresh clone of the working tree as it is (tracked and new files, not ignored ones), with the node_modules npm ci installed from the same lockfile. */
function freshCopy(target: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repositoryRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const source = path.join(repositoryRoot, file);
    if (!fs.lstatSync(source, { throwIfNoEntry: false })?.isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(source, path.join(target, file));
  }
  fs.symlinkSync(path.join(repositoryRoot, 'node_modules'), path.join(target, 'node_modules'), 'dir');
}

function filesUnder(folder: string, prefix = ''): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(path.join(folder, entry.name), relative) : [relative];
  });
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** 400 clean prompts (a quarter with sample files) and a partial: enough for check to start worker threads. */
function writeProjectPrompts(project: string): void {
  fs.mkdirSync(path.join(project, 'prompts', 'partials'), { recursive: true });
  fs.writeFileSync(path.join(project, 'prompts', 'partials', '_tone.prompt'), 'Be brief.\n');
  for (let i = 0; i < 400; i++) {
    const folder = path.join(project, 'prompts', `team${i % 8}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `reply${i}.prompt`), `---\ninput:\n  schema:\n    customer: string\n---\n{{> tone}}\nAnswer {{customer}}.\n`);
    if (i % 4 === 0) fs.writeFileSync(path.join(folder, `reply${i}.samples.yaml`), `ada:\n  customer: Ada ${i}\n`);
  }
}

describe('the README install paths, run as written in a fresh copy of the repository', function () {
  this.timeout(10 * 60_000);
  const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-install-')));
  const copy = path.join(scratch, 'promptops');
  let install: CodeServerInstall | undefined;
  const session = new ReadmeSession(copy, scratch, () => (install ??= ensureCodeServer()));

  before(() => freshCopy(copy));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  describe('Install in desktop VS Code', () => {
    const commands = shellBlockUnder(readme, '## Install in desktop VS Code');
    const installedExtension = () => path.join(session.extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);

    it('lists npm run package, then code --install-extension promptops.vsix', () => {
      assert.deepEqual(commands, ['npm run package', 'code --install-extension promptops.vsix']);
    });

    it('npm run package writes promptops.vsix from a fresh clone, with no build before it', () => {
      assert.equal(fs.existsSync(path.join(copy, 'dist')), false);
      session.succeed(commands[0] ?? '');
      const size = fs.statSync(path.join(copy, 'promptops.vsix')).size;
      writeSuiteNote(`promptops.vsix ${mebibytes(size)}`);
      console.log(`      promptops.vsix: ${mebibytes(size)}`);
    });

    it('code --install-extension promptops.vsix installs it into the test VS Code with what the extension reads', () => {
      session.succeed(commands[1] ?? '');
      const installed = installedExtension();
      for (const file of ['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'dist/extension.js', 'dist/webview/preview.js', 'dist/webview/canaryReport.js', 'dist/webview/auditLog.js', 'media/icon.png', 'syntaxes/dotprompt.tmLanguage.json', 'snippets/dotprompt.code-snippets', 'docs/screenshots/promptops-view-container.png']) {
        assert.ok(fs.existsSync(path.join(installed, file)), `the installed extension lacks ${file}`);
      }
    });

    it('the .vsix holds no tests, fixtures, sources, source maps or the CLI (.vscodeignore is an allowlist)', () => {
      const shipped = filesUnder(installedExtension());
      const unwanted = shipped.filter(
        (file) =>
          /(^|\/)(src|test|tests|fixtures|out|demo|bench|scripts|node_modules|\.vscode-test|\.bench|\.ci)\//.test(file) ||
          /\.(ts|map|vsix|tgz|mjs)$/.test(file) ||
          /^dist\/(cli|fileTaskWorker|runtime)\.js$|^dist\/types\//.test(file) ||
          /^(tsconfig\.json|package-lock\.json|esbuild\.mjs|\.vscodeignore|\.npmignore|\.gitignore|\.mocharc\.json)$/.test(file),
      );
      assert.deepEqual(unwanted, []);
      assert.ok(shipped.length >= 15, `only ${shipped.length} files installed: ${shipped.join(', ')}`);
    });
  });

  describe('Install the CLI and the runtime in your project', () => {
    const commands = shellBlockUnder(readme, '## Install the CLI and the runtime in your project');
    const project = path.join(scratch, 'my-project');
    const installedPackage = path.join(project, 'node_modules', manifest.name);

    before(() => {
      fs.mkdirSync(project);
      fs.writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'my-project', version: '1.0.0', private: true }, null, 2)}\n`);
      writeProjectPrompts(project);
      session.cwd = copy;
    });

    it('lists npm pack, the install into a project, then npx promptops and the runtime', () => {
      assert.deepEqual(commands, [
        'npm pack',
        'cd ../my-project',
        `npm install ../promptops/promptops-${manifest.version}.tgz`,
        'npx promptops --version',
        'npx promptops check',
        `node -e "require('promptops/runtime')"`,
      ]);
    });

    it('npm pack builds first, and npm install puts the CLI, its worker threads, the runtime and its types in the project', () => {
      session.succeed(commands[0] ?? '');
      assert.ok(fs.existsSync(path.join(copy, `promptops-${manifest.version}.tgz`)));
      session.succeed(commands[1] ?? '');
      assert.equal(session.cwd, project);
      session.succeed(commands[2] ?? '');
      const installed = filesUnder(path.join(installedPackage, 'dist')).sort();
      // The bundles exactly; the declarations are whatever the runtime's types import (the
      // TypeScript test below proves they resolve), so only their place and kind are fixed here.
      assert.deepEqual(installed.filter((file) => !file.startsWith('types/')), ['cli.js', 'fileTaskWorker.js', 'runtime.js']);
      const declarations = installed.filter((file) => file.startsWith('types/'));
      assert.deepEqual(declarations.filter((file) => !/^types\/src\/(core|runtime)\/[\w/]+\.d\.ts$/.test(file)), []);
      for (const runtimeFile of ['bundleVerification', 'canaryAssignment', 'promptBundle', 'promptRuntime']) {
        assert.ok(declarations.includes(`types/src/runtime/${runtimeFile}.d.ts`), `${runtimeFile}.d.ts is installed`);
      }
    });

    it('npx promptops --version prints the package version', () => {
      assert.equal(session.succeed(commands[3] ?? '').stdout, `${manifest.version}\n`);
    });

    it("npx promptops check checks the project's prompts, also on worker threads from the installed package", () => {
      assert.equal(session.succeed(commands[4] ?? '').stdout, 'No problems in 401 prompt files.\n');
      // Whatever the cores of this machine, two threads run the installed dist/fileTaskWorker.js.
      assert.equal(session.succeed(`${commands[4] ?? ''} --jobs 2`).stdout, 'No problems in 401 prompt files.\n');
      fs.appendFileSync(path.join(project, 'prompts', 'team0', 'reply0.prompt'), '{{custmer}}\n');
      const broken = session.run(commands[4] ?? '');
      assert.equal(broken.status, 1);
      assert.match(broken.stdout, /^prompts\/team0\/reply0\.prompt:8:3: error undeclared-variable: 'custmer' is not declared in the input schema; did you mean 'customer'\?$/m);
    });

    it('the runtime loads with require, and TypeScript finds its declarations through the package exports', () => {
      session.succeed(commands[5] ?? '');
      const exported = session.succeed(`node -e "console.log(Object.keys(require('promptops/runtime')).sort().join(' '))"`).stdout;
      assert.equal(exported, 'PromptBundleError bundleFormat canaryBucket loadPromptBundle promptFlagKey renderResolved resolvePrompt resolvePromptWithFlags verifyPromptBundle\n');
      fs.writeFileSync(
        path.join(project, 'app.ts'),
        "import { loadPromptBundle, resolvePrompt, type ResolvedPrompt } from 'promptops/runtime';\nexport const pick = (json: string): ResolvedPrompt => resolvePrompt(loadPromptBundle(json), 'support/summarize', 'production');\n",
      );
      const tsc = `node ${path.join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc')} --noEmit --strict --module node16 --moduleResolution node16 --skipLibCheck`;
      session.succeed(`${tsc} app.ts`);
      // The declarations are real types, not any: a wrong use fails to compile.
      fs.writeFileSync(path.join(project, 'wrong.ts'), "import { resolvePrompt } from 'promptops/runtime';\nexport const count: number = resolvePrompt;\n");
      const wrong = session.run(`${tsc} wrong.ts`);
      assert.equal(wrong.status, 2);
      assert.match(wrong.stdout, /wrong\.ts\(2,14\): error TS2322: Type '\(bundle: PromptBundle, id: string, .*\) => ResolvedPrompt' is not assignable to type 'number'\./);
    });
  });
});
