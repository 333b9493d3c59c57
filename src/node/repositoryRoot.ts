import * as fs from 'node:fs';
import * as path from 'node:path';

/** The nearest folder at or above `start` that holds `.git` (a folder, or a file in worktrees), if any. */
export function findRepositoryRoot(start: string): string | undefined {
  let folder = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
