import type { AbbreviateCommit } from '../../core/releases/commitAbbreviation';
import { runGit } from './gitProcess';
import { invocationIn, type GitCallOptions, type GitRepository } from './gitRepository';

const fullSha = /^[0-9a-f]{40}$/;

/** The length git abbreviates a commit to in a small repository, used until git has been asked. */
export const minimumAbbreviation = 7;

/**
 * Git's own abbreviation of each commit, exactly as `git log --format=%h` prints it: 7 characters
 * (or the repository's `core.abbrev`), longer where that would be ambiguous, in one git call for the
 * whole list. A commit the repository does not have keeps its full value, so a message about it
 * never names a prefix that belongs to another object.
 */
export async function abbreviateCommits(repository: GitRepository, commits: Iterable<string>, options: GitCallOptions = {}): Promise<Map<string, string>> {
  const wanted = [...new Set([...commits].filter((commit) => fullSha.test(commit)))];
  const abbreviations = new Map(wanted.map((commit) => [commit, commit]));
  if (wanted.length === 0) return abbreviations;
  const stdout = await runGit(
    ['log', '--no-walk=unsorted', '--ignore-missing', '--no-show-signature', '--format=%H %h', '--stdin'],
    invocationIn(repository, options),
    { input: `${wanted.join('\n')}\n` },
  );
  for (const line of stdout.toString('utf8').split('\n')) {
    const [commit, short] = line.split(' ');
    if (commit !== undefined && short !== undefined && abbreviations.has(commit)) abbreviations.set(commit, short);
  }
  return abbreviations;
}

/**
 * Git's abbreviations of `commits` as the function the core's sentences take, learnt in one git call.
 * A commit not among them, or missing from the repository, is printed whole: never a prefix git was not asked about.
 */
export async function commitAbbreviator(repository: GitRepository, commits: Iterable<string>, options: GitCallOptions = {}): Promise<AbbreviateCommit> {
  const abbreviations = await abbreviateCommits(repository, commits, options);
  return (commit) => abbreviations.get(commit) ?? commit;
}
