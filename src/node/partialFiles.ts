import * as fs from 'node:fs';
import * as path from 'node:path';
import { isPlausiblePartialName, partialCandidates } from '../core/partialPaths';
import { readTextFile } from './textFiles';

export interface PartialFile {
  readonly path: string;
  readonly text: string;
}

function toSlashes(file: string): string {
  return file.split(path.sep).join('/');
}

/** Finds the file of partial `name` for the prompt at `promptPath`, searching up to `root` (DESIGN §1). */
export function findPartialFile(promptPath: string, name: string, root: string): PartialFile | undefined {
  if (!isPlausiblePartialName(name)) return undefined;
  for (const candidate of partialCandidates(toSlashes(path.resolve(promptPath)), name, toSlashes(path.resolve(root)))) {
    const file = path.normalize(candidate);
    if (!fs.existsSync(file)) continue;
    const read = readTextFile(file);
    if (read.ok) return { path: file, text: read.text };
  }
  return undefined;
}
