import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePromptDocument } from '../core/formats/promptFileKind';
import { promptIdOf, promptNameAndVariantOf } from '../core/document/promptId';
import { parseReleaseManifest } from '../core/releases/manifestParser';
import { promptLabelsIn, type PromptLabels } from '../core/releases/promptLabels';
import { GitError } from './git/gitError';
import { openRepository, type GitCallOptions, type GitRepository } from './git/gitRepository';
import { relativeInside } from './pathInside';
import { resolveReleasesFile } from './releases/releasesFileLocation';
import { readTextFile } from './textFiles';

/** A prompt file located in its Git repository, with its prompt id and the release labels of that id. */
export interface PromptFileInRepository {
  readonly repository: GitRepository;
  /** The repository-relative path, with `/` separators. */
  readonly path: string;
  /** The file in the working tree (it may not exist there any more). */
  readonly workingFile: string;
  readonly promptId: string;
  /** The labels of `promptId` in the release manifest as it was when the file was opened. */
  readonly labels: PromptLabels;
  /** The release manifest relative to the repository root, as configured (`prompt-releases.yaml`). */
  readonly releasesFile: string;
  /** The release manifest's absolute path. */
  readonly manifestFile: string;
}

export interface PromptFileOptions extends GitCallOptions {
  readonly gitPath?: string | undefined;
  /** The release manifest, relative to the repository root (setting `promptops.releasesFile`). */
  readonly releasesFile?: string | undefined;
}

/** Locates `file` (absolute) in the repository that holds it and reads its prompt id and release labels. */
export async function openPromptFile(file: string, options: PromptFileOptions = {}): Promise<PromptFileInRepository> {
  const folder = nearestExistingFolder(path.dirname(file));
  const repository = await openRepository(folder, { gitPath: options.gitPath, signal: options.signal });
  // git prints the root with symlinks resolved, so the file's folder is resolved the same way.
  const resolvedFile = path.join(fs.realpathSync.native(folder), path.relative(folder, file));
  const relative = relativeInside(fs.realpathSync.native(repository.root), resolvedFile);
  if (relative === undefined) {
    throw new GitError('notARepository', `${file} is not inside the repository at ${repository.root}.`);
  }
  const repoPath = relative.split(path.sep).join('/');
  const workingFile = path.join(repository.root, relative);
  const source = readIfPresent(workingFile);
  const promptId = promptIdOf(repoPath, source === undefined ? undefined : promptNameAndVariantOf(parsePromptDocument(source, { path: repoPath })));
  const { releasesFile, manifestFile } = resolveReleasesFile(repository.root, options.releasesFile);
  const labels = labelsFromManifest(manifestFile, promptId);
  return { repository, path: repoPath, workingFile, promptId, labels, releasesFile, manifestFile };
}

function nearestExistingFolder(folder: string): string {
  let current = folder;
  while (!fs.existsSync(current)) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

/** The labels of `promptId` in the manifest at `manifestFile`; a manifest that is not a readable text file gives its problem. */
function labelsFromManifest(manifestFile: string, promptId: string): PromptLabels {
  if (!fs.existsSync(manifestFile)) return promptLabelsIn(undefined, promptId);
  const read = readTextFile(manifestFile);
  if (!read.ok) return { ok: false, problem: read.problem.replace(manifestFile, path.basename(manifestFile)) };
  return promptLabelsIn(parseReleaseManifest(read.text), promptId);
}

/** A file's text; undefined when it is missing or not a readable regular text file (a pipe is never read). */
function readIfPresent(file: string): string | undefined {
  const read = readTextFile(file);
  return read.ok ? read.text : undefined;
}
