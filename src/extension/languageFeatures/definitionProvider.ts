import * as vscode from 'vscode';
import { definitionsAt } from '../../core/languageService/definitions';
import { toVscodeRange, uriOfDiagnosticPath } from '../diagnostics/toVscodeDiagnostic';
import type { PromptStates } from './promptState';

/** Goes from a variable use to its schema key, from a block parameter to its declaration, from `{{> name}}` to the partial. */
export class DefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly states: PromptStates) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] {
    const { model, analysis } = this.states.of(document);
    const targets = definitionsAt(model, analysis, model.text.offsetAt(position), { partialPath: (name) => this.states.partialPath(document.uri, name) });
    return targets.map((target) => new vscode.Location(target.path === model.path ? document.uri : uriOfDiagnosticPath(target.path), toVscodeRange(target.range)));
  }
}
