import * as vscode from 'vscode';
import type { PromptDiagnostic } from '../../core/document/promptDiagnostic';
import type { Range } from '../../core/document/textDocument';

const severities = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
} as const;

/** A core range as a VS Code range (both are 0-based lines and UTF-16 characters). */
export function toVscodeRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** The URI of a path a core diagnostic carries: a file path, or a URI string for other schemes. */
export function uriOfDiagnosticPath(path: string): vscode.Uri {
  // A scheme has two or more letters, so Windows paths such as C:\p stay files.
  return /^[a-z][\w+.-]+:/i.test(path) ? vscode.Uri.parse(path) : vscode.Uri.file(path);
}

/** Converts a core diagnostic, keeping its code, related places and the Unnecessary tag. */
export function toVscodeDiagnostic(diagnostic: PromptDiagnostic): vscode.Diagnostic {
  const converted = new vscode.Diagnostic(toVscodeRange(diagnostic.range), diagnostic.message, severities[diagnostic.severity]);
  converted.source = 'promptops';
  converted.code = diagnostic.code;
  if (diagnostic.related.length > 0) {
    converted.relatedInformation = diagnostic.related.map(
      (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOfDiagnosticPath(related.file), toVscodeRange(related.range)), related.message),
    );
  }
  if (diagnostic.tags?.includes('unnecessary')) converted.tags = [vscode.DiagnosticTag.Unnecessary];
  return converted;
}
