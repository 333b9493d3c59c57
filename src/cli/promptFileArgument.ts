import * as path from 'node:path';
import { FileSystemRefusal } from '../node/fileSystemRefusal';
import { GitError } from '../node/git/gitError';
import { openPromptFile, type PromptFileInRepository } from '../node/promptFileInRepository';
import { CliError, type CliIo } from './cliIo';
import { statIfPresent } from '../node/presentStats';

/**
 * Opens the FILE argument of a versions or releases verb in its repository; `PROMPTOPS_GIT` names
 * the git executable and `PROMPTOPS_RELEASES_FILE` the manifest (relative to the repository root).
 */
export async function openPromptFileArgument(fileArgument: string, io: CliIo): Promise<PromptFileInRepository> {
  const file = path.resolve(io.cwd, fileArgument);
  // A folder's "history" would be every file in it; FILE names one prompt.
  if (statIfPresent(file)?.isDirectory()) throw new CliError(`${fileArgument} is a folder; name one .prompt or .prompty file in it.`);
  return openPromptFile(file, { gitPath: io.env['PROMPTOPS_GIT'], releasesFile: releasesFileSetting(io) });
}

/** The manifest path relative to the repository root (or absolute inside it): `PROMPTOPS_RELEASES_FILE`, else the default. */
export function releasesFileSetting(io: CliIo): string | undefined {
  const setting = io.env['PROMPTOPS_RELEASES_FILE'];
  return setting === undefined || setting.trim() === '' ? undefined : setting;
}

/** Runs `work`, turning git, version and file system errors (not a repository, git missing, unknown version, a manifest that is a folder…) into one-sentence usage errors. */
export async function withGitErrorsAsUsageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GitError || error instanceof FileSystemRefusal) throw new CliError(error.message);
    throw error;
  }
}
