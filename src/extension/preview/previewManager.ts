import * as vscode from 'vscode';
import type { PreviewState } from '../../webview/previewProtocol';
import { isSampleFile, promptPathsOfSampleFile, type PromptModels } from '../promptModels';
import type { PromptOpsLog } from '../promptOpsLog';
import { PromptPreview } from './promptPreview';
import { previewWebviewOptions } from './previewHtml';

export const previewViewType = 'promptops.preview';
const renderDelayMs = 200;

/** Opens one preview per prompt, keeps each in step with its document and samples, and restores them after a reload. */
export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, PromptPreview>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly models: PromptModels,
    private readonly log: PromptOpsLog,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document.uri)),
      models.onDidChangeSamples((uri) => {
        for (const preview of this.previews.values()) {
          if (isSampleFile(uri) && preview.documentUri.scheme === 'file' && promptPathsOfSampleFile(uri.fsPath).includes(preview.documentUri.fsPath)) {
            this.schedule(preview.documentUri);
          }
        }
      }),
      models.onDidChangeIncludes(() => {
        for (const preview of this.previews.values()) if (preview.documentUri.scheme === 'file') this.schedule(preview.documentUri);
      }),
      vscode.window.registerWebviewPanelSerializer(previewViewType, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const saved = isPreviewState(state) ? state : undefined;
          if (!saved) {
            panel.dispose();
            return;
          }
          panel.webview.options = previewWebviewOptions(this.extensionUri);
          this.track(new PromptPreview(panel, vscode.Uri.parse(saved.documentUri), this.models, this.extensionUri, this.log, saved));
        },
      }),
    );
  }

  /** Opens (or reveals) the preview of a prompt beside its editor; with `sampleSet`, shows that set. */
  async open(uri: vscode.Uri, sampleSet?: string): Promise<PromptPreview> {
    let preview = this.previews.get(uri.toString());
    if (preview) {
      preview.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel(previewViewType, 'Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, previewWebviewOptions(this.extensionUri));
      preview = this.track(new PromptPreview(panel, uri, this.models, this.extensionUri, this.log));
    }
    if (sampleSet !== undefined) await preview.selectSet(sampleSet);
    return preview;
  }

  /** The open preview of a prompt, if any. */
  previewOf(uri: vscode.Uri): PromptPreview | undefined {
    return this.previews.get(uri.toString());
  }

  private track(preview: PromptPreview): PromptPreview {
    const key = preview.documentUri.toString();
    this.previews.set(key, preview);
    preview.onDidDispose(() => this.previews.delete(key));
    return preview;
  }

  /** Re-renders a preview shortly after the last change, so typing does not render every keystroke. */
  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    const preview = this.previews.get(key);
    if (!preview) return;
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      void preview.update();
    }, renderDelayMs));
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const preview of this.previews.values()) preview.dispose();
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }
}

function isPreviewState(value: unknown): value is PreviewState {
  return typeof value === 'object' && value !== null && typeof (value as { documentUri?: unknown }).documentUri === 'string';
}
