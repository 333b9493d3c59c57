/** What went wrong when running git, so callers can react without reading stderr. */
export type GitErrorKind =
  | 'gitMissing'
  | 'folderMissing'
  | 'notARepository'
  | 'noCommits'
  | 'unknownRevision'
  | 'pathNotInRevision'
  | 'cancelled'
  | 'failed';

/** A failed git call: a kind to branch on and a one-sentence message fit for a user. */
export class GitError extends Error {
  constructor(
    readonly kind: GitErrorKind,
    message: string,
    readonly stderr: string = '',
  ) {
    super(message);
    this.name = 'GitError';
  }
}

/** The one sentence a user sees when git cannot be started. */
export function gitMissingError(gitPath: string): GitError {
  const where = /[\\/]/.test(gitPath) ? `Git was not found at ${gitPath}` : `Git is not installed or "${gitPath}" is not on the PATH`;
  return new GitError('gitMissing', `${where}; install Git to see prompt versions.`);
}

const revisionPatterns: readonly RegExp[] = [
  /ambiguous argument '(.*)': unknown revision/,
  /invalid object name '(.*)'/,
  /bad revision '(.*)'/,
  /bad object (\S+)/,
  /Not a valid object name (\S+)/,
];

/** Maps the stderr of a git call that exited with `exitCode` to a typed error (messages assume LC_ALL=C). */
export function gitErrorFromStderr(stderr: string, exitCode: number | null, cwd: string): GitError {
  const text = stderr.trim();
  if (/not a git repository/i.test(text)) return new GitError('notARepository', `${cwd} is not inside a Git repository.`, stderr);
  const noCommits = /your current branch '([^']*)' does not have any commits yet/.exec(text);
  if (noCommits) return new GitError('noCommits', `The branch "${noCommits[1] ?? ''}" has no commits yet.`, stderr);
  const pathMissing = /path '(.*)' (?:does not exist|exists on disk, but not) in '(.*)'/.exec(text);
  if (pathMissing) return new GitError('pathNotInRevision', `${pathMissing[1] ?? ''} does not exist in ${pathMissing[2] ?? ''}.`, stderr);
  const badRevision = revisionPatterns.map((pattern) => pattern.exec(text)).find((match) => match !== null);
  if (badRevision) return new GitError('unknownRevision', `"${badRevision[1] ?? ''}" is not a commit, branch or tag in this repository.`, stderr);
  if (/Needed a single revision|expected commit type/.test(text)) return new GitError('unknownRevision', 'That revision is not a commit in this repository.', stderr);
  if (/detected dubious ownership/.test(text)) {
    return new GitError('failed', `Git refuses to read ${cwd} because another user owns it; add it to safe.directory to trust it.`, stderr);
  }
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? `git exited with code ${String(exitCode)}`;
  return new GitError('failed', `Git failed: ${firstLine.replace(/^(fatal|error): /, '').replace(/\.?$/, '.')}`, stderr);
}
