import * as fs from 'node:fs';
import * as path from 'node:path';
import { partialCandidates } from '../core/formats/dotprompt/partialPaths';

function toSlashes(file: string): string {
  return file.split(path.sep).join('/');
}

/**
 * Names of the partials a prompt can include: `_name.prompt` files beside it and in the
 * `partials/` folders up to `root` (DESIGN §1), nearest first, each name once.
 */
export function listPartialNames(promptPath: string, root: string): string[] {
  // The candidate files of any name lie in exactly the folders dotprompt searches.
  const folders = [...new Set(partialCandidates(toSlashes(path.resolve(promptPath)), 'x', toSlashes(path.resolve(root))).map((file) => path.dirname(path.normalize(file))))];
  const names = new Set<string>();
  for (const folder of folders) {
    let entries: string[];
    try {
      entries = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const entry of entries.sort()) {
      const match = /^_(.+)\.prompt$/.exec(entry);
      if (match?.[1]) names.add(match[1]);
    }
  }
  return [...names];
}
