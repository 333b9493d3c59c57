import { runGit } from './gitProcess';
import { invocationIn, type GitCallOptions, type GitRepository } from './gitRepository';

const fullSha = /^[0-9a-f]{40}$/;

/** The shortest length git abbreviates a commit to here: 7, as git does in a small repository. */
export const minimumAbbreviation = 7;

/**
 * Git's own abbreviation of each commit: at least 7 characters, longer when 7 would be ambiguous
 * in this repository (`git log --abbrev=7`, `%h`), in one git call for the whole list. A commit the
 * repository does not have keeps its full value, so a message about it never names a prefix that
 * belongs to another object.
 */
export async function abbreviateCommits(repository: GitRepository, commits: Iterable<string>, options: GitCallOptions = {}): Promise<Map<string, string>> {
  const wanted = [...new Set([...commits].filter((commit) => fullSha.test(commit)))];
  const abbreviations = new Map(wanted.map((commit) => [commit, commit]));
  if (wanted.length === 0) return abbreviations;
  const stdout = await runGit(
    ['log', '--no-walk=unsorted', '--ignore-missing', `--abbrev=${minimumAbbreviation}`, '--no-show-signature', '--format=%H %h', '--stdin'],
    invocationIn(repository, options),
    { input: `${wanted.join('\n')}\n` },
  );
  for (const line of stdout.toString('utf8').split('\n')) {
    const [commit, short] = line.split(' ');
    if (commit !== undefined && short !== undefined && abbreviations.has(commit)) abbreviations.set(commit, short);
  }
  return abbreviations;
}
