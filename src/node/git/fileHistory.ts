import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CatFileBatch } from './catFileBatch';
import { GitError } from './gitError';
import { runGit, startGit } from './gitProcess';
import { gitVersionOf, isAtLeast } from './gitVersion';
import { invocationIn, type GitCallOptions, type GitRepository } from './gitRepository';
import { createLogParser, type LogRecord, type RawFileChange } from './logParser';

/** One committed version of a file: a commit that changed it, and the file as it was there. */
export interface FileVersion {
  /** The full commit SHA. */
  readonly id: string;
  /** The repository-relative path of the file in that commit (older names before a rename). */
  readonly path: string;
  /** The author date, ISO 8601 with the author's offset. */
  readonly date: string;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly subject: string;
  /** The git object id of the file's bytes in that commit, to read them without a path lookup. */
  readonly blob: string;
  /** SHA-256 of the file's bytes in that commit. */
  readonly sha256: string;
  /**
   * Set on the oldest version of a file that began as a copy of another: the file it was copied from
   * and the commit that file was taken at (the copy's parent). Its history starts here.
   */
  readonly copiedFrom?: { readonly path: string; readonly commit: string };
}

/** How a history ended: `truncated` when a shallow clone cut it while the file already existed. */
export interface FileHistoryEnd {
  readonly truncated: boolean;
}

export interface FileHistoryPage {
  readonly versions: readonly FileVersion[];
  /** More versions follow this page. */
  readonly hasMore: boolean;
  /** Set on the last page only: a shallow clone cut the history there. */
  readonly truncated: boolean;
}

const historyLog = createLogParser({
  id: '%H',
  parents: '%P',
  date: '%aI',
  authorName: '%an',
  authorEmail: '%ae',
  subject: '%s',
});

type HistoryRecord = LogRecord<'id' | 'parents' | 'date' | 'authorName' | 'authorEmail' | 'subject'>;

interface PendingVersion {
  readonly record: HistoryRecord;
  readonly change: RawFileChange;
  readonly sha256: Promise<string>;
}

const deletedBlob = /^0+$/;

// Bounds memory when the consumer is slower than git; enough to keep git busy meanwhile.
const maxQueuedVersions = 2000;

/** How far ahead of its consumer a history walk reads (and hashes) by default. */
export interface FileHistoryOptions extends GitCallOptions {
  /** Versions git may get ahead of the consumer before it is paused; default 2000. */
  readonly readAhead?: number;
}

/**
 * The versions of the file at repository-relative `filePath`, newest first, following renames
 * (`git log --follow`). Versions arrive while git is still walking, so a caller can show the first
 * ones at once and stop early (which ends the git processes). Commits that delete the file are not
 * versions; a merge is one only when its result differs from every parent. A copy is not a rename:
 * `--follow` reports the commit that created the file as a copy (`C`) of another and would go on with
 * that file's history, so the history stops there, the copy marked with where it came from.
 */
