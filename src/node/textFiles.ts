import * as fs from 'node:fs';
import { firstInvalidUtf8Position } from '../core/document/utf8Validity';
import type { Position } from '../core/document/textDocument';

export type TextFileRead =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      readonly problem: string;
      /** Where in the file the problem is, when it is at one place (the first byte that is not UTF-8). */
      readonly position?: Position;
    };

export type FileBytesRead = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly problem: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// Opening without blocking: a named pipe with no writer would otherwise hang the open itself.
const openFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Opens a regular file and reads it with `read`. Folders, named pipes, sockets and devices are
 * refused in one sentence before anything is read from them, so reading `/dev/zero` or a FIFO never hangs.
 */
function readOpenedRegularFile<T>(file: string, read: (descriptor: number) => T): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string } {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, openFlags);
  } catch (error) {
    return { ok: false, problem: openProblem(file, (error as NodeJS.ErrnoException).code) };
  }
  try {
    const kind = nonRegularKind(fs.fstatSync(descriptor));
    if (kind !== undefined) return { ok: false, problem: kind === 'a folder' ? `${file} is a folder, not a file.` : `${file} is ${kind}, not a regular file, so it is not read.` };
    return { ok: true, value: read(descriptor) };
  } catch (error) {
    return { ok: false, problem: openProblem(file, (error as NodeJS.ErrnoException).code) };
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Reads the bytes of a regular file; anything else is refused in one sentence (see readOpenedRegularFile). */
export function readRegularFile(file: string): FileBytesRead {
  const read = readOpenedRegularFile(file, (descriptor) => fs.readFileSync(descriptor));
  return read.ok ? { ok: true, bytes: read.value } : read;
}

/** What a file system entry is when it is not a regular file ("a folder", "a named pipe"…); undefined for a regular file. */
export function nonRegularKind(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function openProblem(file: string, code: string | undefined): string {
  if (code === 'ENOENT') return `${file} does not exist.`;
  if (code === 'EISDIR') return `${file} is a folder, not a file.`;
  if (code === 'EACCES' || code === 'EPERM') return `${file} cannot be read: permission denied.`;
  return `${file} cannot be read (${code ?? 'unknown error'}).`;
}

/**
 * Reads a regular file as UTF-8 text, keeping a BOM and CRLF as they are so ranges match the editor.
 * A binary file, invalid UTF-8, a folder, pipe or device, or an unreadable file comes back as one
 * sentence, never an exception.
 */
export function readTextFile(file: string): TextFileRead {
  // Most files are plain UTF-8 text: Node decodes them in one call, without the bytes in between
  // (`check` reads thousands). Node replaces bytes that are not UTF-8 with U+FFFD, so text holding
  // U+FFFD or NUL is read again as bytes, for decodeText to tell binary and invalid files apart.
  const fast = readOpenedRegularFile(file, (descriptor) => fs.readFileSync(descriptor, 'utf8'));
  if (!fast.ok) return fast;
  return plainTextOrDecoded(file, fast.value);
}

function plainTextOrDecoded(file: string, text: string): TextFileRead {
  if (!text.includes('\uFFFD') && !text.includes('\0')) return { ok: true, text };
  const read = readRegularFile(file);
  return read.ok ? decodeText(file, read.bytes) : read;
}

// Neither following a link nor waiting on a pipe: see readListedTextFile.
const listedFileFlags = openFlags | (fs.constants.O_NOFOLLOW ?? 0);

/**
 * Reads, as readTextFile does, a file that a folder listing has just shown to be a regular file:
 * open, read and close in one call into Node instead of four from JavaScript (`check` reads
 * thousands of files, and the four cost it more than a tenth of its reading). Should the name have
 * become a link or a pipe since the listing, it is opened without following the link and without
 * blocking, and anything unexpected is read the careful way, so this never hangs either.
 */
export function readListedTextFile(file: string): TextFileRead {
  let text: unknown;
  try {
    // Node takes open(2) flags as a number here too, though its types name only the string forms.
    text = Reflect.apply(fs.readFileSync, fs, [file, { encoding: 'utf8', flag: listedFileFlags }]);
  } catch {
    return readTextFile(file);
  }
  // Nothing read may also be a named pipe without a writer, which the careful way refuses.
  return typeof text === 'string' && text !== '' ? plainTextOrDecoded(file, text) : readTextFile(file);
}

/** Decodes bytes read from `file` as UTF-8 text, or says in one sentence why they are not text (and where, for invalid UTF-8). */
export function decodeText(file: string, bytes: Uint8Array): TextFileRead {
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, problem: `${file} is a binary file, not a text prompt.` };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const position = firstInvalidUtf8Position(bytes);
    if (position === undefined) return { ok: false, problem: `${file} is not valid UTF-8 text.` };
    return { ok: false, problem: `${file} is not valid UTF-8 text: the byte at line ${position.line + 1}, column ${position.character + 1} is not UTF-8.`, position };
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
