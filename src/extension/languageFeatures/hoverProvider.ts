import * as vscode from 'vscode';
import { hoverAt } from '../../core/languageService/hoverInfo';
import { toVscodeRange } from '../diagnostics/toVscodeDiagnostic';
import type { PromptStates } from './promptState';

/** Shows a variable's declared type, description, default and its value in the sample set the preview shows (else the first). */
export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly states: PromptStates,
    private readonly previewedSampleSet: (uri: vscode.Uri) => string | undefined,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const { model, samples, analysis } = this.states.of(document);
    const sampleSet = this.previewedSampleSet(document.uri);
    const hover = hoverAt(model, analysis, model.text.offsetAt(position), { ...(samples ? { samples } : {}), ...(sampleSet ? { sampleSet } : {}) });
    // Not trusted: prompt text and sample values in it can never run commands.
    return hover ? new vscode.Hover(new vscode.MarkdownString(hover.markdown), toVscodeRange(hover.range)) : undefined;
  }
}
