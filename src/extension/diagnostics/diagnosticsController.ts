import * as vscode from 'vscode';
import { checkAnalyzedPromptDocument } from '../../core/checks/checkPrompt';
import type { PromptDiagnostic } from '../../core/document/promptDiagnostic';
import { formatOfLanguage } from '../../core/formats/promptFileKind';
import { diagnosticPath, isSampleFile, promptPathOfSampleFile, type PromptModels } from '../promptModels';
import { toVscodeDiagnostic, uriOfDiagnosticPath } from './toVscodeDiagnostic';

const checkDelayMs = 150;

/**
 * Publishes the core checks for open prompts and their sample files: on open, shortly after each
 * edit (a newer edit cancels the pending check), and when a sample file changes.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('promptops');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** The core diagnostics last published per prompt, with the data quick fixes need. */
  private readonly latest = new Map<string, readonly PromptDiagnostic[]>();
  /** The files each prompt's check published to (the prompt, its sample file), so forgetting it clears them all. */
  private readonly published = new Map<string, readonly string[]>();
  private readonly checked = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with a prompt's URI after its diagnostics were published. */
  readonly onDidCheck = this.checked.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly models: PromptModels) {
    this.subscriptions.push(
      this.collection,
      this.checked,
      vscode.workspace.onDidOpenTextDocument((document) => this.documentOpened(document)),
      vscode.workspace.onDidChangeTextDocument((event) => isPrompt(event.document) && this.schedule(event.document.uri)),
      vscode.workspace.onDidCloseTextDocument((document) => this.documentClosed(document)),
      models.onDidChangeSamples((uri) => this.schedule(promptOfSampleFile(uri))),
      // A referenced file or partial changed on disk: the open working-tree prompts are checked again (old versions read their own commit's files).
      models.onDidChangeIncludes(() => {
        for (const document of vscode.workspace.textDocuments) if (isPrompt(document) && document.uri.scheme === 'file') this.schedule(document.uri);
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.visibleEditorsChanged()),
    );
    for (const document of vscode.workspace.textDocuments) this.documentOpened(document);
  }

  /** The core diagnostics last published for a prompt or its sample file. */
  diagnosticsOf(uri: vscode.Uri): readonly PromptDiagnostic[] {
    const promptUri = isSampleFile(uri) ? promptOfSampleFile(uri) : uri;
    const file = diagnosticPath(uri);
    return (this.latest.get(promptUri.toString()) ?? []).filter((diagnostic) => diagnostic.file === file);
  }

  private documentOpened(document: vscode.TextDocument): void {
    // Other schemes (old versions, the gutter's hidden originals) are checked only while shown.
    if (isPrompt(document) && document.uri.scheme !== 'file' && !isVisible(document)) return;
    if (isPrompt(document)) this.schedule(document.uri, 0);
    else if (isSampleFile(document.uri) && document.uri.scheme === 'file') this.schedule(promptOfSampleFile(document.uri), 0);
  }

  private visibleEditorsChanged(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (!isPrompt(document) || document.uri.scheme === 'file') continue;
      const key = document.uri.toString();
      if (isVisible(document)) {
        if (!this.latest.has(key)) this.schedule(document.uri, 0);
      } else if (this.latest.has(key)) {
        this.forget(document.uri);
      }
    }
  }

  private forget(promptUri: vscode.Uri): void {
    const key = promptUri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    for (const diagnostic of this.latest.get(key) ?? []) this.collection.delete(uriOfDiagnosticPath(diagnostic.file));
    for (const file of this.published.get(key) ?? []) this.collection.delete(uriOfDiagnosticPath(file));
    this.collection.delete(promptUri);
    this.latest.delete(key);
    this.published.delete(key);
  }

  private documentClosed(document: vscode.TextDocument): void {
    const promptUri = isSampleFile(document.uri) ? promptOfSampleFile(document.uri) : document.uri;
    if (!isPrompt(document) && !isSampleFile(document.uri)) return;
    // Keep the diagnostics while either the prompt or its sample file is still open.
    const stillOpen = vscode.workspace.textDocuments.some((open) => open !== document && (open.uri.toString() === promptUri.toString() || (isSampleFile(open.uri) && promptOfSampleFile(open.uri).toString() === promptUri.toString())));
    if (!stillOpen) this.forget(promptUri);
  }

  private schedule(promptUri: vscode.Uri, delay = checkDelayMs): void {
    const key = promptUri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      void this.check(promptUri);
    }, delay));
  }

  /** Checks a prompt now, without waiting for the typing pause; the benchmark measures this path. */
  checkNow(promptUri: vscode.Uri): Promise<void> {
    clearTimeout(this.pending.get(promptUri.toString()));
    this.pending.delete(promptUri.toString());
    return this.check(promptUri);
  }

  private async check(promptUri: vscode.Uri): Promise<void> {
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(promptUri);
    } catch {
      return; // The prompt of an open sample file does not exist (yet).
    }
    if (!isPrompt(document) || (document.uri.scheme !== 'file' && !isVisible(document))) return;
    // A version is checked against its own commit's sample file and partials, read once.
    await this.models.loadVersionContext(document);
    const model = this.models.document(document);
    const samples = this.models.sampleFile(promptUri);
    const { diagnostics } = checkAnalyzedPromptDocument(model, samples, () => this.models.analysis(document));
    const byFile = new Map<string, PromptDiagnostic[]>([[model.path, []]]);
    if (samples) byFile.set(samples.path, []);
    for (const diagnostic of diagnostics) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
    for (const [file, fileDiagnostics] of byFile) this.collection.set(uriOfDiagnosticPath(file), fileDiagnostics.map(toVscodeDiagnostic));
    this.latest.set(promptUri.toString(), diagnostics);
    this.published.set(promptUri.toString(), [...byFile.keys()]);
    this.checked.fire(promptUri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }
}

function isVisible(document: vscode.TextDocument): boolean {
  return vscode.window.visibleTextEditors.some((editor) => editor.document === document);
}

function isPrompt(document: vscode.TextDocument): boolean {
  return formatOfLanguage(document.languageId) !== undefined;
}

function promptOfSampleFile(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: promptPathOfSampleFile(uri.path) });
}
