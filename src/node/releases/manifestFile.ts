import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyReleaseMove } from '../../core/releases/manifestEditor';
import { manifestErrors, parseReleaseManifest, type ManifestProblem, type ParsedReleaseManifest } from '../../core/releases/manifestParser';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import type { MovePlan, ReleaseMove } from '../../core/releases/releaseMoves';
import { isTemporaryFileOf, writeFileAtomically, writeTargetOf, type AtomicWriteOptions } from '../atomicWrite';
import { FileSystemRefusal } from '../fileSystemRefusal';
import type { Position } from '../../core/document/textDocument';
import { decodeText, readRegularFile } from '../textFiles';
import { withFileLock, type ManifestLockOptions } from './manifestLock';
import { lstatIfPresent } from '../presentStats';

/** The manifest as read from disk: parsed (empty when the file does not exist) and its bytes. */
export interface ManifestFileRead {
  readonly parsed: ParsedReleaseManifest;
  readonly exists: boolean;
  readonly bytes: Buffer | undefined;
}

/** A manifest that is not UTF-8 text, with the place of its first bad byte. */
export class UnreadableManifest extends ReleaseRefusal {
  constructor(message: string, readonly position: Position | undefined) {
    super(message);
  }
}

/**
 * Reads and parses the manifest; a missing file reads as an empty manifest. Throws a ReleaseRefusal
 * when it is not UTF-8 text (naming the line of the first bad byte), and a FileSystemRefusal when a
 * folder, pipe or device, or a link to nothing, stands where it belongs.
 */
export function readManifestFile(manifestFile: string): ManifestFileRead {
  const name = path.basename(manifestFile);
  if (!fs.existsSync(manifestFile)) {
    if (lstatIfPresent(manifestFile)?.isSymbolicLink()) throw new FileSystemRefusal(`${name} is a symbolic link to a file that does not exist; point it at the manifest, or remove it.`);
    return { parsed: parseReleaseManifest(''), exists: false, bytes: undefined };
  }
  const read = readRegularFile(manifestFile);
  if (!read.ok) throw new FileSystemRefusal(read.problem.replace(manifestFile, name));
  const text = decodeText(name, read.bytes);
  if (!text.ok) throw new UnreadableManifest(text.position ? `${name}:${text.position.line + 1}:${text.position.character + 1}: ${text.problem}` : text.problem, text.position);
  return { parsed: parseReleaseManifest(text.text), exists: true, bytes: read.bytes };
}

/** `prompt-releases.yaml:12:1: <problem>`: where a problem is, the way compilers and editors link it. */
export function describeManifestProblem(displayName: string, problem: Pick<ManifestProblem, 'range' | 'message'>): string {
  return `${displayName}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`;
}

/** The first error of a manifest as one sentence (`file:line:col: …`, counting the rest) and where it is; undefined when it has none. */
function firstManifestError(displayName: string, parsed: ParsedReleaseManifest): { readonly message: string; readonly position: Position } | undefined {
  const errors = manifestErrors(parsed);
  const [first] = errors;
  if (!first) return undefined;
  const more = errors.length > 1 ? ` (${errors.length - 1} more ${errors.length === 2 ? 'problem' : 'problems'}; promptops status lists them all)` : '';
  return { message: `${describeManifestProblem(displayName, first).replace(/\.$/, '')}${more}.`, position: first.range.start };
}

/** Refuses to go on with a manifest that has errors, naming the first with its line. */
export function refuseManifestWithErrors(displayName: string, parsed: ParsedReleaseManifest): void {
  const first = firstManifestError(displayName, parsed);
  if (first) throw new ReleaseRefusal(first.message);
}

/**
 * Why no label can move in this manifest, checked before anyone is asked anything: it cannot be read
 * (not a regular file, not UTF-8) or it has errors; the sentence names the first, and `position` says
 * where it is when that is known. Undefined when a release may go on (a missing manifest is created).
 */
