import * as vscode from 'vscode';
import type { FileEdits } from '../../core/languageService/textEdits';
import { toVscodeRange, uriOfDiagnosticPath } from '../diagnostics/toVscodeDiagnostic';

/** Turns core edits of the prompt and its sample file into one WorkspaceEdit; `known` maps a model's path to its document's URI. */
export function toWorkspaceEdit(files: readonly FileEdits[], known: ReadonlyMap<string, vscode.Uri>): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const file of files) {
    const uri = known.get(file.path) ?? uriOfDiagnosticPath(file.path);
    edit.set(uri, file.edits.map((change) => new vscode.TextEdit(toVscodeRange(change.range), change.newText)));
  }
  return edit;
}
