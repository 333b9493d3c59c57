import { runGit } from './gitProcess';
import { invocationIn, type GitCallOptions, type GitRepository } from './gitRepository';

/** Who is making changes, as `git config user.name` and `user.email` say; either may be unset. */
export interface GitUser {
  readonly name: string | undefined;
  readonly email: string | undefined;
}

/** Reads the current user from git config (repository, global and system), for audit events. */
export async function currentGitUser(repository: GitRepository, options: GitCallOptions = {}): Promise<GitUser> {
  // Exit code 1 means "no such key", an answer rather than a failure.
  const stdout = await runGit(['config', '-z', '--get-regexp', '^user\\.(name|email)$'], invocationIn(repository, options), { acceptExitCodes: [0, 1] });
  const values = new Map<string, string>();
  for (const entry of stdout.toString('utf8').split('\0')) {
    const newline = entry.indexOf('\n');
    if (newline > 0) values.set(entry.slice(0, newline), entry.slice(newline + 1));
  }
  return { name: values.get('user.name'), email: values.get('user.email') };
}
