import * as vscode from 'vscode';
import { completionsAt, type CompletionEntry, type CompletionKind } from '../../core/languageService/completions';
import { toVscodeRange } from '../diagnostics/toVscodeDiagnostic';
import type { PromptStates } from './promptState';

const kinds: Readonly<Record<CompletionKind, vscode.CompletionItemKind>> = {
  variable: vscode.CompletionItemKind.Variable,
  property: vscode.CompletionItemKind.Property,
  'block-parameter': vscode.CompletionItemKind.Variable,
  'data-variable': vscode.CompletionItemKind.Constant,
  helper: vscode.CompletionItemKind.Function,
  partial: vscode.CompletionItemKind.File,
  keyword: vscode.CompletionItemKind.Keyword,
};

/**
 * Characters after which completion opens by itself: `{{`, `.`, `#`, `>`, `/`, `@` and `(`. Never a
 * space: it is typed between words all the time, and a list popping up there steals Enter.
 */
export const completionTriggerCharacters: readonly string[] = ['{', '.', '#', '>', '/', '@', '('];

/** A request for completions: which document, and what opened it (a trigger character, or undefined when invoked or typed in a word). */
export interface CompletionAsked {
  readonly document: vscode.Uri;
  readonly triggerCharacter: string | undefined;
}

function toCompletionItem(entry: CompletionEntry): vscode.CompletionItem {
  const item = new vscode.CompletionItem(entry.label, kinds[entry.kind]);
  item.range = toVscodeRange(entry.range);
  item.sortText = entry.sortText;
  if (entry.detail !== undefined) item.detail = entry.detail;
  if (entry.documentation !== undefined) item.documentation = new vscode.MarkdownString(entry.documentation);
  return item;
}

/** Completes variables, properties, block names, helpers and partials inside mustaches. */
export class CompletionProvider implements vscode.CompletionItemProvider, vscode.Disposable {
  private readonly asked = new vscode.EventEmitter<CompletionAsked>();
  /** Fires each time VS Code asks for completions, so a test can see what opened the list. */
  readonly onDidAsk = this.asked.event;

  constructor(private readonly states: PromptStates) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, _token: vscode.CancellationToken, context: vscode.CompletionContext): vscode.CompletionItem[] {
    this.asked.fire({ document: document.uri, triggerCharacter: context.triggerCharacter });
    const { model, samples } = this.states.of(document);
    const entries = completionsAt(model, model.text.offsetAt(position), {
      ...(samples ? { samples } : {}),
      partialNames: () => this.states.partialNames(document.uri),
    });
    return entries.map(toCompletionItem);
  }

  dispose(): void {
    this.asked.dispose();
  }
}
