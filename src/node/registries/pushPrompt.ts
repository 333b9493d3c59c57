import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { formatOfFile, renderedFormatsText } from '../../core/formats/promptFileKind';
import { promptIdOf, promptNameAndVariantOf } from '../../core/document/promptId';
import type { PromptRegistry, RegistryPromptVersion, RegistryVersionSelector } from '../../core/registry/promptRegistry';
import { RegistryError } from '../../core/registry/registryError';
import { registryLabelProblem } from '../../core/registry/registryLabels';
import { provenanceCommitMessage, provenanceConfig, provenanceKey, provenanceOf, type RegistryProvenance } from '../../core/registry/registryProvenance';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { readFileHistoryPage } from '../git/fileHistory';
import { workingCopyDiffersFromHead } from '../git/workingCopyStatus';
import { relativeInside } from '../pathInside';
import { loadPromptFromDisk } from '../promptOnDisk';
import { prepareRegistryContent, refuseUnreleasable } from './registryContent';
import { appendRegistryJournal, journalTimestamp, registryIdentity, type RegistryWorkspace } from './registryWorkspace';
import { statIfPresent } from '../presentStats';

export interface PushRequest {
  /** The prompt file, absolute. */
  readonly file: string;
  readonly label?: string | undefined;
  readonly message?: string | undefined;
  readonly flatten?: boolean;
  readonly now?: () => Date;
}

/** What a push did: a new version, a label moved to an existing one, or nothing. */
export type PushOutcome =
  | { readonly kind: 'created'; readonly name: string; readonly version: RegistryPromptVersion; readonly from: number | undefined; readonly warnings: readonly string[] }
  | { readonly kind: 'labelled'; readonly name: string; readonly version: RegistryPromptVersion; readonly from: number | undefined; readonly warnings: readonly string[] }
  | { readonly kind: 'unchanged'; readonly name: string; readonly version: RegistryPromptVersion; readonly warnings: readonly string[] };

/** A version, or undefined when the registry has no such prompt, version or label. */
export async function versionIfAny(registry: PromptRegistry, name: string, selector: RegistryVersionSelector): Promise<RegistryPromptVersion | undefined> {
  try {
    return await registry.getVersion(name, selector);
  } catch (error) {
    if (error instanceof RegistryError && error.kind === 'notFound') return undefined;
    throw error;
  }
}

/** Where the file is, relative to the workspace root (with `/`), or undefined outside it. */
function workspacePathOf(workspace: RegistryWorkspace, file: string): string | undefined {
  const relative = relativeInside(fs.realpathSync.native(workspace.root), path.join(fs.realpathSync.native(path.dirname(file)), path.basename(file)));
  return relative?.split(path.sep).join('/');
}

/**
 * Pushes a prompt file as a new registry version named by its prompt id (DESIGN §8): checked first
 * (a failing prompt is refused), converted (chat per role section, else text), with model/config and
 * `config.promptops = {commit, sha256, path}`; when the newest version already has these bytes only
 * the label moves. A file with uncommitted changes or outside Git is pushed without a commit, with a warning.
 */
export async function pushPrompt(workspace: RegistryWorkspace, registry: PromptRegistry, request: PushRequest): Promise<PushOutcome> {
  if (formatOfFile(request.file) === undefined) throw new ReleaseRefusal(`${escapeControlCharacters(path.basename(request.file))} is not a prompt file; push sends ${renderedFormatsText()} files.`);
  if (!statIfPresent(request.file)?.isFile()) throw new ReleaseRefusal(`${escapeControlCharacters(request.file)} is not a file.`);
  if (request.label !== undefined) {
    const problem = registryLabelProblem(request.label);
    if (problem) throw new ReleaseRefusal(problem);
  }
  const repoPath = workspacePathOf(workspace, request.file);
  const displayPath = repoPath ?? path.basename(request.file);
  const loaded = loadPromptFromDisk(request.file, displayPath);
  if (!loaded.ok) throw new ReleaseRefusal(loaded.problem);
  const { prompt } = loaded;
  const name = promptIdOf(displayPath, promptNameAndVariantOf(prompt.document));
  await refuseUnreleasable(prompt.document, (partial) => prompt.partial(partial)?.text);

  const warnings: string[] = [];
  const bytes = fs.readFileSync(request.file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let commit: string | undefined;
  if (workspace.repository && repoPath !== undefined) {
    if (await workingCopyDiffersFromHead(workspace.repository, repoPath)) {
      warnings.push(`${displayPath} has uncommitted changes: it is pushed with its SHA-256 but no commit, so drift checks cannot place it in Git history.`);
    } else {
      commit = (await readFileHistoryPage(workspace.repository, repoPath, { limit: 1 })).versions[0]?.id;
    }
  } else {
    warnings.push(`${displayPath} is not in a Git repository: it is pushed with its SHA-256 but no commit.`);
  }
  const provenance: RegistryProvenance = { commit, sha256, path: displayPath };
  const prepared = await prepareRegistryContent(prompt.document.text.text, displayPath, {
    flatten: request.flatten === true,
    registryName: registry.displayName,
    partials: (partial) => prompt.partial(partial)?.text,
  });
  warnings.push(...prepared.warnings);

  const newest = await versionIfAny(registry, name, { label: 'latest' });
  const holder = request.label === undefined ? undefined : await versionIfAny(registry, name, { label: request.label });
  let outcome: PushOutcome;
  if (newest && provenanceOf(newest.config)?.sha256 === sha256) {
    if (request.label === undefined || newest.labels.includes(request.label)) return { kind: 'unchanged', name, version: newest, warnings };
    outcome = { kind: 'labelled', name, version: await registry.setLabels(name, newest.version, [request.label]), from: holder?.version, warnings };
  } else {
    const version = await registry.createVersion({
      name,
      content: prepared.content,
      config: { ...prepared.config, [provenanceKey]: provenanceConfig(provenance) },
      labels: request.label === undefined ? [] : [request.label],
      commitMessage: provenanceCommitMessage(request.message, provenance),
    });
    outcome = { kind: 'created', name, version, from: holder?.version, warnings };
  }
  if (request.label !== undefined && holder?.version !== outcome.version.version) {
    appendRegistryJournal(workspace, [
      { at: journalTimestamp(request.now?.()), by: await registryIdentity(workspace), action: 'push', registry: registry.location, prompt: name, label: request.label, from: holder?.version ?? null, to: outcome.version.version, note: request.message?.trim() ?? '' },
    ]);
  }
  return outcome;
}
