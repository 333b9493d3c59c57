import * as path from 'node:path';
import type { ReleaseManifest } from '../core/releases/releaseManifest';
import { CliError, type CliIo } from './cliIo';
import { openPromptFileArgument } from './promptFileArgument';
import { statIfPresent } from '../node/presentStats';

/** Reads a FILE|PROMPT-ID argument: a prompt file's id, or an id the manifest (or its audit log) knows. */
export async function promptIdArgument(argument: string, io: CliIo, manifest: ReleaseManifest, releasesFile: string): Promise<string> {
  if (statIfPresent(path.resolve(io.cwd, argument))?.isFile()) return (await openPromptFileArgument(argument, io)).promptId;
  if (manifest.prompts.has(argument) || manifest.events.some((event) => event.prompt === argument)) return argument;
  throw new CliError(`${argument} is neither a prompt file nor a prompt id in ${releasesFile}.`);
}
