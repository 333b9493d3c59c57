import * as vscode from 'vscode';
import { messageText } from '../../core/rendering/promptRendering';
import { chooseRenderInput, parseCustomInput, type ChosenRenderInput } from '../../core/samples/renderInput';
import { approximateTokenCount } from '../../core/rendering/tokenCount';
import type { RenderedPrompt } from 'dotprompt';
import type { FromWebview, PreviewState, ToWebview } from '../../webview/previewProtocol';
import type { PromptModels } from '../promptModels';
import { previewHtml } from './previewHtml';

/** What the webview last reported showing; the integration tests read it. */
export type PreviewSnapshot = Omit<Extract<FromWebview, { type: 'rendered' }>, 'type'>;

/** One preview panel: renders its prompt for the chosen sample set or custom input, and re-renders on request. */
export class PromptPreview implements vscode.Disposable {
  private selectedSet: string | undefined;
  private customInput: string | undefined;
  private lastRendered: RenderedPrompt | undefined;
  private generation = 0;
  private readonly shown = new vscode.EventEmitter<PreviewSnapshot>();
  /** Fires each time the webview has drawn a new state. */
  readonly onDidShow = this.shown.event;
  private lastShown: PreviewSnapshot | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private isDisposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly documentUri: vscode.Uri,
    private readonly models: PromptModels,
    extensionUri: vscode.Uri,
    restored?: Pick<PreviewState, 'selectedSet' | 'customInput'>,
  ) {
    this.selectedSet = restored?.selectedSet;
    this.customInput = restored?.customInput;
    panel.webview.html = previewHtml(panel.webview, extensionUri);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      this.shown,
      this.disposed,
    );
  }

  /** The webview's last reported contents, or the next ones when it has not drawn yet. */
  snapshot(): Promise<PreviewSnapshot> {
    if (this.lastShown) return Promise.resolve(this.lastShown);
    return new Promise((resolve) => {
      const once = this.onDidShow((snapshot) => {
        once.dispose();
        resolve(snapshot);
      });
    });
  }

  /** The sample set the preview shows, unless a custom input replaced it; hovers show values from it. */
  get sampleSet(): string | undefined {
    return this.customInput === undefined ? this.selectedSet : undefined;
  }

  /** Chooses a sample set (tests and the command's arguments use this too) and re-renders. */
  async selectSet(name: string): Promise<void> {
    this.selectedSet = name;
    this.customInput = undefined;
    await this.update();
  }

  /** Renders the document's current text and sends the result to the webview; stale results are dropped. */
  async update(): Promise<void> {
    const generation = ++this.generation;
    const document = await vscode.workspace.openTextDocument(this.documentUri);
    const model = this.models.document(document);
    const samples = this.models.sampleFile(this.documentUri);
    let chosen: ChosenRenderInput;
    if (this.customInput !== undefined) {
      const parsed = parseCustomInput(this.customInput);
      chosen = parsed.ok
        ? chooseRenderInput(model, samples, { kind: 'custom', input: parsed.input })
        : { ok: false, problem: parsed.problem, sets: chooseRenderInput(model, samples, { kind: 'set' }).sets };
    } else {
      chosen = chooseRenderInput(model, samples, this.selectedSet === undefined ? { kind: 'set' } : { kind: 'set', name: this.selectedSet });
    }
    const outcome = chosen.ok
      ? await model.format.render({ document: model, input: chosen.input, includes: (name) => this.models.partialSource(this.documentUri, name) })
      : ({ ok: false, error: chosen.problem } as const);
    if (generation !== this.generation) return;
    this.lastRendered = outcome.ok ? outcome.rendered : undefined;
    const fileName = this.documentUri.path.slice(this.documentUri.path.lastIndexOf('/') + 1);
    this.panel.title = `Preview ${fileName}`;
    const state: PreviewState = {
      documentUri: this.documentUri.toString(),
      fileName,
      sampleSets: chosen.sets.map((set) => set.name),
      selectedSet: this.customInput === undefined && chosen.ok ? chosen.setName : undefined,
      customInput: this.customInput,
      result: outcome.ok ? previewResult(outcome.rendered) : { ok: false, error: outcome.error },
    };
    const message: ToWebview = { type: 'state', state };
    await this.panel.webview.postMessage(message);
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.update();
      case 'selectSet':
        return this.selectSet(message.name);
      case 'customInput':
        this.customInput = message.json;
        return this.update();
      case 'clearCustomInput':
        this.customInput = undefined;
        return this.update();
      case 'copyJson':
        if (this.lastRendered) {
          await vscode.env.clipboard.writeText(JSON.stringify(this.lastRendered, null, 2));
          void vscode.window.setStatusBarMessage('PromptOps: rendered prompt copied as JSON', 3000);
        }
        return;
      case 'rendered':
        this.lastShown = message;
        this.shown.fire(this.lastShown);
        return;
    }
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.disposed.fire();
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.panel.dispose();
  }
}

function previewResult(rendered: RenderedPrompt): PreviewState['result'] {
  const messages = rendered.messages.map((message) => {
    const text = messageText(message);
    return { role: message.role, text, tokens: approximateTokenCount(text) };
  });
  return { ok: true, messages, totalTokens: messages.reduce((sum, message) => sum + message.tokens, 0) };
}
