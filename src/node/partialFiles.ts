import * as path from 'node:path';
import { isPlausiblePartialName, partialCandidates } from '../core/partialPaths';
import { directFileAccess, type FileAccess } from './fileAccess';

export interface PartialFile {
  readonly path: string;
  readonly text: string;
}

function toSlashes(file: string): string {
  return file.split(path.sep).join('/');
}

/** Finds the file of partial `name` for the prompt at `promptPath`, searching up to `root` (DESIGN §1). */
export function findPartialFile(promptPath: string, name: string, root: string, files: FileAccess = directFileAccess): PartialFile | undefined {
  if (!isPlausiblePartialName(name)) return undefined;
  for (const candidate of partialCandidates(toSlashes(path.resolve(promptPath)), name, toSlashes(path.resolve(root)))) {
    const file = path.normalize(candidate);
    if (!files.exists(file)) continue;
    const read = files.read(file);
    if (read.ok) return { path: file, text: read.text };
  }
  return undefined;
}
