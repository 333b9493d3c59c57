import * as path from 'node:path';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { defaultLabel } from '../../core/releases/releaseManifest';
import { describeManifestProblem } from '../../node/releases/manifestFile';
import type { ManifestGateProblem } from '../../node/releases/manifestGate';
import { readReleaseStatus, type PromptReleaseStatus, type ReleaseStatus } from '../../node/releases/releaseStatus';
import { openReleaseWorkspace } from '../../node/releases/releaseWorkspace';
import { githubAnnotations } from '../checkReport/githubReport';
import { sarifLog } from '../checkReport/sarifReport';
import { CliError, ExitCode } from '../cliIo';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import { releasesFileSetting } from '../promptFileArgument';
import { withReleaseErrors } from '../releaseErrors';
import type { Verb } from '../verb';
import { registrySourceOf } from '../registry/registrySource';
import { registryStatus } from '../registry/registryStatus';
import { version } from '../version';

const usage = 'status [--format text|json|github|sarif] [--source langfuse]';
const formats = ['text', 'json', 'github', 'sarif'] as const;

/** What each code of the release gate means, for SARIF rules. */
const manifestRules: Readonly<Record<ManifestGateProblem['code'], string>> = {
  'manifest-merge-conflict': 'The release manifest has merge-conflict markers.',
  'manifest-yaml-syntax': 'The release manifest does not parse, or holds more than one YAML document.',
  'manifest-version': 'The release manifest has no version, an unknown one, or a version written as a string.',
  'manifest-structure': 'A part of the release manifest has the wrong shape.',
  'manifest-label-name': 'A label name breaks the rules or is reserved.',
  'manifest-commit': 'A commit is not a full 40-character SHA.',
  'manifest-path': 'A path is not relative to the repository root.',
  'manifest-sha256': 'A SHA-256 is not 64 lowercase hex characters.',
  'manifest-weight': 'A canary weight is not a whole percentage from 1 to 99 written as a number.',
  'manifest-event': 'An audit event is incomplete or malformed.',
  'manifest-unknown-key': 'A field PromptOps does not know; it is kept but ignored.',
  'manifest-duplicate-key': 'A key is written twice in one map.',
  'manifest-unexplained-label': 'A label or canary the audit log does not explain: a hand edit.',
  'manifest-flag-key-collision': 'Two prompt labels would publish the same flagd flag key (promptops.<id>.<label>).',
  'manifest-unknown-prompt': 'No prompt file in the working tree has this id.',
  'manifest-commit-not-found': 'A released commit is not in this clone.',
  'manifest-path-not-in-commit': 'A released path does not exist at its commit.',
  'manifest-sha256-mismatch': 'A released file does not have the recorded SHA-256 at its commit.',
};

/** `promptops status`: every prompt's labels and canaries, whether HEAD and the working copy differ from production, and the manifest's problems. */
export const statusVerb: Verb = {
  name: 'status',
  group: 'releases',
  usage,
  summary: "Show every released prompt's labels and every problem export would refuse (exit 1 on errors): the CI gate.",
  details: `Also shows each canary split and whether HEAD or the working copy differ from ${defaultLabel}. Fails on commits the clone lacks, paths missing at their commit, SHA-256 mismatches, labels or canaries the audit log does not explain, and a malformed manifest; --format github|sarif annotates them. With --source langfuse, reports drift between Langfuse's labels and the manifest per prompt and label (exit 1 on drift).`,
  example: 'promptops status --format github',
  run: (args, io) =>
    registrySourceOf(args) ? registryStatus(args, io) : withReleaseErrors(async () => {
      const { values, positionals } = parseVerbArgs(args, { format: { type: 'string' } }, usage);
      const format = choiceOption(values.format, 'format', formats, 'text');
      if (positionals.length > 0) throw new CliError(`takes no arguments. Usage: promptops ${usage}`);
      const workspace = await openReleaseWorkspace(io.cwd, { gitPath: io.env['PROMPTOPS_GIT'], releasesFile: releasesFileSetting(io) });
      const status = await readReleaseStatus(workspace);
      const findings = status.problems.map((problem) => ({ ...problem, file: path.relative(io.cwd, workspace.manifestFile) }));
      if (format === 'json') io.out(`${JSON.stringify(statusJson(status), null, 2)}\n`);
      else if (format === 'github') io.out(githubAnnotations(findings));
      else if (format === 'sarif') io.out(sarifLog(findings, manifestRules, version, io.cwd));
      else io.out(statusText(status));
      if (format === 'text' || format === 'json') {
        for (const problem of status.problems) {
          io.err(`promptops status: ${problem.severity === 'warning' ? 'warning: ' : ''}${escapeControlCharacters(describeManifestProblem(status.releasesFile, problem))}\n`);
        }
      }
      return status.problems.some((problem) => problem.severity === 'error') ? ExitCode.findings : ExitCode.ok;
    }),
};

/** The labels of each prompt as text; ids and paths come from files, so they are printed with control characters escaped. */
function statusText(status: ReleaseStatus): string {
  if (!status.manifestExists) return `No ${status.releasesFile} yet; promote a version to create it.\n`;
  // Nothing can be said of prompts in a manifest that cannot be read; its problems follow on stderr.
  if (status.unreadable) return '';
  if (status.prompts.length === 0) return `${status.releasesFile} releases no prompts yet.\n`;
  const lines: string[] = [];
  const { short } = status;
  for (const prompt of status.prompts) {
    lines.push(escapeControlCharacters(`${prompt.id}${prompt.file === undefined ? '' : `  (${prompt.file})`}`));
    const width = Math.max(...prompt.labels.map((entry) => entry.label.length));
    for (const { label, target, canary } of prompt.labels) {
      const split = canary ? `  canary ${short(canary.commit)} at ${canary.weight}%, ${short(target.commit)} at ${100 - canary.weight}%` : '';
      lines.push(`  ${label.padEnd(width)}  ${short(target.commit)}${split}`);
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
