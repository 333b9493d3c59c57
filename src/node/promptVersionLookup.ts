import { createHash } from 'node:crypto';
import { parsePromptDocument } from '../core/formats/promptFileKind';
import { promptIdOf, promptNameAndVariantOf } from '../core/document/promptId';
import { labelTenuresOf, type LabelTenure } from '../core/releases/labelTenures';
import type { ReleaseManifest } from '../core/releases/releaseManifest';
import { CatFileBatch } from './git/catFileBatch';
import { supportsBufferedBatch } from './git/fileHistory';
import { GitError } from './git/gitError';
import { resolveCommit } from './git/gitObjects';
import { runGit } from './git/gitProcess';
import { invocationIn, type GitCallOptions, type GitRepository } from './git/gitRepository';
import { createLogParser, type LogRecord } from './git/logParser';

/** A prompt version found from an application's log line: what it is, when it was made, and the labels that served it. */
export interface FoundPromptVersion {
  readonly promptId: string;
  /** The file's path in that commit. */
  readonly path: string;
  readonly commit: string;
  /** Author date, ISO 8601. */
  readonly date: string;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly subject: string;
  readonly sha256: string;
  /** The file's exact bytes in that commit. */
  readonly source: Buffer;
  readonly tenures: readonly LabelTenure[];
}

const promptLog = createLogParser({ id: '%H', date: '%aI', authorName: '%an', authorEmail: '%ae', subject: '%s' });
type PromptLogRecord = LogRecord<'id' | 'date' | 'authorName' | 'authorEmail' | 'subject'>;
// Pathspecs are literal in this layer (GIT_LITERAL_PATHSPECS), so prompt files are picked from the raw output.
const promptFile = /\.prompty?$/;
const deletedBlob = /^0+$/;

/** What `which` was given: a 64-hex SHA-256 of a prompt file's bytes, else a commit-ish. */
export function isSha256(text: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(text);
}

async function promptChanges(repository: GitRepository, revisions: readonly string[], options: GitCallOptions): Promise<PromptLogRecord[]> {
  const output = await runGit(['log', '--raw', '--no-abbrev', '--no-renames', '--no-color', '--no-show-signature', '--encoding=UTF-8', ...promptLog.args, ...revisions], invocationIn(repository, options));
  return promptLog.parse(output).map((record) => ({ fields: record.fields, changes: record.changes.filter((change) => promptFile.test(change.path)) }));
}

/**
 * Finds the prompt versions a hash or commit names: with a SHA-256, every commit whose change left a
 * prompt file with exactly those bytes (on any branch); with a commit-ish, the prompt files that
 * commit changed. Each comes with its source and the labels that served it (from the manifest's audit log).
 */
export async function findPromptVersions(repository: GitRepository, manifest: ReleaseManifest, query: string, options: GitCallOptions = {}): Promise<FoundPromptVersion[]> {
  const byHash = isSha256(query);
  let records: PromptLogRecord[];
  if (byHash) {
    try {
      records = await promptChanges(repository, ['--all'], options);
    } catch (error) {
      if (error instanceof GitError && error.kind === 'noCommits') return [];
      throw error;
    }
  } else {
    const commit = await resolveCommit(repository, query, options);
    records = await promptChanges(repository, ['-1', commit], options);
  }
  const contents = new CatFileBatch(invocationIn(repository, options), await supportsBufferedBatch(repository));
  // Every blob is asked for at once, so cat-file answers in a stream; only hashes are kept.
  const hashes = new Map<string, Promise<string>>();
  const changes = records.flatMap((record) => record.changes.filter((change) => !deletedBlob.test(change.blob)).map((change) => ({ record, change })));
  for (const { change } of changes) {
    if (!hashes.has(change.blob)) {
      const hash = contents.read(change.blob).then((bytes) => createHash('sha256').update(bytes).digest('hex'));
      hash.catch(() => undefined);
      hashes.set(change.blob, hash);
    }
  }
  const wanted = query.toLowerCase();
  const found: FoundPromptVersion[] = [];
  try {
    for (const { record, change } of changes) {
      const sha256 = await hashes.get(change.blob);
      if (sha256 === undefined || (byHash && sha256 !== wanted)) continue;
      const source = await contents.read(change.blob);
      const promptId = promptIdOf(change.path, promptNameAndVariantOf(parsePromptDocument(source.toString('utf8'), { path: change.path })));
      const { id, date, authorName, authorEmail, subject } = record.fields;
      found.push({ promptId, path: change.path, commit: id, date, authorName, authorEmail, subject, sha256, source, tenures: labelTenuresOf(manifest, promptId, id) });
    }
  } finally {
    contents.close();
  }
  // Oldest first: the commit that introduced the bytes leads.
  return found.reverse();
}