export async function* fileHistory(repository: GitRepository, filePath: string, options: FileHistoryOptions = {}): AsyncGenerator<FileVersion, FileHistoryEnd, undefined> {
  const invocation = invocationIn(repository, options);
  const readAhead = options.readAhead ?? maxQueuedVersions;
  const contents = new CatFileBatch(invocation, await supportsBufferedBatch(repository));
  const hashes = new Map<string, Promise<string>>();
  const sha256Of = (blob: string): Promise<string> => {
    let hash = hashes.get(blob);
    if (!hash) {
      hash = contents.read(blob).then((bytes) => createHash('sha256').update(bytes).digest('hex'));
      // Awaited in order below; marked handled so a failure after an early stop is not reported twice.
      hash.catch(() => undefined);
      hashes.set(blob, hash);
    }
    return hash;
  };

  // git log is read as fast as it writes, independently of the consumer: each record's blob is
  // requested from cat-file on arrival, so walking history and hashing contents overlap.
  const queue: PendingVersion[] = [];
  let logDone = false;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const accept = (records: readonly HistoryRecord[]): void => {
    for (const record of records) {
      const change = record.changes[0];
      if (change && !deletedBlob.test(change.blob)) queue.push({ record, change, sha256: sha256Of(change.blob) });
    }
    notify();
  };
  const parser = historyLog.createStream();
  const log = startGit(['log', '--follow', '--cc', '--raw', '--no-abbrev', '--no-color', '--no-show-signature', '--encoding=UTF-8', ...historyLog.args, '--', filePath], invocation);
  const stdout = log.process.stdout;
  stdout.on('data', (chunk: Buffer) => {
    accept(parser.push(chunk));
    if (queue.length > readAhead) stdout.pause();
  });
  stdout.on('end', () => accept(parser.end()));
  // Settles after stdout ended, or without any output when git could not start.
  const markDone = (): void => {
    logDone = true;
    notify();
  };
  log.completion.then(markDone, markDone);

  let oldest: HistoryRecord | undefined;
  let finished = false;
  try {
    for (;;) {
      // Stop at once rather than hand out what was queued before the cancellation.
      if (options.signal?.aborted) throw new GitError('cancelled', 'The git command was cancelled.');
      const next = queue.shift();
      if (next) {
        if (stdout.isPaused() && queue.length < readAhead / 2) stdout.resume();
        oldest = next.record;
        const { id, date, authorName, authorEmail, subject, parents } = next.record.fields;
        const copied = next.change.status.startsWith('C') && next.change.previousPath !== undefined;
        const copiedFrom = copied ? { copiedFrom: { path: next.change.previousPath ?? '', commit: parents.split(' ')[0] || id } } : {};
        yield { id, path: next.change.path, date, authorName, authorEmail, subject, blob: next.change.blob, sha256: await next.sha256, ...copiedFrom };
        // What --follow finds before the copy is the history of the file it was copied from.
        if (copied) return { truncated: false };
      } else if (logDone) {
        break;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
    await log.completion;
    finished = true;
  } catch (error) {
    // A repository without commits has no history rather than a broken one.
    if (error instanceof GitError && error.kind === 'noCommits') return { truncated: false };
    throw error;
  } finally {
    // The caller stopped before the end of the history: git need not walk the rest.
    if (!finished) log.process.kill();
    contents.close();
  }
  // A shallow clone's boundary commit has no parents and shows every file as added.
  const truncated = oldest !== undefined && oldest.fields.parents === '' && (await shallowBoundaries(repository, options)).has(oldest.fields.id);
  return { truncated };
}

/**
 * One page of `fileHistory`: `limit` versions after the first `skip`. Git stops as soon as the page
 * (and one more version, to know whether there is more) is known.
 */
export async function readFileHistoryPage(
  repository: GitRepository,
  filePath: string,
  page: GitCallOptions & { readonly skip?: number; readonly limit?: number } = {},
): Promise<FileHistoryPage> {
  const skip = page.skip ?? 0;
  const limit = page.limit ?? Number.POSITIVE_INFINITY;
  const versions: FileVersion[] = [];
  const history = fileHistory(repository, filePath, { signal: page.signal });
  let index = 0;
  for (;;) {
    const step = await history.next();
    if (step.done) return { versions, hasMore: false, truncated: step.value.truncated };
    if (index >= skip + limit) {
      await history.return({ truncated: false });
      return { versions, hasMore: true, truncated: false };
    }
    if (index >= skip) versions.push(step.value);
    index += 1;
  }
}

/** Whether this git has `cat-file --batch-command` (2.36); a missing git answers no and fails later with a clear error. */
export async function supportsBufferedBatch(repository: GitRepository): Promise<boolean> {
  try {
    return isAtLeast(await gitVersionOf(repository.gitPath, repository.root), [2, 36]);
  } catch {
    return false;
  }
}

const shallowFiles = new Map<string, Promise<string>>();

/** The commits where a shallow clone's history was cut (`.git/shallow`, shared by worktrees). */
async function shallowBoundaries(repository: GitRepository, options: GitCallOptions): Promise<Set<string>> {
  // Where git keeps the list never changes for a working tree, so it is asked once.
  let file = shallowFiles.get(repository.root);
  if (!file) {
    file = runGit(['rev-parse', '--git-path', 'shallow'], invocationIn(repository, options)).then((stdout) => path.resolve(repository.root, stdout.toString('utf8').trim()));
    file.catch(() => shallowFiles.delete(repository.root));
    shallowFiles.set(repository.root, file);
  }
  try {
    return new Set((await fs.promises.readFile(await file, 'utf8')).split('\n').filter((line) => line !== ''));
  } catch {
    return new Set();
  }
}
