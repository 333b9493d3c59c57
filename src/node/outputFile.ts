import * as path from 'node:path';
import { checkWritable, type AtomicWriteOptions } from './atomicWrite';
import { FileSystemRefusal } from './fileSystemRefusal';
import { statIfPresent } from './presentStats';

/** A file a command generates (a bundle, flag definitions), checked and ready for `writeFileAtomically`. */
export interface OutputFile {
  readonly file: string;
  readonly options: AtomicWriteOptions & { readonly displayName: string };
}

/**
 * Where a generated file goes: a regular file (new, or replaced through temp + rename), never a link,
 * a folder, a pipe or a device, nor the release manifest or another output of the same command; its
 * folder must exist unless `mkdir`. Checked before any work is done, so a bad path costs nothing and
 * writes nothing; throws FileSystemRefusal in one sentence.
 */
export function checkOutputFile(given: string, cwd: string, request: { readonly mkdir: boolean; readonly what: string; readonly manifestFile: string; readonly others?: readonly OutputFile[] }): OutputFile {
  const file = path.resolve(cwd, given);
  const options = { links: 'refuse', createParentFolders: request.mkdir, displayName: given } as const;
  checkWritable(file, options);
  if (isSameFile(file, request.manifestFile)) throw new FileSystemRefusal(`${given} is the release manifest; write ${request.what} to another file.`);
  const other = request.others?.find((output) => isSameFile(file, output.file));
  if (other) throw new FileSystemRefusal(`${given} and ${other.options.displayName} are the same file; give each output its own.`);
  return { file, options };
}

/** Whether two paths name one file (the same path, or the same file through links). */
function isSameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [first, second] = [statIfPresent(a), statIfPresent(b)];
  return first !== undefined && second !== undefined && first.dev === second.dev && first.ino === second.ino;
}
