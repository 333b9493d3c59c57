// How the parse floors find their files: every file under a folder, depth first, with no filtering
// beyond what the caller does with each name, so both floors walk a corpus the same way.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Calls `onFile` with the path and name of every file under `folder`. */
export function walkFiles(folder: string, onFile: (file: string, name: string) => void): void {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) walkFiles(file, onFile);
    else onFile(file, entry.name);
  }
}
