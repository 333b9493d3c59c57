import * as path from 'node:path';
import { GitError } from '../node/git/gitError';
import { openPromptFile, type PromptFileInRepository } from '../node/promptFileInRepository';
import { CliError, type CliIo } from './cliIo';

/** Opens the FILE argument of a versions verb in its repository; `PROMPTOPS_GIT` names the git executable. */
export async function openPromptFileArgument(fileArgument: string, io: CliIo): Promise<PromptFileInRepository> {
  return openPromptFile(path.resolve(io.cwd, fileArgument), { gitPath: io.env['PROMPTOPS_GIT'] });
}

/** Runs `work`, turning git and version errors (not a repository, git missing, unknown version…) into one-sentence usage errors. */
export async function withGitErrorsAsUsageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GitError) throw new CliError(error.message);
    throw error;
  }
}
