import * as path from 'node:path';
import { promptIdDeclarationOf, type PromptIdDeclaration } from '../core/document/promptId';
import { findPromptFiles } from './promptFileWalker';
import { findRepositoryRoot } from './repositoryRoot';
import { readTextFile } from './textFiles';

/** Partials (`_name.prompt`) are pieces of prompts, never released on their own, so they have no id. */
export function isPartialFile(file: string): boolean {
  return path.basename(file).startsWith('_');
}

/**
 * Reads the prompt id of each file (partials and unreadable files have none), relative to the
 * repository that holds it (or `fallbackRoot` outside one), named as `displayPath` says.
 */
export function readPromptIdDeclarations(files: readonly { readonly file: string; readonly displayPath: string }[], fallbackRoot: string): PromptIdDeclaration[] {
  const declarations: PromptIdDeclaration[] = [];
  const roots = new Map<string, string>();
  for (const { file, displayPath } of files) {
    if (isPartialFile(file)) continue;
    const read = readTextFile(file);
    if (!read.ok) continue;
    const folder = path.dirname(file);
    let root = roots.get(folder);
    if (root === undefined) {
      root = findRepositoryRoot(folder) ?? fallbackRoot;
      roots.set(folder, root);
    }
    const repoPath = path.relative(root, file).split(path.sep).join('/');
    declarations.push(promptIdDeclarationOf(read.text, repoPath, displayPath));
  }
  return declarations;
}

/** The repository-relative paths of the prompt files in the working tree whose id is `promptId`. */
export function promptFilesWithId(root: string, promptId: string): string[] {
  const files = findPromptFiles([root]).files.map((file) => ({ file, displayPath: path.relative(root, file).split(path.sep).join('/') }));
  return readPromptIdDeclarations(files, root)
    .filter((declaration) => declaration.id === promptId)
    .map((declaration) => declaration.file);
}
