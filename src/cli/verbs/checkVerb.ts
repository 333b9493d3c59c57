import { checkPromptDocument } from '../../core/checkPrompt';
import { duplicatePromptIdDiagnostics } from '../../core/duplicatePromptIds';
import { promptLanguageOf } from '../../core/promptFileKind';
import { readPromptIdDeclarations } from '../../node/promptIdDeclarations';
import { loadPromptFromDisk, PartialLookupCache } from '../../node/promptOnDisk';
import { compareFindings, countFindings, unreadableFile, type CheckFinding, type CheckRun } from '../checkReport/checkFinding';
import { githubReport } from '../checkReport/githubReport';
import { sarifReport } from '../checkReport/sarifReport';
import { textReport } from '../checkReport/textReport';
import { ExitCode, type CliIo } from '../cliIo';
import { promptFilesFromArguments } from '../promptPathArguments';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import type { Verb } from '../verb';
import { version } from '../version';

const usage = 'promptops check [PATH...] [--format text|json|github|sarif]';
const formats = ['text', 'json', 'github', 'sarif'] as const;

/** Checks one prompt file and its sample file; unreadable files become findings, never exceptions. */
function checkFile(file: string, displayPath: string, partials: PartialLookupCache): CheckFinding[] {
  const loaded = loadPromptFromDisk(file, displayPath, partials);
  if (!loaded.ok) return [unreadableFile(displayPath, loaded.problem, loaded.position)];
  const { prompt } = loaded;
  const findings: CheckFinding[] = checkPromptDocument(prompt.document, prompt.samples, {
    partialExists: (name) => prompt.partial(name) !== undefined,
    partialSource: (name) => prompt.partial(name)?.text,
  });
  if (prompt.samplesProblem) findings.push(unreadableFile(prompt.samplesProblem.file, prompt.samplesProblem.problem, prompt.samplesProblem.position));
  return findings;
}

/** Checks every prompt under the given paths, as the editor does, for CI. */
export function runCheck(paths: readonly string[], cwd: string): CheckRun {
  const partials = new PartialLookupCache();
  const checkedFiles: string[] = [];
  const skippedFiles: string[] = [];
  const findings: CheckFinding[] = [];
  const files = promptFilesFromArguments(paths, cwd);
  for (const { file, displayPath } of files) {
    if (promptLanguageOf(file) !== 'dotprompt') {
      skippedFiles.push(displayPath);
      continue;
    }
    checkedFiles.push(displayPath);
    findings.push(...checkFile(file, displayPath, partials));
  }
  // Across files: two prompts with one id could not be told apart by releases.
  findings.push(...duplicatePromptIdDiagnostics(readPromptIdDeclarations(files, cwd)));
  return { checkedFiles, skippedFiles, findings: findings.sort(compareFindings) };
}

export const checkVerb: Verb = {
  name: 'check',
  usage,
  summary: 'Check prompts and their sample files (exit 1 on errors).',
  async run(args: readonly string[], io: CliIo): Promise<ExitCode> {
    const { values, positionals } = parseVerbArgs(args, { format: { type: 'string' } }, usage);
    const format = choiceOption(values.format, 'format', formats, 'text');
    const run = runCheck(positionals, io.cwd);
    if (format === 'text') io.out(textReport(run));
    else if (format === 'github') io.out(githubReport(run));
    else if (format === 'sarif') io.out(sarifReport(run, version, io.cwd));
    else io.out(`${JSON.stringify({ checked: run.checkedFiles, skipped: run.skippedFiles, diagnostics: run.findings }, null, 2)}\n`);
    return countFindings(run.findings).errors > 0 ? ExitCode.findings : ExitCode.ok;
  },
};
