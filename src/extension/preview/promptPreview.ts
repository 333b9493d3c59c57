import * as vscode from 'vscode';
import { renderCheckedPrompt, sampleFileProblem, type RenderProblem } from '../../core/rendering/checkedRender';
import { messageText } from '../../core/rendering/promptRendering';
import { approximateTokenCount } from '../../core/rendering/tokenCount';
import { checkCustomInput } from '../../core/samples/checkSampleSets';
import { chooseRenderInput, parseCustomInput, type ChosenRenderInput } from '../../core/samples/renderInput';
import type { RenderedPrompt } from 'dotprompt';
import { isFromPreview, type FromWebview, type PreviewLocation, type PreviewState, type ToWebview } from '../../webview/previewProtocol';
import { uriOfDiagnosticPath } from '../diagnostics/toVscodeDiagnostic';
import type { PromptModels } from '../promptModels';
import type { PromptOpsLog } from '../promptOpsLog';
import { receiveCheckedMessages } from '../webviewMessages';
import { previewHtml } from './previewHtml';

/** What the webview last reported showing; the integration tests read it. */
export type PreviewSnapshot = Omit<Extract<FromWebview, { type: 'rendered' }>, 'type'>;

/** One preview panel: renders its prompt for the chosen sample set or custom input, and re-renders on request. */
export class PromptPreview implements vscode.Disposable {
  private selectedSet: string | undefined;
  private customInput: string | undefined;
  private exactWhitespace: boolean;
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
    log: PromptOpsLog,
    restored?: Pick<PreviewState, 'selectedSet' | 'customInput' | 'exactWhitespace'>,
  ) {
    this.selectedSet = restored?.selectedSet;
    this.customInput = restored?.customInput;
    this.exactWhitespace = restored?.exactWhitespace === true;
    panel.webview.html = previewHtml(panel.webview, extensionUri);
    this.subscriptions.push(
      receiveCheckedMessages(panel.webview, 'preview page', isFromPreview, log, (message) => void this.receive(message)),
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

  /**
   * Renders the document's current text and sends the result to the webview; stale results are
   * dropped. It renders as `promptops render` does: what the checker says stops the prompt from
   * rendering (or a sample file that does not parse) is the error, at the file's own line and column.
   */
  async update(): Promise<void> {
    const generation = ++this.generation;
    const document = await vscode.workspace.openTextDocument(this.documentUri);
    await this.models.loadVersionContext(document);
    const model = this.models.document(document);
    const samples = this.models.sampleFile(this.documentUri);
    let chosen: ChosenRenderInput;
    let inputProblems: string[] = [];
    if (this.customInput !== undefined) {
      const parsed = parseCustomInput(this.customInput);
      chosen = parsed.ok
        ? chooseRenderInput(model, samples, { kind: 'custom', input: parsed.input })
        : { ok: false, problem: parsed.problem, sets: chooseRenderInput(model, samples, { kind: 'set' }).sets };
      if (parsed.ok) {
        const analysis = model.inputSchema ? undefined : this.models.analysis(document);
        inputProblems = checkCustomInput(model, analysis, this.customInput).map((diagnostic) => diagnostic.message);
      }
    } else {
      chosen = chooseRenderInput(model, samples, this.selectedSet === undefined ? { kind: 'set' } : { kind: 'set', name: this.selectedSet });
    }
    // Sets read from a sample file that does not parse would silently be none.
    const brokenSamples = this.customInput === undefined ? sampleFileProblem(samples) : undefined;
    let result: PreviewState['result'];
    let rendered: RenderedPrompt | undefined;
    if (!chosen.ok) {
      result = { ok: false, error: chosen.problem };
    } else if (brokenSamples) {
      result = failure(brokenSamples);
    } else {
      const outcome = await renderCheckedPrompt({ document: model, input: chosen.input, partials: (name) => this.models.partialSource(this.documentUri, name) });
      if (outcome.ok) rendered = outcome.rendered;
      result = outcome.ok ? previewResult(outcome.rendered) : failure(outcome.problem);
    }
    if (generation !== this.generation) return;
    this.lastRendered = rendered;
    const fileName = this.documentUri.path.slice(this.documentUri.path.lastIndexOf('/') + 1);
    this.panel.title = `Preview ${fileName}`;
    const state: PreviewState = {
      documentUri: this.documentUri.toString(),
      fileName,
      sampleSets: chosen.sets.map((set) => set.name),
      selectedSet: this.customInput === undefined && chosen.ok ? chosen.setName : undefined,
      customInput: this.customInput,
      inputProblems,
      exactWhitespace: this.exactWhitespace,
      result,
    };
    const message: ToWebview = { type: 'state', state };
    await this.panel.webview.postMessage(message);
  }

  /** Shows a render error's place in the editor: the prompt's (or sample file's) own line and column. */
  private async reveal(location: PreviewLocation): Promise<void> {
    const uri = vscode.Uri.parse(location.uri);
    const position = new vscode.Position(location.line, location.character);
    const open = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    const column = open?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection: new vscode.Range(position, position) });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
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
      case 'exactWhitespace':
        this.exactWhitespace = message.on;
        return this.update();
      case 'reveal':
        return this.reveal(message.location);
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

/** A render problem as the preview shows it: the sentence, and where it is as a link (`summarize.prompt:17:5`). */
function failure(problem: RenderProblem): Extract<PreviewState['result'], { ok: false }> {
  const uri = uriOfDiagnosticPath(problem.file);
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const { line, character } = problem.range.start;
  return { ok: false, error: problem.message, location: { label: `${name}:${line + 1}:${character + 1}`, uri: uri.toString(), line, character } };
}
