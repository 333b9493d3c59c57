import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePromptDocument } from '../../core/formats/promptFileKind';
import { promptIdOf, promptNameAndVariantOf } from '../../core/document/promptId';
import { promptLabelsIn } from '../../core/releases/promptLabels';
import type { PromptReleases } from '../../core/releases/releaseManifest';
import { openRepository, type GitCallOptions, type GitRepository } from '../git/gitRepository';
import type { PromptFileInRepository } from '../promptFileInRepository';
import { findPromptFiles } from '../promptFileWalker';
import { readManifestFile } from './manifestFile';
import { resolveReleasesFile } from './releasesFileLocation';

/** A repository with its release manifest: what status, log and export work on. */
export interface ReleaseWorkspace {
  readonly repository: GitRepository;
  /** The manifest relative to the repository root, as configured. */
  readonly releasesFile: string;
  /** The manifest's absolute path. */
  readonly manifestFile: string;
}

export interface ReleaseWorkspaceOptions extends GitCallOptions {
  readonly gitPath?: string | undefined;
  /** The manifest relative to the repository root, or absolute inside it (setting `promptops.releasesFile`); default `prompt-releases.yaml`. */
  readonly releasesFile?: string | undefined;
}

/** Finds the repository holding `folder` and its release manifest (which need not exist yet). */
export async function openReleaseWorkspace(folder: string, options: ReleaseWorkspaceOptions = {}): Promise<ReleaseWorkspace> {
  const repository = await openRepository(folder, { gitPath: options.gitPath, signal: options.signal });
  return { repository, ...resolveReleasesFile(repository.root, options.releasesFile) };
}

/** The workspace a prompt file belongs to. */
export function releaseWorkspaceOf(file: PromptFileInRepository): ReleaseWorkspace {
  return { repository: file.repository, releasesFile: file.releasesFile, manifestFile: file.manifestFile };
}

/**
 * Finds where prompt ids live in the working tree: first at the paths the manifest records for
 * them, then by reading every prompt file's id once (a prompt may have been renamed since).
 */
export class PromptFileIndex {
  private byId: Map<string, string> | undefined;

  constructor(private readonly workspace: ReleaseWorkspace) {}

  /** The repository-relative path of the prompt with this id in the working tree, or undefined when none has it. */
  pathOf(promptId: string, releases?: PromptReleases): string | undefined {
    const hints = [...(releases?.labels.values() ?? []), ...(releases?.canaries.values() ?? [])].map((target) => target.path);
    for (const hint of new Set([...hints, `${promptId}.prompt`, `${promptId}.prompty`])) {
      if (this.idAt(hint) === promptId) return hint;
    }
    return this.scan().get(promptId);
  }

  private idAt(repoPath: string): string | undefined {
    const file = path.join(this.workspace.repository.root, repoPath);
    let source: string;
    try {
      source = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    return promptIdOf(repoPath, promptNameAndVariantOf(parsePromptDocument(source, { path: repoPath })));
  }

  private scan(): Map<string, string> {
    if (!this.byId) {
      const root = this.workspace.repository.root;
      this.byId = new Map();
      for (const file of findPromptFiles([root]).files) {
        const repoPath = path.relative(root, file).split(path.sep).join('/');
        const id = this.idAt(repoPath);
        if (id !== undefined && !this.byId.has(id)) this.byId.set(id, repoPath);
      }
    }
    return this.byId;
  }
}

/**
 * Opens a prompt by its id, for the releases view and `log`: the file found in the working tree, or
 * where the manifest last saw it when it is gone, so a deleted prompt can still be rolled back.
 */
export function openPromptById(workspace: ReleaseWorkspace, promptId: string, index = new PromptFileIndex(workspace)): PromptFileInRepository | undefined {
  const parsed = readManifestFile(workspace.manifestFile).parsed;
  const releases = parsed.manifest.prompts.get(promptId);
  const found = index.pathOf(promptId, releases) ?? releases?.labels.values().next().value?.path;
  if (found === undefined) return undefined;
  return {
    repository: workspace.repository,
    path: found,
    workingFile: path.join(workspace.repository.root, found),
    promptId,
    labels: promptLabelsIn(parsed, promptId),
    releasesFile: workspace.releasesFile,
    manifestFile: workspace.manifestFile,
  };
}
