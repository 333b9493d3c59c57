import { defaultFlagHistory, flagdFlagSet, flagdFlagSetText, labelsToPublish, type FlagdFlagSetJson } from '../../core/releases/flagdFlags';
import type { ParsedReleaseManifest } from '../../core/releases/manifestParser';
import type { GitCallOptions } from '../git/gitRepository';
import { writeFileAtomically } from '../atomicWrite';
import { FileSystemRefusal } from '../fileSystemRefusal';
import type { OutputFile } from '../outputFile';
import { bundleOfReleases } from './bundleExport';
import { readLabelReleases } from './labelReleasesReader';
import { readManifestFile } from './manifestFile';
import { refuseManifestFailingGate } from './manifestGate';
import { withFileLock, type ManifestLockOptions } from './manifestLock';
import type { ReleasePublisher } from './releaseActions';
import type { ReleaseWorkspace } from './releaseWorkspace';

/** Which releases to publish as flags: the labels (default: every label of the manifest) and how many rollback targets each carries. */
export interface FlagSelection {
  readonly labels?: readonly string[] | undefined;
  /** Rollback targets per label (default 5). */
  readonly history?: number | undefined;
}

/** Flag definitions built from the manifest, with the rollback targets they had to leave out. */
export interface FlagdExport {
  readonly flags: FlagdFlagSetJson;
  readonly labels: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * The flagd flag definitions of the manifest's releases (DESIGN §10). The manifest must pass the
 * release gate, as for `export`: flags go live, so nothing the gate faults is published.
 */
export async function exportFlagdFlags(workspace: ReleaseWorkspace, selection: FlagSelection = {}, options: GitCallOptions = {}): Promise<FlagdExport> {
  const { parsed } = readManifestFile(workspace.manifestFile);
  await refuseManifestFailingGate(workspace, parsed, options);
  return (await releasesToPublish(workspace, parsed, selection, options)).export;
}

/** What `publish` writes: the flag file, and optionally the bundle that carries every version its flags name. */
export interface PublishRequest extends FlagSelection, GitCallOptions {
  readonly flags: OutputFile;
  readonly bundle?: OutputFile | undefined;
}

/**
 * Publishes the manifest's releases: the bundle first (when asked), then the flag file, each through
 * a temporary file renamed into place, so a service never reads half a file and a flag never names
 * a version the new bundle lacks. The caller holds the manifest lock (a label move publishing what it
 * just wrote) or calls `publishReleasesLocked`.
 */
export async function publishReleases(workspace: ReleaseWorkspace, request: PublishRequest): Promise<FlagdExport> {
  const { parsed } = readManifestFile(workspace.manifestFile);
  await refuseManifestFailingGate(workspace, parsed, request);
  const { export: published, releases } = await releasesToPublish(workspace, parsed, request, request);
  if (request.bundle) {
    const bundle = await bundleOfReleases(workspace, published.labels, releases, request);
    writeOutput(request.bundle, `${JSON.stringify(bundle, null, 2)}\n`);
  }
  writeOutput(request.flags, flagdFlagSetText(published.flags));
  return published;
}

/** Writes one output; a failure the file system reports (permissions, a full disk) becomes one sentence. */
function writeOutput(output: OutputFile, text: string): void {
  try {
    writeFileAtomically(output.file, text, output.options);
  } catch (error) {
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    if (code === undefined) throw error;
    throw new FileSystemRefusal(`${output.options.displayName} could not be written (${writeFailures[code] ?? code}), so it still holds what was there before.`);
  }
}

const writeFailures: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'its folder is gone or refuses new files',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  EDQUOT: 'the disk quota is used up',
};

/** `publishReleases` under the manifest's lock, so that no label move lands between reading the manifest and writing its flags. */
export function publishReleasesLocked(workspace: ReleaseWorkspace, request: PublishRequest, lock?: ManifestLockOptions): Promise<FlagdExport> {
  return withFileLock(workspace.manifestFile, () => publishReleases(workspace, request), lock);
}

async function releasesToPublish(workspace: ReleaseWorkspace, parsed: ParsedReleaseManifest, selection: FlagSelection, options: GitCallOptions) {
  const labels = labelsToPublish(parsed.manifest, selection.labels, workspace.releasesFile);
  const read = await readLabelReleases(workspace, parsed.manifest, labels, selection.history ?? defaultFlagHistory, options);
  return { export: { flags: flagdFlagSet(read.releases), labels, warnings: read.warnings }, releases: read.releases };
}

/**
 * The publisher a label move runs under the manifest lock right after writing: `publishReleases` of
 * every label to `flags`. Checked now, before anything moves: the output can be written (see
 * `checkOutputFile`) and the manifest passes the release gate, whose errors would stop the publish.
 */
export async function flagPublisher(workspace: ReleaseWorkspace, flags: OutputFile, options: GitCallOptions = {}): Promise<ReleasePublisher> {
  await refuseManifestFailingGate(workspace, readManifestFile(workspace.manifestFile).parsed, options);
  return { to: flags.options.displayName, publish: async () => void (await publishReleases(workspace, { ...options, flags })) };
}
