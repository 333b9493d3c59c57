import { escapeControlCharacters } from '../core/document/controlCharacters';
import { defaultFlagHistory } from '../core/releases/flagdFlags';
import type { PromptFileInRepository } from '../node/promptFileInRepository';
import { checkOutputFile } from '../node/outputFile';
import { flagPublisher } from '../node/releases/flagPublishing';
import type { ReleaseOutcome, ReleasePublisher } from '../node/releases/releaseActions';
import { releaseWorkspaceOf } from '../node/releases/releaseWorkspace';
import { CliError, ExitCode, type CliIo } from './cliIo';

/** The `--publish F` option of promote, rollback and canary. */
export const publishOption = { publish: { type: 'string' } } as const;

/**
 * The publisher `--publish F` asks for, checked before the label moves: F must be a regular file (or
 * new, in an existing folder), not the manifest, and the manifest must pass the release gate.
 */
export async function publisherOf(given: string | undefined, file: PromptFileInRepository, io: CliIo): Promise<ReleasePublisher | undefined> {
  if (given === undefined) return undefined;
  if (given.trim() === '') throw new CliError('--publish needs the flag file to write, e.g. --publish flags/prompts.flagd.json.');
  const workspace = releaseWorkspaceOf(file);
  return flagPublisher(workspace, checkOutputFile(given, io.cwd, { mkdir: false, what: 'the flags', manifestFile: workspace.manifestFile }));
}

/**
 * Says where a move published, or that publishing failed while the move stands (exit 1, so a script
 * notices that the fleet did not get it); ok otherwise.
 */
export function reportPublication(io: CliIo, verb: string, outcome: ReleaseOutcome, releasesFile: string): ExitCode {
  if (outcome.kind !== 'applied' || !outcome.publication) return ExitCode.ok;
  const { publication } = outcome;
  const to = escapeControlCharacters(publication.to);
  if (publication.ok) {
    io.out(`Published to ${to}.\n`);
    return ExitCode.ok;
  }
  io.err(`promptops ${verb}: publishing failed: ${escapeControlCharacters(publication.problem).replace(/\.?$/, '.')} The move stands in ${escapeControlCharacters(releasesFile)}; run promptops publish --flags ${to} once the problem is fixed.\n`);
  return ExitCode.findings;
}

/** `--history N` of export and publish: how many earlier versions of each label to carry, 0 to 999 (default 5). */
export function historyOption(text: string | undefined): number {
  if (text === undefined) return defaultFlagHistory;
  if (!/^\d{1,3}$/.test(text.trim())) throw new CliError(`--history must be a whole number of versions from 0 to 999, not "${escapeControlCharacters(text)}".`);
  return Number(text.trim());
}

/** Rollback targets a bundle or flag file had to leave out, as warnings on stderr. */
export function printWarnings(io: CliIo, verb: string, warnings: readonly string[]): void {
  for (const warning of warnings) io.err(`promptops ${verb}: warning: ${escapeControlCharacters(warning)}\n`);
}
