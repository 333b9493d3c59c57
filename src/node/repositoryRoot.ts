import * as path from 'node:path';
import { directFileAccess, type FileAccess } from './fileAccess';

/** The nearest folder at or above `start` that holds `.git` (a folder, or a file in worktrees), if any. */
export function findRepositoryRoot(start: string, files: Pick<FileAccess, 'exists'> = directFileAccess): string | undefined {
  let folder = path.resolve(start);
  for (;;) {
    if (files.exists(path.join(folder, '.git'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
