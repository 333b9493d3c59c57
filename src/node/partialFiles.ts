import * as path from 'node:path';
import { formatOfFile } from '../core/formats/promptFileKind';
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
  const candidates = formatOfFile(promptPath)?.includeCandidates(toSlashes(path.resolve(promptPath)), name, toSlashes(path.resolve(root))) ?? [];
  for (const candidate of candidates) {
    const file = path.normalize(candidate);
    if (!files.exists(file)) continue;
    const read = files.read(file);
    if (read.ok) return { path: file, text: read.text };
  }
  return undefined;
}
