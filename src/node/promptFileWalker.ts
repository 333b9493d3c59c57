import * as fs from 'node:fs';
import * as path from 'node:path';
import { promptLanguageOf } from '../core/formats/promptFileKind';

/** Folders never searched for prompts: dependencies, VCS data, build output and snapshots. */
const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'out', 'dist', '__snapshots__']);

/**
 * Expands files and folders into the prompt files they hold, sorted and without duplicates.
 * A path that does not exist is returned in `missing` rather than thrown.
 */
export function findPromptFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const found = new Set<string>();
  const missing: string[] = [];
  const visit = (folder: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) visit(full);
      } else if (entry.isFile() && promptLanguageOf(entry.name)) {
        found.add(full);
      }
    }
  };
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      missing.push(given);
      continue;
    }
    if (stat.isDirectory()) visit(given);
    else found.add(given);
  }
  return { files: [...found].sort(), missing };
}
