import { defaultLabel } from '../../core/releases/releaseManifest';
import { rollbackPrompt } from '../../node/releases/releaseActions';
import { CliError } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { openPromptFileArgument } from '../promptFileArgument';
import { withReleaseErrors } from '../releaseErrors';
import { outcomeText, printBreakingChanges } from '../releaseOutcomeText';
import { publisherOf, publishOption, reportPublication } from '../publishOption';
import type { Verb } from '../verb';
import { registrySourceOf } from '../registry/registrySource';
import { registryRollback } from '../registry/registryPromoteRollback';

const usage = 'rollback FILE [--label L] [--to VERSION] [--note T] [--commit] [--publish F] [--source langfuse]';

/** `promptops rollback`: moves a label one step back in its own promotion history, or to an earlier version with --to. */
export const rollbackVerb: Verb = {
  name: 'rollback',
  group: 'releases',
  usage,
  summary: 'Move a release label back to the version it served before.',
  details: `The label defaults to ${defaultLabel}; each rollback goes one more step back, --to picks any version the label served before; --publish F writes the flagd flags right after the move, so running services serve the old version within seconds. With --source langfuse, the Langfuse label goes back one step in PromptOps' journal of its moves (or to --to).`,
  example: 'promptops rollback support/summarize.prompt --commit',
  run: (args, io) =>
    registrySourceOf(args) ? registryRollback(args, io) : withReleaseErrors(async () => {
      const { values, positionals } = parseVerbArgs(args, { label: { type: 'string' }, to: { type: 'string' }, note: { type: 'string' }, commit: { type: 'boolean' }, ...publishOption }, usage);
      const [fileArgument, ...extra] = positionals;
      if (fileArgument === undefined || extra.length > 0) throw new CliError(`expects one FILE. Usage: promptops ${usage}`);
      const file = await openPromptFileArgument(fileArgument, io);
      const label = values.label ?? defaultLabel;
      const publisher = await publisherOf(values.publish, file, io);
      const outcome = await rollbackPrompt(file, { label, to: values.to, note: values.note, commit: values.commit === true, publisher });
      // A rollback is not held up by breaking changes: the label served that version before.
      if (outcome.kind === 'applied') printBreakingChanges(io, 'rollback', file.promptId, label, outcome.breakingChanges);
      io.out(outcomeText(outcome));
      return reportPublication(io, 'rollback', outcome, file.releasesFile);
    }),
};
