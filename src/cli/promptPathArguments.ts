import * as path from 'node:path';
import { findPromptFiles } from '../node/promptFileWalker';
import { CliError } from './cliIo';

/** A prompt file found from the command line, with the path the output names it by (relative to the working folder). */
export interface PromptFileArgument {
  readonly file: string;
  readonly displayPath: string;
}

/**
 * Expands the PATH... arguments of `check` and `test` (default: the working folder) into prompt
 * files; a path that does not exist is a usage error in one sentence.
 */
export function promptFilesFromArguments(positionals: readonly string[], cwd: string): PromptFileArgument[] {
  const { files, missing } = findPromptFiles((positionals.length > 0 ? positionals : ['.']).map((given) => path.resolve(cwd, given)));
  const [firstMissing] = missing;
  if (firstMissing !== undefined) throw new CliError(`${path.relative(cwd, firstMissing) || firstMissing} does not exist.`);
  return files.map((file) => ({ file, displayPath: path.relative(cwd, file) || path.basename(file) }));
}
