import * as fs from 'node:fs';

export type TextFileRead =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a file as UTF-8 text, keeping a BOM and CRLF as they are so ranges match the editor.
 * A binary file, invalid UTF-8 or an unreadable file comes back as one sentence, never an exception.
 */
export function readTextFile(file: string): TextFileRead {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, problem: `${file} does not exist.` };
    if (code === 'EISDIR') return { ok: false, problem: `${file} is a folder, not a file.` };
    return { ok: false, problem: `${file} cannot be read (${code ?? 'unknown error'}).` };
  }
  return decodeText(file, bytes);
}

/** Decodes bytes read from `file` as UTF-8 text, or says in one sentence why they are not text. */
export function decodeText(file: string, bytes: Uint8Array): TextFileRead {
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, problem: `${file} is a binary file, not a text prompt.` };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, problem: `${file} is not valid UTF-8 text.` };
  }
}

/** A file's modification time in milliseconds, or -1 when it cannot be read; for cache keys. */
export function fileModifiedTime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}
