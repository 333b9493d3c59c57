import { duplicatePromptIdDiagnostics } from '../../core/checks/duplicatePromptIds';
import { compareFindings, countFindings, type CheckFinding, type CheckRun } from '../checkReport/checkFinding';
import { githubReport } from '../checkReport/githubReport';
import { sarifReport } from '../checkReport/sarifReport';
import { textReport } from '../checkReport/textReport';
import { ExitCode, type CliIo } from '../cliIo';
import { runFileTask } from '../fileTaskThreads';
import { jobsHelp, jobsOption } from '../jobsOption';
import type { FileCheck } from '../promptFileCheck';
import { promptFilesFromArguments } from '../promptPathArguments';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import type { Verb } from '../verb';
import { version } from '../version';

const usage = 'check [PATH...] [--format text|json|github|sarif] [--jobs N]';
const formats = ['text', 'json', 'github', 'sarif'] as const;

/** One run's results from the per-file results, in the files' order. */
function checkRunOf(files: readonly FileCheck[], crossFileFindings: readonly CheckFinding[]): CheckRun {
  const checkedFiles = files.filter((file) => file.checked).map((file) => file.displayPath);
  const skippedFiles = files.filter((file) => !file.checked).map((file) => file.displayPath);
  const findings = [...files.flatMap((file) => file.findings), ...crossFileFindings];
  return { checkedFiles, skippedFiles, findings: findings.sort(compareFindings) };
}

/** Checks every prompt under the given paths, as the editor does, for CI: each file on its own (on `jobs` threads, see workersFor), then across files. */
export async function runCheck(paths: readonly string[], cwd: string, jobs?: number): Promise<CheckRun> {
  const files = await runFileTask('check', promptFilesFromArguments(paths, cwd), jobs, async () => (await import('../promptFileCheck')).createCheckStep());
  // Checks that compare files with each other run here, with every file's result in hand: two
  // prompts with one id could not be told apart by releases.
  return checkRunOf(files, duplicatePromptIdDiagnostics(files.flatMap((file) => (file.promptId ? [file.promptId] : []))));
}

export const checkVerb: Verb = {
  name: 'check',
  group: 'authoring',
  usage,
  summary: 'Check prompts and their sample files (exit 1 on errors).',
  details: `PATH is a prompt file or a folder to search (default: the working folder). --format github annotates pull requests, sarif writes a code-scanning log. ${jobsHelp}`,
  example: 'promptops check prompts/ --format github',
  async run(args: readonly string[], io: CliIo): Promise<ExitCode> {
    const { values, positionals } = parseVerbArgs(args, { format: { type: 'string' }, jobs: { type: 'string' } }, usage);
    const format = choiceOption(values.format, 'format', formats, 'text');
    const run = await runCheck(positionals, io.cwd, jobsOption(values.jobs));
    if (format === 'text') io.out(textReport(run));
    else if (format === 'github') io.out(githubReport(run));
    else if (format === 'sarif') io.out(sarifReport(run, version, io.cwd));
    else io.out(`${JSON.stringify({ checked: run.checkedFiles, skipped: run.skippedFiles, diagnostics: run.findings }, null, 2)}\n`);
    return countFindings(run.findings).errors > 0 ? ExitCode.findings : ExitCode.ok;
  },
};
