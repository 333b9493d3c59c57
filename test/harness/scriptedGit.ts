import { spawnSync } from 'node:child_process';

/** Who makes a scripted commit, and when: fixed identities and dates make the SHAs the same on every run. */
export interface ScriptedAuthor {
  readonly name: string;
  readonly email: string;
  readonly at: string;
}

/** Runs git for the harness's scripted repositories (demo, fixtures) and returns trimmed stdout; fails loudly. */
export function scriptedGit(cwd: string, args: readonly string[], author?: ScriptedAuthor): string {
  const identity = author
    ? {
        GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_AUTHOR_DATE: author.at,
        GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email, GIT_COMMITTER_DATE: author.at,
      }
    : {};
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', ...identity } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout.trim();
}
