import * as vscode from 'vscode';
import { hoverAt } from '../../core/languageService/hoverInfo';
import { toVscodeRange } from '../diagnostics/toVscodeDiagnostic';
import type { PromptStates } from './promptState';

/** Shows a variable's declared type, description, default and value in the first sample set. */
export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly states: PromptStates) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const { model, samples, analysis } = this.states.of(document);
    const hover = hoverAt(model, analysis, model.text.offsetAt(position), samples ? { samples } : {});
    // Not trusted: prompt text and sample values in it can never run commands.
    return hover ? new vscode.Hover(new vscode.MarkdownString(hover.markdown), toVscodeRange(hover.range)) : undefined;
  }
}
