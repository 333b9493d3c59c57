import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { promptIdOf } from '../../core/document/promptId';
import { formatOfFile, registryVersionFormat, renderedFormatsText } from '../../core/formats/promptFileKind';
import type { PromptFormat } from '../../core/formats/promptFormat';
import type { PromptRegistry, RegistryPromptVersion, RegistryVersionSelector } from '../../core/registry/promptRegistry';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { writeFileAtomically } from '../atomicWrite';
import { relativeInside } from '../pathInside';
import { workingCopyDiffersFromHead } from '../git/workingCopyStatus';
import { registryVersionText } from './registryVersionText';
import type { RegistryWorkspace } from './registryWorkspace';
import { statIfPresent } from '../presentStats';

export interface PullRequest {
  readonly name: string;
  readonly selector: RegistryVersionSelector;
  /** Where to write, absolute; default `NAME` with the pushed file's extension (`.prompt` when unknown) under the workspace root. */
  readonly out?: string | undefined;
  /** The version, when the caller has already read it (to name the target in a confirmation). */
  readonly version?: RegistryPromptVersion | undefined;
}

export interface PullOutcome {
  readonly file: string;
  /** The path shown to the user: relative to the workspace root. */
  readonly displayPath: string;
  readonly version: RegistryPromptVersion;
  /** True when the file is the very file the version was pushed from. */
  readonly exact: boolean;
}

/** The nearest existing folder of a path, resolved through symlinks, joined with the rest. */
function resolvedThroughLinks(file: string): string {
  let existing = path.dirname(file);
  const rest: string[] = [path.basename(file)];
  while (!fs.existsSync(existing)) {
    rest.unshift(path.basename(existing));
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  return path.join(fs.realpathSync.native(existing), ...rest);
}

/** Where pull writes a version by default: `NAME` plus the extension of the file it was pushed from (`.prompt` when unknown), under the workspace root. */
export function defaultPullTarget(root: string, name: string, version: RegistryPromptVersion): string {
  return path.join(root, ...`${name}${registryVersionFormat(version.config).extension}`.split('/'));
}

/** Refuses a pull target outside the workspace, of no prompt format, not a file, or with uncommitted changes; returns its display path and format. */
export async function checkPullTarget(workspace: RegistryWorkspace, target: string): Promise<{ readonly displayPath: string; readonly format: PromptFormat }> {
  const root = fs.realpathSync.native(workspace.root);
  const relative = relativeInside(root, resolvedThroughLinks(target));
  if (relative === undefined) {
    throw new ReleaseRefusal(`${escapeControlCharacters(target)} is outside the workspace (${root}); pull writes only inside it.`);
  }
  const displayPath = relative.split(path.sep).join('/');
  const format = formatOfFile(displayPath);
  if (!format) throw new ReleaseRefusal(`${escapeControlCharacters(displayPath)} is not a prompt file; pull writes ${renderedFormatsText()} files.`);
  const existing = statIfPresent(target);
  if (existing && !existing.isFile()) throw new ReleaseRefusal(`${escapeControlCharacters(displayPath)} exists and is not a file.`);
  if (existing) {
    const uncommitted = workspace.repository ? await workingCopyDiffersFromHead(workspace.repository, displayPath) : true;
    if (uncommitted) throw new ReleaseRefusal(`${escapeControlCharacters(displayPath)} has uncommitted changes (or is not committed); commit or stash them first, or pull with --out to another file.`);
  }
  return { displayPath, format };
}

/**
 * Writes a registry version as a prompt file in the workspace (DESIGN §5 `pull`), in the format of
 * the target's extension (by default that of the file the version was pushed from). A given target
 * is refused before anything is read: outside the workspace, not a prompt file, or with
 * uncommitted changes; nothing is written when the version cannot be written in that format.
 */
export async function pullPrompt(workspace: RegistryWorkspace, registry: PromptRegistry, request: PullRequest): Promise<PullOutcome> {
  const given = request.out === undefined ? undefined : await checkPullTarget(workspace, request.out);
  const version = request.version ?? (await registry.getVersion(request.name, request.selector));
  const target = request.out ?? defaultPullTarget(workspace.root, request.name, version);
  const { displayPath, format } = given ?? (await checkPullTarget(workspace, target));
  const needsName = promptIdOf(displayPath) !== request.name;
  const { text, exact } = await registryVersionText(version, workspace.repository, { name: needsName ? request.name : undefined, format });
  // The folders a prompt name implies are created: pull has already refused anything outside the workspace.
  writeFileAtomically(target, text, { createParentFolders: true, displayName: displayPath });
  return { file: target, displayPath, version, exact };
}
