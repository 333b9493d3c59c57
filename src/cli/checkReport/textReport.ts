import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { countFindings, type CheckRun } from './checkFinding';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `file:line:col: severity code: message` per finding (1-based, as editors and terminals link them), then a summary. */
export function textReport(run: CheckRun): string {
  const lines = run.findings.map(
    // File names and messages quote the user's files: escaped, so each finding stays one plain line.
    (finding) =>
      `${escapeControlCharacters(finding.file)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: ${finding.severity} ${finding.code}: ${escapeControlCharacters(finding.message)}`,
  );
  const { errors, warnings, other } = countFindings(run.findings);
  const files = new Set(run.findings.map((finding) => finding.file)).size;
  const summary =
    run.findings.length === 0
      ? `No problems in ${plural(run.checkedFiles.length, 'prompt file')}.`
      : `${plural(run.findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${other ? `, ${other} other` : ''}) in ${plural(files, 'file')}; ${plural(run.checkedFiles.length, 'prompt file')} checked.`;
  if (lines.length > 0) lines.push('');
  lines.push(summary);
  if (run.skippedFiles.length > 0) lines.push(`${plural(run.skippedFiles.length, 'prompt file')} not checked: no format PromptOps checks reads them.`);
  return `${lines.join('\n')}\n`;
}
