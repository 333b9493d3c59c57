import * as vscode from 'vscode';
import { prepareRename, renameEdits } from '../../core/languageService/renameEdits';
import { toVscodeRange } from '../diagnostics/toVscodeDiagnostic';
import type { PromptStates } from './promptState';
import { toWorkspaceEdit } from './workspaceEdits';

/** Renames an input variable (or a declared property) across the template, the schema, `input.default` and the sample file, as one edit. */
export class RenameProvider implements vscode.RenameProvider {
  constructor(private readonly states: PromptStates) {}

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const { model, analysis } = this.states.of(document);
    const result = prepareRename(model, analysis, model.text.offsetAt(position));
    // VS Code shows a thrown error's message where the rename box would be.
    if (!result.ok) throw new Error(result.message);
    return { range: toVscodeRange(result.range), placeholder: result.placeholder };
  }

  provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const { model, samples, analysis, checkOptions } = this.states.of(document);
    const result = renameEdits(model, samples, analysis, model.text.offsetAt(position), newName, checkOptions);
    if (!result.ok) throw new Error(result.message);
    return toWorkspaceEdit(result.edits, new Map([[model.path, document.uri]]));
  }
}
