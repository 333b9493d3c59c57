import * as path from 'node:path';
import { parseMetricRequest, type MetricRequest } from '../../core/canary/canaryAnalysis';
import { labelNameProblem } from '../../core/releases/labelName';
import { defaultLabel } from '../../core/releases/releaseManifest';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { CanaryComparisonError, compareCanary } from '../../node/canary/canaryComparison';
import { OutcomeFileError } from '../../node/outcomes/outcomeFileReader';
import { describeManifestProblem, readManifestFile } from '../../node/releases/manifestFile';
import { openReleaseWorkspace } from '../../node/releases/releaseWorkspace';
import { CliError, ExitCode } from '../cliIo';
import { commitAbbreviator } from '../../node/git/commitAbbreviations';
import { compareReportJson, compareReportText } from '../compareReportText';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import { releasesFileSetting } from '../promptFileArgument';
import { promptIdArgument } from '../promptIdArgument';
import { withReleaseErrors } from '../releaseErrors';
import type { Verb } from '../verb';

const usage = 'compare FILE|PROMPT-ID --outcomes F [--label L] [--metric NAME[:lower]]... [--alpha A] [--sequential] [--format text|json] [--gate]';

function metricRequest(text: string): MetricRequest {
  const request = parseMetricRequest(text);
  if (typeof request === 'string') throw new CliError(`--metric: ${request}`);
  return request;
}

function alphaOption(text: string | undefined): number {
  if (text === undefined) return 0.05;
  const alpha = /^\d*\.?\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(alpha > 0 && alpha <= 0.5)) throw new CliError(`--alpha must be a significance level above 0 and at most 0.5, such as 0.05, not "${text}".`);
  return alpha;
}

/** `promptops compare`: judges a label's canary on the application's outcome rows (DESIGN §9). */
export const compareVerb: Verb = {
  name: 'compare',
  group: 'releases',
  usage,
  summary: "Judge a label's canary on logged outcomes: promote, roll-back, hold or keep-collecting.",
  details: `The label defaults to ${defaultLabel}; the first --metric is primary, NAME:lower marks lower-is-better. Checks the traffic split (SRM); --sequential stays valid over repeated looks; --gate exits 1 on roll-back and hold.`,
  example: 'promptops compare support/summarize.prompt --outcomes outcomes.jsonl --metric resolved --metric latency_ms:lower --gate',
  run: (args, io) =>
    withReleaseErrors(async () => {
      const { values, positionals } = parseVerbArgs(
        args,
        {
          outcomes: { type: 'string' },
          label: { type: 'string' },
          metric: { type: 'string', multiple: true },
          alpha: { type: 'string' },
          sequential: { type: 'boolean' },
          format: { type: 'string' },
          gate: { type: 'boolean' },
        },
        usage,
      );
      const format = choiceOption(values.format, 'format', ['text', 'json'], 'text');
      const [promptArgument, ...extra] = positionals;
      if (promptArgument === undefined || extra.length > 0) throw new CliError(`expects one FILE or prompt id. Usage: promptops ${usage}`);
      if (values.outcomes === undefined) throw new CliError(`needs --outcomes F, the JSON Lines or CSV file of outcome rows. Usage: promptops ${usage}`);
      const label = values.label ?? defaultLabel;
      const problem = labelNameProblem(label);
      if (problem) throw new CliError(problem);
      const metrics = values.metric?.map(metricRequest);
      const names = metrics?.map((metric) => metric.name) ?? [];
      const repeated = names.find((name, index) => names.indexOf(name) !== index);
      if (repeated !== undefined) throw new CliError(`--metric ${repeated} is given twice.`);
      const alpha = alphaOption(values.alpha);
      const workspace = await openReleaseWorkspace(io.cwd, { gitPath: io.env['PROMPTOPS_GIT'], releasesFile: releasesFileSetting(io) });
      const { parsed } = readManifestFile(workspace.manifestFile);
      if (parsed.fatal) throw new ReleaseRefusal(describeManifestProblem(workspace.releasesFile, parsed.fatal));
      const prompt = await promptIdArgument(promptArgument, io, parsed.manifest, workspace.releasesFile);
      let comparison;
      try {
        comparison = await compareCanary({ workspace, prompt, label, outcomesFile: path.resolve(io.cwd, values.outcomes), metrics, alpha, sequential: values.sequential === true });
      } catch (error) {
        if (error instanceof CanaryComparisonError || error instanceof OutcomeFileError) throw new CliError(error.message);
        throw error;
      }
      if (format === 'json') io.out(`${JSON.stringify(compareReportJson(comparison), null, 2)}\n`);
      else io.out(compareReportText(comparison, values.outcomes, await commitAbbreviator(workspace.repository, [comparison.experiment.stableCommit, comparison.experiment.canaryCommit])));
      const failsGate = comparison.analysis.verdict === 'roll-back' || comparison.analysis.verdict === 'hold';
      return values.gate === true && failsGate ? ExitCode.findings : ExitCode.ok;
    }),
};
