import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileSystemRefusal } from './fileSystemRefusal';
import { lstatIfPresent, statIfPresent } from './presentStats';
import { nonRegularKind } from './textFiles';

/** How a write treats what it finds at the path, and seams for tests. */
export interface AtomicWriteOptions {
  /** Runs after the temporary file is written and flushed, before the rename; a test may crash the process here. */
  readonly beforeRename?: (temporaryFile: string) => void;
  /**
   * What a symbolic link at the path means: `write-through` (default) writes the file it points to and
   * keeps the link; `refuse` refuses it, for outputs that must never land somewhere else.
   */
  readonly links?: 'write-through' | 'refuse';
  /** Create missing parent folders (default: a missing folder is refused). */
  readonly createParentFolders?: boolean;
  /** How messages name the file (default: the path given). */
  readonly displayName?: string;
}

/** The temporary files `writeFileAtomically` writes beside `file`, so a lock holder can remove ones a crash left behind. */
export function isTemporaryFileOf(file: string, candidate: string): boolean {
  const prefix = `.${path.basename(file)}.`;
  const name = path.basename(candidate);
  return name.startsWith(prefix) && name.endsWith('.tmp');
}

/**
 * The file a write of `file` changes: `file` itself, or, when it is a symbolic link, the file the
 * link points to (the link stays a link). A link to nowhere is refused.
 */
export function writeTargetOf(file: string, displayName = file): string {
  if (!lstatIfPresent(file)?.isSymbolicLink()) return file;
  try {
    return fs.realpathSync.native(file);
  } catch {
    throw new FileSystemRefusal(`${displayName} is a symbolic link to a file that does not exist; point it at a file, or remove it.`);
  }
}

/**
 * Writes a file so that a crash leaves either the old content or the new, never half of it, and the
 * user's file system as it was: a symbolic link is written through to its target (or refused, see
 * `links`), a file with other hard links is rewritten in place (so every name still shows the same
 * file), and otherwise a temporary file beside it, with the original's mode, is flushed and renamed
 * into place. Folders, pipes, devices and sockets are refused in one sentence, as is a missing
 * folder unless `createParentFolders` is set.
 */
export function writeFileAtomically(file: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const { target, existing } = checkWritable(file, options);
  if (options.createParentFolders) fs.mkdirSync(path.dirname(target), { recursive: true });
  if (existing && existing.nlink > 1 && options.links !== 'refuse') {
    rewriteInPlace(target, content);
    return;
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const descriptor = fs.openSync(temporary, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    try {
      // The umask applies at creation; the original's mode is what the file had, so it is set exactly.
      if (existing) fs.fchmodSync(descriptor, existing.mode & 0o7777);
      fs.writeFileSync(descriptor, content);
      // Flushed before the rename: otherwise a power cut can leave the new name with no bytes.
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    options.beforeRename?.(temporary);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Rewrites a hard-linked file's bytes through its own inode, so its other names keep showing it; callers hold the file's lock. */
function rewriteInPlace(target: string, content: string | Uint8Array): void {
  const descriptor = fs.openSync(target, 'r+');
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    fs.writeSync(descriptor, bytes, 0, bytes.length, 0);
    fs.ftruncateSync(descriptor, bytes.length);
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}

/**
 * What `writeFileAtomically` would write to, checked without writing anything, so a command can
 * refuse a bad output path before it does any work; throws the same FileSystemRefusal the write would.
 */
export function checkWritable(file: string, options: Pick<AtomicWriteOptions, 'links' | 'createParentFolders' | 'displayName'> = {}): { target: string; existing: fs.Stats | undefined } {
  const name = options.displayName ?? file;
  const link = lstatIfPresent(file);
  if (link?.isSymbolicLink() && options.links === 'refuse') throw new FileSystemRefusal(`${name} is a symbolic link; it is written as a regular file only, never through a link.`);
  const target = writeTargetOf(file, name);
  const existing = statIfPresent(target);
  const kind = existing ? nonRegularKind(existing) : undefined;
  if (kind !== undefined) throw new FileSystemRefusal(`${name} is ${kind}, not a file, so nothing was written there.`);
  const blocking = blockingAncestor(path.dirname(target));
  if (blocking !== undefined) {
    const shown = path.join(path.dirname(name), path.relative(path.dirname(target), blocking));
    throw new FileSystemRefusal(`${shown} is not a folder, so ${name} cannot be written.`);
  }
  if (!statIfPresent(path.dirname(target)) && !options.createParentFolders) {
    throw new FileSystemRefusal(`The folder ${path.dirname(name)} does not exist; create it first, or pass --mkdir.`);
  }
  return { target, existing };
}

/** The nearest existing ancestor of `folder` (itself included) when it is not a folder: what keeps a file from being written under it. */
function blockingAncestor(folder: string): string | undefined {
  for (let at = folder; ; at = path.dirname(at)) {
    const stats = statIfPresent(at);
    if (stats) return stats.isDirectory() ? undefined : at;
    if (path.dirname(at) === at) return undefined;
  }
}
