import * as fs from 'node:fs';
import * as path from 'node:path';

/** Seams for tests: what happens between writing the temporary file and renaming it into place. */
export interface AtomicWriteOptions {
  /** Runs after the temporary file is written and flushed, before the rename; a test may crash the process here. */
  readonly beforeRename?: (temporaryFile: string) => void;
}

/** The temporary files `writeFileAtomically` writes beside `file`, so a lock holder can remove ones a crash left behind. */
export function isTemporaryFileOf(file: string, candidate: string): boolean {
  const prefix = `.${path.basename(file)}.`;
  const name = path.basename(candidate);
  return name.startsWith(prefix) && name.endsWith('.tmp');
}

/**
 * Writes a file by writing a temporary file beside it, flushing it to disk and renaming it into
 * place, so a crash leaves either the old content or the new, never half of it.
 */
export function writeFileAtomically(file: string, content: string, options: AtomicWriteOptions = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const descriptor = fs.openSync(temporary, 'wx');
    try {
      fs.writeFileSync(descriptor, content);
      // Flushed before the rename: otherwise a power cut can leave the new name with no bytes.
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    options.beforeRename?.(temporary);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
