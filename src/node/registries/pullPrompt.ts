import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { promptIdOf } from '../../core/document/promptId';
import { formatOfFile, pulledPromptFormat } from '../../core/formats/promptFileKind';
import type { PromptRegistry, RegistryPromptVersion, RegistryVersionSelector } from '../../core/registry/promptRegistry';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { writeFileAtomically } from '../atomicWrite';
import { workingCopyDiffersFromHead } from '../git/workingCopyStatus';
import { registryVersionText } from './registryVersionText';
import type { RegistryWorkspace } from './registryWorkspace';

export interface PullRequest {
  readonly name: string;
  readonly selector: RegistryVersionSelector;
  /** Where to write, absolute; default `<name>.prompt` under the workspace root. */
  readonly out?: string | undefined;
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

/**
 * Writes a registry version as a `.prompt` file in the workspace (DESIGN §5 `pull`): refused, before
 * anything is read or written, for a target outside the workspace or one with uncommitted changes.
 */
export async function pullPrompt(workspace: RegistryWorkspace, registry: PromptRegistry, request: PullRequest): Promise<PullOutcome> {
  const target = request.out ?? path.join(workspace.root, ...`${request.name}.prompt`.split('/'));
  const root = fs.realpathSync.native(workspace.root);
  const relative = path.relative(root, resolvedThroughLinks(target));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new ReleaseRefusal(`${escapeControlCharacters(target)} is outside the workspace (${root}); pull writes only inside it.`);
  }
  const displayPath = relative.split(path.sep).join('/');
  if (formatOfFile(displayPath) !== pulledPromptFormat) {
    throw new ReleaseRefusal(`${escapeControlCharacters(displayPath)} does not end in ${pulledPromptFormat.extension}; pull writes ${pulledPromptFormat.language} files.`);
  }
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) throw new ReleaseRefusal(`${escapeControlCharacters(displayPath)} exists and is not a file.`);
  if (existing) {
    const uncommitted = workspace.repository ? await workingCopyDiffersFromHead(workspace.repository, displayPath) : true;
    if (uncommitted) throw new ReleaseRefusal(`${escapeControlCharacters(displayPath)} has uncommitted changes (or is not committed); commit or stash them first, or pull with --out to another file.`);
  }
  const version = await registry.getVersion(request.name, request.selector);
  const needsName = promptIdOf(displayPath) !== request.name;
  const { text, exact } = await registryVersionText(version, workspace.repository, needsName ? request.name : undefined);
  // The folders a prompt name implies are created: pull has already refused anything outside the workspace.
  writeFileAtomically(target, text, { createParentFolders: true, displayName: displayPath });
  return { file: target, displayPath, version, exact };
}
