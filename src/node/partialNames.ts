import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatOfFile } from '../core/formats/promptFileKind';

function toSlashes(file: string): string {
  return file.split(path.sep).join('/');
}

/**
 * Names of the partials a prompt can include: `_name.prompt` files beside it and in the
 * `partials/` folders up to `root` (DESIGN §1), nearest first, each name once.
 */
export function listPartialNames(promptPath: string, root: string): string[] {
  // The candidate files of any name lie in exactly the folders the format searches, named as the candidate for 'x' is.
  const candidates = formatOfFile(promptPath)?.includeCandidates(toSlashes(path.resolve(promptPath)), 'x', toSlashes(path.resolve(root))) ?? [];
  const [prefix, suffix] = path.basename(candidates[0] ?? '').split('x');
  if (prefix === undefined || suffix === undefined) return [];
  const folders = [...new Set(candidates.map((file) => path.dirname(path.normalize(file))))];
  const names = new Set<string>();
  for (const folder of folders) {
    let entries: string[];
    try {
      entries = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const entry of entries.sort()) {
      if (entry.length > prefix.length + suffix.length && entry.startsWith(prefix) && entry.endsWith(suffix)) names.add(entry.slice(prefix.length, entry.length - suffix.length));
    }
  }
  return [...names];
}
