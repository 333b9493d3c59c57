import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a file by writing a temporary file beside it and renaming it into place, so a crash
 * leaves either the old content or the new, never half of it.
 */
export function writeFileAtomically(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temporary, content, { flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
