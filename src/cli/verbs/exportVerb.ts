import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { defaultFlagHistory, flagdFlagSetText } from '../../core/releases/flagdFlags';
import { labelNameProblem } from '../../core/releases/labelName';
import { defaultLabel } from '../../core/releases/releaseManifest';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { writeFileAtomically } from '../../node/atomicWrite';
import { checkOutputFile } from '../../node/outputFile';
import { exportPromptBundle } from '../../node/releases/bundleExport';
import { exportFlagdFlags } from '../../node/releases/flagPublishing';
import { openReleaseWorkspace } from '../../node/releases/releaseWorkspace';
import { CliError, ExitCode } from '../cliIo';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import { releasesFileSetting } from '../promptFileArgument';
import { historyOption, printWarnings } from '../publishOption';
import { withReleaseErrors } from '../releaseErrors';
import type { Verb } from '../verb';

const usage = 'export [--format bundle|flagd] [--label L]... [--history N] [--out F [--mkdir]]';

/**
 * `promptops export`: the promptops-bundle/1 JSON the application loads with promptops/runtime, every
 * source checked against its sha256, or with `--format flagd` the flagd flag definitions of the releases.
 */
export const exportVerb: Verb = {
  name: 'export',
  group: 'releases',
  usage,
  summary: "Write the bundle of a label's prompts that promptops/runtime loads, or with --format flagd their flagd flags.",
  details: `The label defaults to ${defaultLabel} (repeat --label for more); every source is read from git and verified against its sha256, and the bundle carries each label's last ${defaultFlagHistory} rollback targets (--history N) so that a rollback published as a flag needs no new bundle. --format flagd writes one OpenFeature flag per prompt and label (promptops.<id>.<label>) for every label unless --label.`,
  example: 'promptops export --label production --out build/prompts.json',
  run: (args, io) =>
    withReleaseErrors(async () => {
      const { values, positionals } = parseVerbArgs(
        args,
        { format: { type: 'string' }, label: { type: 'string', multiple: true }, history: { type: 'string' }, out: { type: 'string' }, mkdir: { type: 'boolean' } },
        usage,
      );
      if (positionals.length > 0) throw new CliError(`takes no arguments. Usage: promptops ${usage}`);
      if (values.mkdir === true && values.out === undefined) throw new CliError('--mkdir applies only with --out.');
      const format = choiceOption(values.format, 'format', ['bundle', 'flagd'], 'bundle');
      const history = historyOption(values.history);
      const requested = values.label === undefined ? undefined : [...new Set(values.label)];
      for (const label of requested ?? []) {
        const problem = labelNameProblem(label);
        if (problem) throw new ReleaseRefusal(problem);
      }
      const workspace = await openReleaseWorkspace(io.cwd, { gitPath: io.env['PROMPTOPS_GIT'], releasesFile: releasesFileSetting(io) });
      // The output is checked before anything is exported: a bad path wastes no work and writes nothing.
      const what = format === 'flagd' ? 'the flags' : 'the bundle';
      const output = values.out === undefined ? undefined : checkOutputFile(values.out, io.cwd, { mkdir: values.mkdir === true, what, manifestFile: workspace.manifestFile });
      let text: string;
      let summary: string;
      if (format === 'flagd') {
        const flags = await exportFlagdFlags(workspace, { labels: requested, history });
        printWarnings(io, 'export', flags.warnings);
        text = flagdFlagSetText(flags.flags);
        const count = Object.keys(flags.flags.flags).length;
        summary = `${count === 1 ? '1 flag' : `${count} flags`} (${flags.labels.join(', ') || 'no labels yet'})`;
      } else {
        const labels = requested ?? [defaultLabel];
        const { bundle, warnings } = await exportPromptBundle(workspace, labels, { history });
        printWarnings(io, 'export', warnings);
        text = `${JSON.stringify(bundle, null, 2)}\n`;
        const count = Object.keys(bundle.prompts).length;
        summary = `${count === 1 ? '1 prompt' : `${count} prompts`} (${labels.join(', ')})`;
      }
      if (output === undefined) {
        io.out(text);
      } else {
        writeFileAtomically(output.file, text, output.options);
        io.out(`Exported ${summary} to ${escapeControlCharacters(output.options.displayName)}.\n`);
      }
      return ExitCode.ok;
    }),
};
