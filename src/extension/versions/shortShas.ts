import { abbreviateCommits, minimumAbbreviation } from '../../node/git/commitAbbreviations';
import type { GitRepository } from '../../node/git/gitRepository';

/**
 * How the editor shortens commits everywhere (views, pickers, confirmations, tab titles, messages):
 * git's own abbreviation, 7 characters or longer where 7 would be ambiguous, learnt once per listing
 * (a page of versions, the manifest's commits) in one git call, never per keystroke. A commit the
 * repository lacks stays whole, so nothing names a prefix of another object.
 */
export class ShortShas {
  private readonly known = new Map<string, string>();

  /** Learns the abbreviations of `commits` that are not known yet; when git cannot say, they stay at 7 characters. */
  async learn(repository: GitRepository, commits: Iterable<string>): Promise<void> {
    const unknown = [...commits].filter((commit) => !this.known.has(commit));
    if (unknown.length === 0) return;
    try {
      for (const [commit, short] of await abbreviateCommits(repository, unknown)) this.known.set(commit, short);
    } catch {
      // Git failing here fails the listing's own git call too, which says why.
    }
  }

  /** The abbreviation of a commit: git's once learnt, else its first 7 characters. */
  readonly of = (commit: string): string => this.known.get(commit) ?? commit.slice(0, minimumAbbreviation);

  /** Forgets everything: new commits can make a known abbreviation ambiguous. */
  clear(): void {
    this.known.clear();
  }
}
