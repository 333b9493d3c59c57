import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The author of fixture commits unless a commit names another. */
export const fixtureAuthor = { name: 'Ada Lovelace', email: 'ada@example.com' } as const;

export interface CommitOptions {
  /** Files to write (text or bytes) or, with `null`, to delete. */
  readonly files?: Readonly<Record<string, string | Uint8Array | null>>;
  /** Renames done with `git mv` before the files are written. */
  readonly renames?: Readonly<Record<string, string>>;
  readonly author?: { readonly name: string; readonly email: string };
}

/**
 * A temporary Git repository for tests, with a fixed identity and a clock that advances one hour per
 * commit from 2026-01-01T09:00:00Z, so commit SHAs are the same on every run. `dispose()` removes it
 * together with every clone and worktree made from it.
 */
export class GitFixture {
  private commits = 0;
  private readonly extraFolders: string[] = [];

  private constructor(
    readonly root: string,
    private readonly temp: string,
  ) {}

  /** A new repository on branch `main`; `folderName` may hold spaces or unicode. */
  static create(folderName = 'repo'): GitFixture {
    const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-git-')));
    const root = path.join(temp, folderName);
    fs.mkdirSync(root);
    const fixture = new GitFixture(root, temp);
    fixture.git(['init', '--quiet', '--initial-branch=main']);
    fixture.git(['config', 'commit.gpgsign', 'false']);
    fixture.git(['config', 'user.name', fixtureAuthor.name]);
    fixture.git(['config', 'user.email', fixtureAuthor.email]);
    return fixture;
  }

  /** Runs git in the repository (or `cwd`) with the fixture's identity and clock; returns trimmed stdout. */
  git(args: readonly string[], cwd: string = this.root, author: { name: string; email: string } = fixtureAuthor): string {
    const result = this.run(args, cwd, author);
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
    return result.stdout.trim();
  }

  private run(args: readonly string[], cwd: string, author: { name: string; email: string }) {
    const date = new Date(Date.UTC(2026, 0, 1, 9) + this.commits * 3_600_000).toISOString().replace('.000Z', 'Z');
    return spawnSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        LC_ALL: 'C',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
        GIT_COMMITTER_DATE: date,
      },
    });
  }

  /** Writes a file in the working tree without committing it. */
  write(file: string, content: string | Uint8Array): void {
    const target = path.join(this.root, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }

  /** Commits the given renames and file changes and returns the new commit's full SHA. */
  commit(message: string, options: CommitOptions = {}): string {
    for (const [from, to] of Object.entries(options.renames ?? {})) {
      fs.mkdirSync(path.dirname(path.join(this.root, to)), { recursive: true });
      this.git(['mv', '--', from, to]);
    }
    for (const [file, content] of Object.entries(options.files ?? {})) {
      if (content === null) {
        this.git(['rm', '--quiet', '--', file]);
      } else {
        this.write(file, content);
        this.git(['add', '--', file]);
      }
    }
    this.git(['commit', '--quiet', '--allow-empty', '-m', message], this.root, options.author ?? fixtureAuthor);
    this.commits += 1;
    return this.git(['rev-parse', 'HEAD']);
  }

  /** Merges `branch` into the current branch; a conflict is resolved with `resolution` for the conflicting files. */
  merge(branch: string, message: string, resolution: Readonly<Record<string, string>> = {}): string {
    const merged = this.run(['merge', '--quiet', '--no-ff', '--no-edit', '-m', message, branch], this.root, fixtureAuthor);
    if (merged.status !== 0) {
      for (const [file, content] of Object.entries(resolution)) {
        this.write(file, content);
        this.git(['add', '--', file]);
      }
      this.git(['commit', '--quiet', '--no-edit']);
    }
    this.commits += 1;
    return this.git(['rev-parse', 'HEAD']);
  }

  /** A shallow clone with the newest `depth` commits (`git clone --depth`), removed with this fixture. */
  shallowClone(depth: number): string {
    const target = path.join(this.temp, `shallow-${this.extraFolders.length}`);
    this.git(['clone', '--quiet', '--depth', String(depth), `file://${this.root}`, target], this.temp);
    this.extraFolders.push(target);
    return target;
  }

  /** A linked worktree on a new branch (`git worktree add`), removed with this fixture. */
  addWorktree(branch: string, folderName = `worktree-${this.extraFolders.length}`): string {
    const target = path.join(this.temp, folderName);
    this.git(['worktree', 'add', '--quiet', '-b', branch, target]);
    this.extraFolders.push(target);
    return target;
  }

  /** A folder beside the repository that is not inside any repository. */
  plainFolder(): string {
    const target = path.join(this.temp, `plain-${this.extraFolders.length}`);
    fs.mkdirSync(target);
    this.extraFolders.push(target);
    return target;
  }

  dispose(): void {
    fs.rmSync(this.temp, { recursive: true, force: true });
  }
}
