import { unexplainedReleases } from '../../core/releases/auditLogReplay';
import { manifestCommits, type AbbreviateCommit } from '../../core/releases/commitAbbreviation';
import { flagKeyCollisions } from '../../core/releases/flagdFlags';
import type { ManifestProblem, ParsedReleaseManifest } from '../../core/releases/manifestParser';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import type { Range } from '../../core/document/textDocument';
import { commitAbbreviator } from '../git/commitAbbreviations';
import type { GitCallOptions } from '../git/gitRepository';
import { describeManifestProblem } from './manifestFile';
import { checkManifestTargets, type ManifestTargetProblem } from './manifestTargetCheck';
import type { ReleaseWorkspace } from './releaseWorkspace';

/** A problem of the release manifest, from its text, the audit log or the repository, with where it is written. */
export interface ManifestGateProblem {
  readonly code: ManifestProblem['code'] | ManifestTargetProblem['code'];
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly range: Range;
}

const startOfFile: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Everything that makes a release manifest unfit to ship, in file order: what the parser finds (syntax,
 * a second document, duplicate keys, numbers written as strings, bad labels, commits, hashes, weights,
 * events), labels and canaries the audit log does not explain (hand edits), labels whose flagd flag
 * keys would collide, and targets the
 * repository contradicts (a commit this clone lacks, a path missing at its commit, a SHA-256 that
 * does not match). `status` fails on its errors, `export` refuses them, and the editor marks them in
 * the manifest: one list, so CI passes exactly what export ships. Commits are abbreviated as git does
 * (`short`, learnt here when the caller has not), and one the clone lacks is named in full.
 */
export async function manifestGateProblems(workspace: ReleaseWorkspace, parsed: ParsedReleaseManifest, options: GitCallOptions = {}, short?: AbbreviateCommit): Promise<ManifestGateProblem[]> {
  const problems: ManifestGateProblem[] = [...parsed.problems];
  if (!parsed.fatal) {
    const abbreviate = short ?? (await commitAbbreviator(workspace.repository, manifestCommits(parsed.manifest), options));
    problems.push(...unexplainedReleases(parsed.manifest, abbreviate), ...flagKeyCollisions(parsed.manifest));
    for (const problem of await checkManifestTargets(workspace, parsed.manifest, abbreviate, options)) problems.push({ ...problem, range: problem.range ?? startOfFile });
  }
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Refuses (ReleaseRefusal) a manifest with gate errors, naming the first as `file:line:col` and counting the rest. */
export async function refuseManifestFailingGate(workspace: ReleaseWorkspace, parsed: ParsedReleaseManifest, options: GitCallOptions = {}): Promise<void> {
  const errors = (await manifestGateProblems(workspace, parsed, options)).filter((problem) => problem.severity === 'error');
  const [first] = errors;
  if (!first) return;
  const more = errors.length > 1 ? ` (${errors.length - 1} more ${errors.length === 2 ? 'problem' : 'problems'}; promptops status lists them all)` : '';
  throw new ReleaseRefusal(`${describeManifestProblem(workspace.releasesFile, first).replace(/\.$/, '')}${more}.`);
}
