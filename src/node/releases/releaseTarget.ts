import { createHash } from 'node:crypto';
import { parsePromptDocument } from '../../core/formats/promptFileKind';
import { formatOfFile } from '../../core/formats/promptFileKind';
import { findBreakingChanges, type BreakingChange } from '../../core/releases/breakingChanges';
import type { ReleaseTarget } from '../../core/releases/releaseManifest';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { parseVersionSpec, type VersionSpec } from '../../core/versions/versionSpec';
import { fileHistory } from '../git/fileHistory';
import { GitError } from '../git/gitError';
import { readBlob, readFileAtCommit } from '../git/gitObjects';
import { runGit } from '../git/gitProcess';
import { invocationIn, type GitCallOptions } from '../git/gitRepository';
import { currentGitUser } from '../git/gitUser';
import { workingCopyDiffersFromHead } from '../git/workingCopyStatus';
import type { PromptFileInRepository } from '../promptFileInRepository';
import { resolveVersion } from '../promptVersionResolver';
import { decodeText } from '../textFiles';

/**
 * Resolves the VERSION a label should serve to a committed version of the prompt: refuses
 * `WORKING`, `HEAD` or `latest` while the file has uncommitted changes (the user means what they
 * see, which is not committed), and a commit that does not change the prompt. The path is the
 * file's path in that commit, following renames.
 */
export async function resolveReleaseTarget(file: PromptFileInRepository, versionText: string, options: GitCallOptions = {}): Promise<ReleaseTarget> {
  const spec = parseVersionSpec(versionText);
  if (spec.kind === 'working') {
    throw new ReleaseRefusal(`WORKING is the uncommitted working tree and labels point at commits only: commit ${file.path} first, then name that commit.`);
  }
  const resolved = await resolveVersion(file, spec, options);
  if (resolved.kind !== 'commit') throw new ReleaseRefusal(`${versionText} is not a committed version of ${file.path}.`);
  if (resolved.label === undefined && (await isHeadImplied(file, spec, options)) && (await workingCopyDiffersFromHead(file.repository, file.path, options))) {
    throw new ReleaseRefusal(`${file.path} has uncommitted changes, so ${versionText} is not what the working tree shows; commit them first, or name the commit you mean.`);
  }
  const version = await versionOfPrompt(file, resolved.commit, options);
  if (!version) {
    throw new ReleaseRefusal(`Commit ${resolved.short} does not change ${file.path}; name one of the commits "promptops versions ${file.path}" lists.`);
  }
  return version;
}

/** The prompt as it is in `commit` when that commit is one of its versions (a commit that changed it), else undefined. */
export async function versionOfPrompt(file: PromptFileInRepository, commit: string, options: GitCallOptions = {}): Promise<ReleaseTarget | undefined> {
  for await (const version of fileHistory(file.repository, file.path, options)) {
    if (version.id === commit) return { commit, path: version.path, sha256: version.sha256 };
  }
  return undefined;
}

/** Where the prompt is in `commit` and the SHA-256 of its bytes there, for a rollback to a version the audit log names. */
export async function locatePromptAt(file: PromptFileInRepository, commit: string, options: GitCallOptions = {}): Promise<ReleaseTarget> {
  const resolved = await resolveVersion(file, { kind: 'named', name: commit }, options);
  if (resolved.kind !== 'commit') throw new ReleaseRefusal(`${commit} is not a commit.`);
  const bytes = await readBlob(file.repository, resolved.blob, options);
  return { commit: resolved.commit, path: resolved.path, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Resolves a VERSION given to `rollback --to` to a full commit SHA (a label name, a commit-ish or latest). */
export async function resolveRollbackCommit(file: PromptFileInRepository, versionText: string, options: GitCallOptions = {}): Promise<string> {
  const spec = parseVersionSpec(versionText);
  if (spec.kind === 'working') throw new ReleaseRefusal('A rollback returns a label to a version it served before, and WORKING is not committed.');
  const resolved = await resolveVersion(file, spec, options);
  if (resolved.kind !== 'commit') throw new ReleaseRefusal(`${versionText} is not a committed version of ${file.path}.`);
  return resolved.commit;
}

/** The input changes between what a label serves and the version about to replace it that can break callers; none for Prompty or unreadable versions. */
export async function breakingChangesBetween(file: PromptFileInRepository, from: ReleaseTarget, to: ReleaseTarget, options: GitCallOptions = {}): Promise<BreakingChange[]> {
  if (from.commit === to.commit || formatOfFile(from.path) === undefined || formatOfFile(to.path) === undefined) return [];
  const [before, after] = await Promise.all([sourceAt(file, from, options), sourceAt(file, to, options)]);
  if (before === undefined || after === undefined) return [];
  return findBreakingChanges(parsePromptDocument(before, { path: from.path }), parsePromptDocument(after, { path: to.path }));
}

async function sourceAt(file: PromptFileInRepository, target: ReleaseTarget, options: GitCallOptions): Promise<string | undefined> {
  try {
    const text = decodeText(target.path, await readFileAtCommit(file.repository, target.commit, target.path, options));
    return text.ok ? text.text : undefined;
  } catch (error) {
    // A version this clone lacks cannot be compared; the move itself does not need its content.
    if (error instanceof GitError && (error.kind === 'unknownRevision' || error.kind === 'pathNotInRevision')) return undefined;
    throw error;
  }
}

/** Who moves a label, as audit events record it: `user.name <user.email>` from git config. */
export async function auditIdentity(file: PromptFileInRepository, options: GitCallOptions = {}): Promise<string> {
  const user = await currentGitUser(file.repository, options);
  const name = user.name?.trim();
  if (!name) throw new GitError('failed', 'Git has no user.name; set it (git config user.name "Your Name"), because every label move records who made it.');
  const email = user.email?.trim();
  return email ? `${name} <${email}>` : name;
}

/** `HEAD`, `@`, `latest` and the checked-out branch all name what the working tree started from. */
async function isHeadImplied(file: PromptFileInRepository, spec: VersionSpec, options: GitCallOptions): Promise<boolean> {
  if (spec.kind === 'latest') return true;
  if (spec.kind !== 'named') return false;
  if (spec.name === 'HEAD' || spec.name === '@') return true;
  const branch = await runGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], invocationIn(file.repository, options), { acceptExitCodes: [0, 1] });
  return branch.toString('utf8').trim() === spec.name;
}
