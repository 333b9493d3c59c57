import { createHash } from 'node:crypto';
import { formatOfFile, parsePromptDocument } from '../../core/formats/promptFileKind';
import type { PromptFormat } from '../../core/formats/promptFormat';
import type { AbbreviateCommit } from '../../core/releases/commitAbbreviation';
import type { ReleaseTarget } from '../../core/releases/releaseManifest';
import { defaultFlagHistory, type LabelReleases } from '../../core/releases/flagdFlags';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { bundleFormat, type BundledCanaryJson, type BundledPartialJson, type BundledPromptJson, type BundledVersionJson, type PromptBundleJson } from '../../runtime/promptBundle';
import { commitAbbreviator } from '../git/commitAbbreviations';
import { GitError } from '../git/gitError';
import { readFileAtCommit, resolveCommit } from '../git/gitObjects';
import type { GitCallOptions } from '../git/gitRepository';
import { decodeText } from '../textFiles';
import { readManifestFile } from './manifestFile';
import { readLabelReleases } from './labelReleasesReader';
import { refuseManifestFailingGate } from './manifestGate';
import type { ReleaseWorkspace } from './releaseWorkspace';

// Partials may include partials; deeper than this is a loop or a mistake.
const maxPartialDepth = 8;

export interface BundleExportOptions extends GitCallOptions {
  /** How many earlier versions of each label the bundle carries for rollbacks (default 5, as `--history`). */
  readonly history?: number | undefined;
}

/** A bundle, and the rollback targets it had to leave out, one sentence each. */
export interface BundleExport {
  readonly bundle: PromptBundleJson;
  readonly warnings: readonly string[];
}

/**
 * Builds the `promptops-bundle/1` bundle of the given labels (DESIGN §4, §10): for every prompt of
 * the manifest with one of them, the version's commit, path, sha256 and source text as git has it at
 * that commit, its canary arm, the partials it includes, and the label's recent rollback targets, so
 * that a rollback published as a flag needs no new bundle. A manifest the release gate faults (see
 * `manifestGateProblems`) is refused first; every source is checked against the sha256 the manifest
 * recorded; a mismatch, a missing partial or a label no prompt has is a ReleaseRefusal.
 */
export async function exportPromptBundle(workspace: ReleaseWorkspace, labels: readonly string[], options: BundleExportOptions = {}): Promise<BundleExport> {
  const { parsed } = readManifestFile(workspace.manifestFile);
  // What status fails on, export refuses: CI's gate and the shipped bundle agree.
  await refuseManifestFailingGate(workspace, parsed, options);
  const present = new Set([...parsed.manifest.prompts.values()].flatMap((releases) => [...releases.labels.keys()]));
  const missing = labels.filter((label) => !present.has(label));
  if (missing.length > 0) throw new ReleaseRefusal(`No prompt in ${workspace.releasesFile} has the label ${missing.join(' or ')}, so there is nothing to export for it.`);
  const read = await readLabelReleases(workspace, parsed.manifest, labels, options.history ?? defaultFlagHistory, options);
  return { bundle: await bundleOfReleases(workspace, labels, read.releases, options), warnings: read.warnings };
}

/** The bundle carrying every version the given label releases name, each source read at its commit and checked against its sha256. */
export async function bundleOfReleases(workspace: ReleaseWorkspace, labels: readonly string[], releases: readonly LabelReleases[], options: GitCallOptions = {}): Promise<PromptBundleJson> {
  const prompts = new Map<string, { labels: Record<string, BundledVersionJson>; canary: Record<string, BundledCanaryJson>; versions: Record<string, BundledVersionJson> }>();
  const short = await commitAbbreviator(workspace.repository, releases.flatMap((release) => [release.current.commit, ...(release.canary ? [release.canary.commit] : []), ...release.rollbackTargets.map((target) => target.commit)]), options);
  for (const { id, label, current, canary, rollbackTargets } of releases) {
    let entry = prompts.get(id);
    if (!entry) prompts.set(id, (entry = { labels: {}, canary: {}, versions: {} }));
    entry.labels[label] = await bundledVersion(workspace, id, label, current, short, options);
    if (canary) entry.canary[label] = { ...(await bundledVersion(workspace, id, `${label} canary`, canary, short, options)), weight: canary.weight };
    for (const target of rollbackTargets) {
      if (!Object.hasOwn(entry.versions, target.commit)) entry.versions[target.commit] = await bundledVersion(workspace, id, `${label} rollback target`, target, short, options);
    }
  }
  const bundled: Record<string, BundledPromptJson> = {};
  for (const [id, entry] of prompts) {
    const carried = new Set([...Object.values(entry.labels), ...Object.values(entry.canary)].map((version) => version.commit));
    // A rollback target another label (or the canary) already carries is not carried twice.
    const versions = Object.fromEntries(Object.entries(entry.versions).filter(([commit]) => !carried.has(commit)));
    bundled[id] = {
      labels: entry.labels,
      ...(Object.keys(entry.canary).length > 0 ? { canary: entry.canary } : {}),
      ...(Object.keys(versions).length > 0 ? { versions } : {}),
    };
  }
  return { format: bundleFormat, labels: [...labels], prompts: bundled };
}

