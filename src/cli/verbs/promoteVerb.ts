import { defaultLabel } from '../../core/releases/releaseManifest';
import { promotePrompt } from '../../node/releases/releaseActions';
import { CliError, ExitCode } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { openPromptFileArgument } from '../promptFileArgument';
import { withReleaseErrors } from '../releaseErrors';
import { outcomeText, printBreakingChanges } from '../releaseOutcomeText';
import { publisherOf, publishOption, reportPublication } from '../publishOption';
import type { Verb } from '../verb';
import { registrySourceOf } from '../registry/registrySource';
import { registryPromote } from '../registry/registryPromoteRollback';

const usage = 'promote FILE VERSION [--label L] [--note T] [--commit] [--yes] [--allow-errors] [--publish F] [--source langfuse]';

/**
 * `promptops promote`: points a label at a committed version. Input changes that can break callers
 * are printed as warnings; without --yes they refuse the promote (exit 1), because a CLI run in a
 * script has nobody to ask and a silent breaking change is what review exists to catch.
 */
export const promoteVerb: Verb = {
  name: 'promote',
  group: 'releases',
  usage,
  summary: 'Point a release label at a committed version that passes check, and record it in the audit log.',
  details: `The label defaults to ${defaultLabel}; --commit commits the manifest alone, --yes accepts breaking input changes, --allow-errors releases a version that fails check in an emergency (recorded in the event), --publish F writes the flagd flags of every label to F right after the move, for running services. With --source langfuse, FILE is the prompt's name and VERSION a Langfuse version: the Langfuse label moves, journalled in .promptops/registry-journal.jsonl.`,
  example: 'promptops promote support/summarize.prompt a1b2c3d --note "Thread history"',
  run: (args, io) =>
    registrySourceOf(args) ? registryPromote(args, io) : withReleaseErrors(async () => {
      const { values, positionals } = parseVerbArgs(
        args,
        { label: { type: 'string' }, note: { type: 'string' }, commit: { type: 'boolean' }, yes: { type: 'boolean' }, 'allow-errors': { type: 'boolean' }, ...publishOption },
        usage,
      );
      const [fileArgument, versionArgument, ...extra] = positionals;
      if (fileArgument === undefined || versionArgument === undefined || extra.length > 0) throw new CliError(`expects FILE and VERSION. Usage: promptops ${usage}`);
      const file = await openPromptFileArgument(fileArgument, io);
      const label = values.label ?? defaultLabel;
      const publisher = await publisherOf(values.publish, file, io);
      const outcome = await promotePrompt(file, {
        publisher,
        version: versionArgument,
        label,
        note: values.note,
        commit: values.commit === true,
        allowErrors: values['allow-errors'] === true,
        confirmBreakingChanges: (changes) => {
          printBreakingChanges(io, 'promote', file.promptId, label, changes);
          return values.yes === true;
        },
      });
      if (outcome.kind === 'cancelled') {
        const count = outcome.breakingChanges.length;
        throw new CliError(
          `${versionArgument} changes the input of ${file.promptId} in ${count === 1 ? 'a way' : `${count} ways`} that can break callers of ${label} (see above); pass --yes to promote it anyway.`,
          ExitCode.findings,
        );
      }
      io.out(outcomeText(outcome));
      return reportPublication(io, 'promote', outcome, file.releasesFile);
    }),
};
