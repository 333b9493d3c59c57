import type { DiagnosticCode, PromptDiagnostic } from '../../core/document/promptDiagnostic';
import type { Position } from '../../core/document/textDocument';

/** What `check` reports: the core's diagnostics, plus files it could not read at all. */
export type CheckFinding = PromptDiagnostic | UnreadableFile;

export interface UnreadableFile extends Omit<PromptDiagnostic, 'code'> {
  readonly code: 'unreadable-file';
}

export type FindingCode = DiagnosticCode | 'unreadable-file';

/** A finding for a file that is binary, not UTF-8 or cannot be read, at the bad byte when there is one; it counts as an error. */
export function unreadableFile(file: string, problem: string, start: Position = { line: 0, character: 0 }): UnreadableFile {
  return { file, range: { start, end: start }, severity: 'error', code: 'unreadable-file', message: problem, related: [] };
}

/** The results of one `check` run, which every report format prints. */
export interface CheckRun {
  readonly checkedFiles: readonly string[];
  readonly findings: readonly CheckFinding[];
  /** Prompt files found in a format no entry of the format table checks (none today: every format the walker finds is checked). */
  readonly skippedFiles: readonly string[];
}

/** Counts findings by severity for summaries and the exit code. */
export function countFindings(findings: readonly CheckFinding[]): { errors: number; warnings: number; other: number } {
  let errors = 0;
  let warnings = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
  }
  return { errors, warnings, other: findings.length - errors - warnings };
}

/** Orders findings by file, position and code, so output is stable across runs. */
export function compareFindings(a: CheckFinding, b: CheckFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const [x, y] = [a.range, b.range];
  return x.start.line - y.start.line || x.start.character - y.start.character || x.end.line - y.end.line || x.end.character - y.end.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
