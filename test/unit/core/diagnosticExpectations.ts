import type { DiagnosticCode, PromptDiagnostic } from '../../../src/core/document/promptDiagnostic';
import type { Range } from '../../../src/core/document/textDocument';

/** A range from 0-based line/character numbers, written the way an editor shows them. */
export function span(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** The diagnostics with one code, in document order. */
export function withCode(diagnostics: readonly PromptDiagnostic[], code: DiagnosticCode): PromptDiagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

/** Joins lines with `\n`, so prompts in tests read like files. */
export function lines(...text: string[]): string {
  return text.join('\n');
}