async function bundledVersion(workspace: ReleaseWorkspace, id: string, what: string, target: ReleaseTarget, short: AbbreviateCommit, options: GitCallOptions): Promise<BundledVersionJson> {
  const bytes = await readAt(workspace, target.commit, target.path, `${id} ${what}`, options);
  const sha256 = sha256Of(bytes);
  if (sha256 !== target.sha256) {
    throw new ReleaseRefusal(
      `${id} ${what}: ${target.path} at ${short(target.commit)} has SHA-256 ${sha256.slice(0, 12)}…, but ${workspace.releasesFile} records ${target.sha256.slice(0, 12)}…, so it is not the version that was reviewed; nothing was exported.`,
    );
  }
  const source = textOf(bytes, `${target.path} at ${short(target.commit)}`);
  const partials: Record<string, BundledPartialJson> = {};
  const format = formatOfFile(target.path);
  if (format) {
    const document = parsePromptDocument(source, { path: target.path, format });
    await collectPartials(workspace, `${id} ${what}`, target, format, format.includes(document).map((use) => use.name), partials, 0, short, options);
  }
  return { commit: target.commit, path: target.path, sha256, source, partials };
}

/**
 * Adds the partials a version includes, as they are in its commit, and the partials those include;
 * a partial the commit does not have is refused, since the bundle could not render that version.
 */
async function collectPartials(
  workspace: ReleaseWorkspace,
  what: string,
  target: ReleaseTarget,
  format: PromptFormat,
  names: readonly string[],
  into: Record<string, BundledPartialJson>,
  depth: number,
  short: AbbreviateCommit,
  options: GitCallOptions,
): Promise<void> {
  if (depth >= maxPartialDepth) return;
  const root = workspace.repository.root;
  for (const name of names) {
    if (Object.hasOwn(into, name)) continue;
    let found = false;
    for (const candidate of format.includeCandidates(`${root}/${target.path}`, name, root)) {
      const repoPath = candidate.slice(root.length + 1);
      const bytes = await readIfPresent(workspace, target.commit, repoPath, options);
      if (bytes === undefined) continue;
      const partialSource = textOf(bytes, `${repoPath} at ${short(target.commit)}`);
      into[name] = { path: repoPath, sha256: sha256Of(bytes), source: partialSource };
      found = true;
      await collectPartials(workspace, what, target, format, format.includesOfIncluded(partialSource), into, depth + 1, short, options);
      break;
    }
    if (!found) {
      throw new ReleaseRefusal(`${what}: ${target.path} at ${short(target.commit)} includes the ${format.includeNoun} '${name}', which that commit does not have, so the bundle could not render it; nothing was exported.`);
    }
  }
}

async function readAt(workspace: ReleaseWorkspace, commit: string, repoPath: string, what: string, options: GitCallOptions): Promise<Buffer> {
  // Asked first: in a shallow clone git reports a missing commit as a missing path.
  await resolveCommit(workspace.repository, commit, options).catch((error: unknown) => {
    if (!(error instanceof GitError && error.kind === 'unknownRevision')) throw error;
    throw new GitError('unknownRevision', `${what} is commit ${commit}, which this clone does not have; fetch the full history (git fetch --unshallow) before exporting.`, error.stderr);
  });
  return readFileAtCommit(workspace.repository, commit, repoPath, options);
}

async function readIfPresent(workspace: ReleaseWorkspace, commit: string, repoPath: string, options: GitCallOptions): Promise<Buffer | undefined> {
  try {
    return await readFileAtCommit(workspace.repository, commit, repoPath, options);
  } catch (error) {
    if (error instanceof GitError && error.kind === 'pathNotInRevision') return undefined;
    throw error;
  }
}

function textOf(bytes: Buffer, what: string): string {
  const text = decodeText(what, bytes);
  if (!text.ok) throw new ReleaseRefusal(text.problem);
  return text.text;
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
