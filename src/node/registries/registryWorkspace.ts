import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { journalLine, parseRegistryJournal, type ParsedRegistryJournal, type RegistryJournalEntry } from '../../core/registry/registryJournal';
import { defaultReleasesFile } from '../../core/releases/releaseManifest';
import { GitError } from '../git/gitError';
import { currentGitUser } from '../git/gitUser';
import { openRepository, type GitRepository } from '../git/gitRepository';
import { PromptFileIndex } from '../releases/releaseWorkspace';

/** Where registry commands work: the repository holding the folder (or the folder itself outside Git) and its journal. */
export interface RegistryWorkspace {
  /** The repository root, or the folder outside a repository. */
  readonly root: string;
  readonly repository: GitRepository | undefined;
  /** `.promptops/registry-journal.jsonl` under the root. */
  readonly journalFile: string;
  /** The release manifest relative to the root, as configured. */
  readonly releasesFile: string;
  readonly manifestFile: string;
}

export const journalPath = '.promptops/registry-journal.jsonl';

/** Opens the registry workspace of `folder`; a folder outside Git is a workspace too (push and pull work there, sync does not). */
export async function openRegistryWorkspace(folder: string, options: { readonly gitPath?: string | undefined; readonly releasesFile?: string | undefined } = {}): Promise<RegistryWorkspace> {
  let repository: GitRepository | undefined;
  try {
    repository = await openRepository(folder, { gitPath: options.gitPath });
  } catch (error) {
    if (!(error instanceof GitError) || error.kind !== 'notARepository') throw error;
  }
  const root = repository?.root ?? path.resolve(folder);
  const releasesFile = options.releasesFile ?? defaultReleasesFile;
  return { root, repository, journalFile: path.join(root, ...journalPath.split('/')), releasesFile, manifestFile: path.join(root, releasesFile) };
}

/** The journal of label moves, empty when there is none yet. */
export function readRegistryJournal(workspace: RegistryWorkspace): ParsedRegistryJournal {
  let text: string;
  try {
    text = fs.readFileSync(workspace.journalFile, 'utf8');
  } catch {
    return { entries: [], problems: [] };
  }
  return parseRegistryJournal(text);
}

/** Appends entries in one write (O_APPEND), so concurrent runs interleave whole lines. */
export function appendRegistryJournal(workspace: RegistryWorkspace, entries: readonly RegistryJournalEntry[]): void {
  if (entries.length === 0) return;
  fs.mkdirSync(path.dirname(workspace.journalFile), { recursive: true });
  fs.appendFileSync(workspace.journalFile, entries.map(journalLine).join(''));
}

/** Who makes a move: git's `user.name <user.email>`, else the OS user. */
export async function registryIdentity(workspace: RegistryWorkspace): Promise<string> {
  if (workspace.repository) {
    const user = await currentGitUser(workspace.repository);
    const name = user.name?.trim();
    if (name) return user.email?.trim() ? `${name} <${user.email.trim()}>` : name;
  }
  return os.userInfo().username;
}

/** The timestamp journal entries carry: ISO 8601 to the second. */
export function journalTimestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The working-tree prompt file whose prompt id is `id`, absolute, or undefined when none has it. */
export function localPromptFile(workspace: RegistryWorkspace, id: string): string | undefined {
  if (workspace.repository) {
    const found = new PromptFileIndex({ repository: workspace.repository, releasesFile: workspace.releasesFile, manifestFile: workspace.manifestFile }).pathOf(id);
    return found === undefined ? undefined : path.join(workspace.root, ...found.split('/'));
  }
  const candidate = path.join(workspace.root, ...`${id}.prompt`.split('/'));
  return fs.existsSync(candidate) ? candidate : undefined;
}