export function manifestReleaseProblem(manifestFile: string, displayName: string): { readonly message: string; readonly position: Position | undefined } | undefined {
  let read: ManifestFileRead;
  try {
    read = readManifestFile(manifestFile);
  } catch (error) {
    if (error instanceof UnreadableManifest) return { message: error.message, position: error.position };
    if (error instanceof FileSystemRefusal) return { message: error.message, position: undefined };
    throw error;
  }
  return firstManifestError(displayName, read.parsed);
}

export interface ManifestChangeOptions extends AtomicWriteOptions {
  /** How the file is named in messages, e.g. `prompt-releases.yaml`. */
  readonly displayName: string;
  readonly lock?: ManifestLockOptions | undefined;
  /** Runs under the lock after the write, e.g. to commit the manifest; when it fails the old manifest is put back. */
  readonly afterWrite?: ((move: ReleaseMove) => Promise<void>) | undefined;
}

/**
 * Changes the manifest under its lock: re-reads it (another process may have written it meanwhile),
 * refuses one with errors or conflict markers without touching it, lets `decide` plan a move on
 * what it found, and writes the result atomically. Returns the plan; only a `move` writes anything.
 */
export async function changeManifestFile(manifestFile: string, decide: (parsed: ParsedReleaseManifest) => MovePlan | Promise<MovePlan>, options: ManifestChangeOptions): Promise<MovePlan> {
  // The lock file lives beside the manifest, whose folder (releasesFile may name one) may not exist yet.
  fs.mkdirSync(path.dirname(manifestFile), { recursive: true });
  return withFileLock(
    manifestFile,
    async () => {
      removeLeftoverTemporaryFiles(manifestFile);
      const before = readManifestFile(manifestFile);
      refuseManifestWithErrors(options.displayName, before.parsed);
      const plan = await decide(before.parsed);
      if (plan.kind !== 'move') return plan;
      const text = applyReleaseMove(before.parsed, plan.move);
      const [mistake] = manifestErrors(parseReleaseManifest(text));
      if (mistake) throw new Error(`Writing the move would leave the manifest with an error, so nothing was written: ${mistake.message}`);
      // A linked manifest is written through to its target; a hard-linked one in place, under this lock.
      writeFileAtomically(manifestFile, text, options);
      if (options.afterWrite) {
        try {
          await options.afterWrite(plan.move);
        } catch (error) {
          // The label did not move after all: the manifest goes back to what it was.
          try {
            if (before.bytes === undefined) fs.rmSync(manifestFile, { force: true });
            else writeFileAtomically(manifestFile, before.bytes, { displayName: options.displayName });
          } catch (restoreError) {
            throw withFailedRestore(error, options.displayName, restoreError);
          }
          throw error;
        }
      }
      return plan;
    },
    options.lock,
  );
}

/**
 * Why the label did not move, followed by why the manifest could not be put back, so the user learns
 * both and that the file may still show the move. The first error keeps its kind (a refusal stays a
 * refusal for whoever reports it).
 */
function withFailedRestore(error: unknown, displayName: string, restoreError: unknown): Error {
  const restore = `Putting ${displayName} back as it was failed too, so it may still show this move: ${restoreError instanceof Error ? restoreError.message : String(restoreError)}`;
  if (!(error instanceof Error)) return new Error(`${String(error)} ${restore}`, { cause: restoreError });
  error.message = `${error.message} ${restore}`;
  return error;
}

/** Temporary files of a write that crashed before its rename; only ever removed under the lock, when no write is running. */
function removeLeftoverTemporaryFiles(manifestFile: string): void {
  const target = writeTargetOf(manifestFile);
  const folder = path.dirname(target);
  for (const name of fs.readdirSync(folder)) {
    if (isTemporaryFileOf(target, name)) fs.rmSync(path.join(folder, name), { force: true });
  }
}
