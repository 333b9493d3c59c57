import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReleaseManifest } from '../core/releases/releaseManifest';
import { CliError, type CliIo } from './cliIo';
import { openPromptFileArgument } from './promptFileArgument';

/** Reads a FILE|PROMPT-ID argument: a prompt file's id, or an id the manifest (or its audit log) knows. */
export async function promptIdArgument(argument: string, io: CliIo, manifest: ReleaseManifest, releasesFile: string): Promise<string> {
  if (fs.statSync(path.resolve(io.cwd, argument), { throwIfNoEntry: false })?.isFile()) return (await openPromptFileArgument(argument, io)).promptId;
  if (manifest.prompts.has(argument) || manifest.events.some((event) => event.prompt === argument)) return argument;
  throw new CliError(`${argument} is neither a prompt file nor a prompt id in ${releasesFile}.`);
}
