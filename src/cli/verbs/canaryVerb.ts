import { defaultLabel } from '../../core/releases/releaseManifest';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import { clearCanary, setCanary, type ReleaseOutcome } from '../../node/releases/releaseActions';
import { CliError, ExitCode } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { openPromptFileArgument } from '../promptFileArgument';
import { withReleaseErrors } from '../releaseErrors';
import { outcomeText, printBreakingChanges } from '../releaseOutcomeText';
import { publisherOf, publishOption, reportPublication } from '../publishOption';
import type { Verb } from '../verb';

const usage = 'canary FILE VERSION --label L --weight N [--note T] [--commit] [--yes] [--allow-errors] [--publish F] | canary FILE --label L --clear [--note T] [--commit] [--publish F]';

/** `promptops canary`: serves VERSION to N percent of a label's traffic, or ends the canary with --clear. */
export const canaryVerb: Verb = {
  name: 'canary',
  group: 'releases',
  usage,
  summary: "Serve a version to part of a label's traffic, or end the canary.",
  details: `--weight is a percentage from 1 to 99; the label defaults to ${defaultLabel}; --yes accepts breaking input changes; --publish F writes the flagd flags right after the change, for running services.`,
  example: 'promptops canary support/summarize.prompt latest --label production --weight 10',
  run: (args, io) =>
    withReleaseErrors(async () => {
      const { values, positionals } = parseVerbArgs(
        args,
        { label: { type: 'string' }, weight: { type: 'string' }, clear: { type: 'boolean' }, note: { type: 'string' }, commit: { type: 'boolean' }, yes: { type: 'boolean' }, 'allow-errors': { type: 'boolean' }, ...publishOption },
        usage,
      );
      const [fileArgument, versionArgument, ...extra] = positionals;
      if (fileArgument === undefined || extra.length > 0) throw new CliError(`expects FILE and VERSION, or FILE and --clear. Usage: promptops ${usage}`);
      const label = values.label ?? defaultLabel;
      const common = { label, note: values.note, commit: values.commit === true };
      let outcome: ReleaseOutcome;
      let file: PromptFileInRepository;
      if (values.clear === true) {
        if (versionArgument !== undefined || values.weight !== undefined) throw new CliError(`--clear takes neither VERSION nor --weight. Usage: promptops ${usage}`);
        if (values['allow-errors'] !== undefined) throw new CliError('--allow-errors applies to the VERSION a canary serves, not to --clear.');
        file = await openPromptFileArgument(fileArgument, io);
        outcome = await clearCanary(file, { ...common, publisher: await publisherOf(values.publish, file, io) });
      } else {
        if (versionArgument === undefined) throw new CliError(`expects FILE and VERSION, or FILE and --clear. Usage: promptops ${usage}`);
        const weight = parseWeight(values.weight);
        file = await openPromptFileArgument(fileArgument, io);
        const publisher = await publisherOf(values.publish, file, io);
        outcome = await setCanary(file, {
          ...common,
          publisher,
          version: versionArgument,
          weight,
          allowErrors: values['allow-errors'] === true,
          confirmBreakingChanges: (changes) => {
            printBreakingChanges(io, 'canary', file.promptId, label, changes);
            return values.yes === true;
          },
        });
        if (outcome.kind === 'cancelled') {
          throw new CliError(`${versionArgument} changes the input of ${file.promptId} in ways that can break callers of ${label} (see above); pass --yes to start the canary anyway.`, ExitCode.findings);
        }
      }
      io.out(outcomeText(outcome));
      return reportPublication(io, 'canary', outcome, file.releasesFile);
    }),
};

function parseWeight(text: string | undefined): number {
  if (text === undefined) throw new CliError(`needs --weight N, the percentage of traffic the canary serves (1-99). Usage: promptops ${usage}`);
  const weight = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(weight >= 1 && weight <= 99)) throw new CliError(`--weight must be a whole percentage from 1 to 99, not "${text}".`);
  return weight;
}
