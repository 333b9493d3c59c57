import { shortSha } from '../../core/releases/promotionHistory';
import { defaultLabel } from '../../core/releases/releaseManifest';
import { describeManifestProblem } from '../../node/releases/manifestFile';
import { readReleaseStatus, type PromptReleaseStatus, type ReleaseStatus } from '../../node/releases/releaseStatus';
import { openReleaseWorkspace } from '../../node/releases/releaseWorkspace';
import { CliError, ExitCode } from '../cliIo';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import { releasesFileSetting } from '../promptFileArgument';
import { withReleaseErrors } from '../releaseErrors';
import type { Verb } from '../verb';

const usage = 'status [--format text|json]';

/** `promptops status`: every prompt's labels and canaries, whether HEAD and the working copy differ from production, and the manifest's problems. */
export const statusVerb: Verb = {
  name: 'status',
  group: 'releases',
  usage,
  summary: "Show every released prompt's labels and the manifest's problems (exit 1 on errors).",
  details: `Also shows each canary split and whether HEAD or the working copy differ from ${defaultLabel}; the manifest check for CI.`,
  example: 'promptops status --format json',
  run: (args, io) =>
    withReleaseErrors(async () => {
      const { values, positionals } = parseVerbArgs(args, { format: { type: 'string' } }, usage);
      const format = choiceOption(values.format, 'format', ['text', 'json'], 'text');
      if (positionals.length > 0) throw new CliError(`takes no arguments. Usage: promptops ${usage}`);
      const workspace = await openReleaseWorkspace(io.cwd, { gitPath: io.env['PROMPTOPS_GIT'], releasesFile: releasesFileSetting(io) });
      const status = await readReleaseStatus(workspace);
      if (format === 'json') io.out(`${JSON.stringify(statusJson(status), null, 2)}\n`);
      else io.out(statusText(status));
      for (const problem of status.problems) {
        io.err(`promptops status: ${problem.severity === 'warning' ? 'warning: ' : ''}${describeManifestProblem(status.releasesFile, problem)}\n`);
      }
      return status.problems.some((problem) => problem.severity === 'error') ? ExitCode.findings : ExitCode.ok;
    }),
};

function statusText(status: ReleaseStatus): string {
  if (!status.manifestExists) return `No ${status.releasesFile} yet; promote a version to create it.\n`;
  if (status.prompts.length === 0) return `${status.releasesFile} releases no prompts yet.\n`;
  const lines: string[] = [];
  for (const prompt of status.prompts) {
    lines.push(`${prompt.id}${prompt.file === undefined ? '' : `  (${prompt.file})`}`);
    const width = Math.max(...prompt.labels.map((entry) => entry.label.length));
    for (const { label, target, canary } of prompt.labels) {
      const split = canary ? `  canary ${shortSha(canary.commit)} at ${canary.weight}%, ${shortSha(target.commit)} at ${100 - canary.weight}%` : '';
      lines.push(`  ${label.padEnd(width)}  ${shortSha(target.commit)}${split}`);
    }
    lines.push(`  ${comparisonText(prompt)}`);
  }
  return `${lines.join('\n')}\n`;
}

function comparisonText(prompt: PromptReleaseStatus): string {
  if (prompt.file === undefined) return 'no prompt file with this id in the working tree';
  if (prompt.headDiffersFromProduction === undefined || prompt.workingCopyDiffersFromProduction === undefined) return `no ${defaultLabel} label`;
  const head = prompt.headDiffersFromProduction ? 'differs' : 'same';
  const working = prompt.workingCopyDiffersFromProduction ? 'differs' : 'same';
  return `vs ${defaultLabel}: HEAD ${head}, working copy ${working}`;
}

function statusJson(status: ReleaseStatus): unknown {
  return {
    releasesFile: status.releasesFile,
    exists: status.manifestExists,
    valid: manifestErrorCount(status) === 0,
    problems: status.problems.map(({ code, severity, message, range }) => ({ code, severity, message, range })),
    prompts: status.prompts.map((prompt) => ({
      id: prompt.id,
      file: prompt.file ?? null,
      labels: prompt.labels.map(({ label, target, canary }) => ({
        label,
        commit: target.commit,
        path: target.path,
        sha256: target.sha256,
        canary: canary ? { commit: canary.commit, path: canary.path, sha256: canary.sha256, weight: canary.weight } : null,
      })),
      headDiffersFromProduction: prompt.headDiffersFromProduction ?? null,
      workingCopyDiffersFromProduction: prompt.workingCopyDiffersFromProduction ?? null,
    })),
  };
}

function manifestErrorCount(status: ReleaseStatus): number {
  return status.problems.filter((problem) => problem.severity === 'error').length;
}
