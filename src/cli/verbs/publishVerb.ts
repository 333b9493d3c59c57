import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { labelNameProblem } from '../../core/releases/labelName';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { checkOutputFile } from '../../node/outputFile';
import { publishReleasesLocked } from '../../node/releases/flagPublishing';
import { openReleaseWorkspace } from '../../node/releases/releaseWorkspace';
import { CliError, ExitCode } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { releasesFileSetting } from '../promptFileArgument';
import { historyOption, printWarnings } from '../publishOption';
import { withReleaseErrors } from '../releaseErrors';
import type { Verb } from '../verb';

const usage = 'publish --flags F [--bundle B] [--label L]... [--history N] [--mkdir]';

/**
 * `promptops publish`: writes the releases where running services read them, the flagd flag file
 * (and the bundle carrying every version its flags name), each through temp + rename, under the
 * manifest's lock so that no label move lands in between.
 */
export const publishVerb: Verb = {
  name: 'publish',
  group: 'releases',
  usage,
  summary: 'Write the flagd flags of the releases where running services read them.',
  details:
    'One OpenFeature flag per prompt and label (promptops.<id>.<label>), for every label unless --label; with --bundle, also the bundle that carries every version the flags name (each label\'s last --history N, default 5, rollback targets). Each file is written through temp + rename under the manifest lock; promote, rollback and canary do the same with --publish F.',
  example: 'promptops publish --flags build/prompts.flagd.json --bundle build/prompts.json --mkdir',
  run: (args, io) =>
    withReleaseErrors(async () => {
      const { values, positionals } = parseVerbArgs(
        args,
        { flags: { type: 'string' }, bundle: { type: 'string' }, label: { type: 'string', multiple: true }, history: { type: 'string' }, mkdir: { type: 'boolean' } },
        usage,
      );
      if (positionals.length > 0) throw new CliError(`takes no arguments. Usage: promptops ${usage}`);
      if (values.flags === undefined || values.flags.trim() === '') throw new CliError(`needs --flags F, the flag file services read. Usage: promptops ${usage}`);
      const history = historyOption(values.history);
      const labels = values.label === undefined ? undefined : [...new Set(values.label)];
      for (const label of labels ?? []) {
        const problem = labelNameProblem(label);
        if (problem) throw new ReleaseRefusal(problem);
      }
      const workspace = await openReleaseWorkspace(io.cwd, { gitPath: io.env['PROMPTOPS_GIT'], releasesFile: releasesFileSetting(io) });
      const mkdir = values.mkdir === true;
      // Both outputs are checked before anything is built: a bad path wastes no work and writes nothing.
      const flags = checkOutputFile(values.flags, io.cwd, { mkdir, what: 'the flags', manifestFile: workspace.manifestFile });
      const bundle = values.bundle === undefined ? undefined : checkOutputFile(values.bundle, io.cwd, { mkdir, what: 'the bundle', manifestFile: workspace.manifestFile, others: [flags] });
      const published = await publishReleasesLocked(workspace, { flags, bundle, labels, history });
      printWarnings(io, 'publish', published.warnings);
      const count = Object.keys(published.flags.flags).length;
      const what = `${count === 1 ? '1 flag' : `${count} flags`} (${published.labels.join(', ') || 'no labels yet'})`;
      const to = `${escapeControlCharacters(values.flags)}${bundle ? ` and the bundle to ${escapeControlCharacters(bundle.options.displayName)}` : ''}`;
      io.out(`Published ${what} to ${to}.\n`);
      return ExitCode.ok;
    }),
};
