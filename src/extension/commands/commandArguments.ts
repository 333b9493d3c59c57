import * as vscode from 'vscode';

/**
 * The prompt a command acts on: its first argument when that is a URI or a tree node carrying
 * one, else the prompt in the active editor.
 */
export function promptUriFrom(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (typeof argument === 'string' && argument.length > 0) return vscode.Uri.parse(argument);
  if (typeof argument === 'object' && argument !== null && 'uri' in argument && argument.uri instanceof vscode.Uri) return argument.uri;
  const editor = vscode.window.activeTextEditor;
  if (editor && (editor.document.languageId === 'dotprompt' || editor.document.languageId === 'prompty')) return editor.document.uri;
  return undefined;
}

/** An optional string argument of a command. */
export function optionalString(argument: unknown): string | undefined {
  return typeof argument === 'string' ? argument : undefined;
}
