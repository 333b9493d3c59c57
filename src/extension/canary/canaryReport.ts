import * as path from 'node:path';
import * as vscode from 'vscode';
import { canaryMetricsSetting, canarySequentialSetting } from '../settings';
import { parseMetricRequest, type MetricRequest } from '../../core/canary/canaryAnalysis';
import { CanaryComparisonError, compareCanary } from '../../node/canary/canaryComparison';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import { readManifestFile } from '../../node/releases/manifestFile';
import { releaseWorkspaceOf } from '../../node/releases/releaseWorkspace';
import { isFromCanaryReport, type CanaryReportState, type FromCanaryReport, type ToCanaryReport } from '../../webview/canaryReportProtocol';
import { webviewPageHtml } from '../preview/previewHtml';
import type { PromptOpsLog } from '../promptOpsLog';
import type { ReleaseState } from '../releases/releaseState';
import { versionUri } from '../versions/versionUri';
import { canaryReportState } from './canaryReportState';
import { receiveCheckedMessages } from '../webviewMessages';

/** What the webview last reported showing; integration tests read it. */
export type CanaryReportSnapshot = Omit<Extract<FromCanaryReport, { type: 'rendered' }>, 'type'>;

/** A command a button of the report ran, with its arguments and what it returned. */
export interface CanaryReportCommandRun {
  readonly command: string;
  readonly args: readonly unknown[];
  readonly result: unknown;
}

const refreshDelayMs = 300;

/** One Canary report panel: a prompt's label judged on an outcome file, redrawn when the file or the manifest changes. */
export class CanaryReport implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<CanaryReportSnapshot>();
  /** Fires each time the webview has drawn a new state. */
  readonly onDidShow = this.shown.event;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly ran = new vscode.EventEmitter<CanaryReportCommandRun>();
  /** Fires when a button's command has finished (confirmed, refused or cancelled). */
  readonly onDidRunCommand = this.ran.event;
  private lastShown: CanaryReportSnapshot | undefined;
  private canaryTarget: { commit: string; path: string } | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  private pending: NodeJS.Timeout | undefined;
  private generation = 0;
  private isDisposed = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly file: PromptFileInRepository,
    readonly label: string,
    private outcomes: vscode.Uri,
    private readonly releaseState: ReleaseState,
    extensionUri: vscode.Uri,
    log: PromptOpsLog,
  ) {
    panel.webview.html = webviewPageHtml(panel.webview, extensionUri, { script: 'canaryReport.js', style: 'canaryReport.css', title: 'Canary report' });
    this.subscriptions.push(
      receiveCheckedMessages(panel.webview, 'canary report page', isFromCanaryReport, log, (message) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      releaseState.onDidChange(() => this.schedule()),
      this.shown,
      this.disposed,
      this.ran,
    );
    this.watch();
  }

  /** The prompt id this report judges. */
  get promptId(): string {
    return this.file.promptId;
  }

  /** The outcome file the report reads. */
  get outcomesFile(): vscode.Uri {
    return this.outcomes;
  }

  /** The webview's next drawn state that satisfies `accept` (the last one, when it already does). */
  snapshot(accept: (snapshot: CanaryReportSnapshot) => boolean = () => true): Promise<CanaryReportSnapshot> {
    if (this.lastShown && accept(this.lastShown)) return Promise.resolve(this.lastShown);
    return new Promise((resolve) => {
      const listener = this.onDidShow((snapshot) => {
        if (!accept(snapshot)) return;
        listener.dispose();
        resolve(snapshot);
      });
    });
  }

  /** Reads another outcome file from now on. */
  async useOutcomes(uri: vscode.Uri): Promise<void> {
    this.outcomes = uri;
    this.watch();
    await this.update();
  }

  /** Compares again and sends the result to the webview; stale results are dropped. */
  async update(): Promise<void> {
    const generation = ++this.generation;
    const workspace = releaseWorkspaceOf(this.file);
    const display = path.relative(workspace.repository.root, this.outcomes.fsPath) || this.outcomes.fsPath;
    let state: CanaryReportState;
    try {
      const comparison = await compareCanary({ workspace, prompt: this.file.promptId, label: this.label, outcomesFile: this.outcomes.fsPath, alpha: 0.05, sequential: sequentialSetting(), metrics: metricsSetting() });
      const canary = readManifestFile(workspace.manifestFile).parsed.manifest.prompts.get(this.file.promptId)?.canaries.get(this.label);
      const running = canary?.commit === comparison.experiment.canaryCommit;
      this.canaryTarget = running && canary ? { commit: canary.commit, path: canary.path } : undefined;
      const { shortShas } = this.releaseState;
      await shortShas.learn(workspace.repository, [comparison.experiment.stableCommit, comparison.experiment.canaryCommit]);
      state = canaryReportState(comparison, display, running, shortShas.of);
    } catch (error) {
      // No canary, an unreadable file, a bad setting, git failing: each is shown in the page as one sentence.
      if (!(error instanceof Error)) throw error;
      this.canaryTarget = undefined;
      state = { prompt: this.file.promptId, label: this.label, split: '', outcomesFile: display, running: false, result: { ok: false, error: error.message } };
    }
    if (generation !== this.generation || this.isDisposed) return;
    this.panel.title = `Canary: ${this.file.promptId} ${this.label}`;
    const message: ToCanaryReport = { type: 'state', state };
    await this.panel.webview.postMessage(message);
  }

  private watch(): void {
    this.watcher?.dispose();
    const folder = vscode.Uri.file(path.dirname(this.outcomes.fsPath));
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, path.basename(this.outcomes.fsPath)));
    this.watcher.onDidChange(() => this.schedule());
    this.watcher.onDidCreate(() => this.schedule());
    this.watcher.onDidDelete(() => this.schedule());
  }

  /** Compares again shortly after the last change, so an application appending rows does not trigger a read per row. */
  private schedule(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.update();
    }, refreshDelayMs);
  }

  private async receive(message: FromCanaryReport): Promise<void> {
    switch (message.type) {
      case 'ready':
      case 'refresh':
        return this.update();
      case 'promote':
        // The existing command, without its version argument, so it shows the diff and asks before it writes.
        if (this.canaryTarget) {
          const canaryVersion = versionUri({ workingFile: this.file.workingFile, commit: this.canaryTarget.commit, path: this.canaryTarget.path, title: `canary ${this.releaseState.shortShas.of(this.canaryTarget.commit)}` });
          await this.run('promptops.promote', canaryVersion, undefined, this.label);
        }
        return;
      case 'rollBack':
        // A canary rolls back by ending it: setCanary with 0 percent, which asks before it writes.
        if (this.canaryTarget) await this.run('promptops.setCanary', vscode.Uri.file(this.file.workingFile), undefined, this.label, 0);
        return;
      case 'chooseOutcomes': {
        const chosen = await pickOutcomesFile(vscode.Uri.file(path.dirname(this.outcomes.fsPath)));
        if (chosen) await this.useOutcomes(chosen);
        return;
      }
      case 'rendered':
        this.lastShown = message;
        this.shown.fire(message);
        return;
    }
  }

  private async run(command: string, ...args: unknown[]): Promise<void> {
    const result = await vscode.commands.executeCommand(command, ...args);
    this.ran.fire({ command, args, result });
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    clearTimeout(this.pending);
    this.watcher?.dispose();
    this.disposed.fire();
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.panel.dispose();
  }
}

/** The metrics to judge (setting `promptops.canary.metrics`, `NAME` or `NAME:lower`, the first primary); undefined judges every metric of the rows. */
function metricsSetting(): MetricRequest[] | undefined {
  const names = canaryMetricsSetting();
  if (names.length === 0) return undefined;
  const requests = names.filter((name): name is string => typeof name === 'string').map(parseMetricRequest);
  const problem = requests.find((request): request is string => typeof request === 'string');
  if (problem !== undefined) throw new CanaryComparisonError(`The setting promptops.canary.metrics: ${problem}`);
  return requests.filter((request): request is MetricRequest => typeof request !== 'string');
}

/** Whether the report uses always-valid confidence sequences (setting `promptops.canary.sequential`). */
function sequentialSetting(): boolean {
  return canarySequentialSetting();
}

/** Asks for an outcome file (JSON Lines or CSV). */
export async function pickOutcomesFile(near: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const chosen = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Use Outcomes',
    title: 'Outcome rows logged by the application (JSON Lines or CSV)',
    filters: { 'Outcome rows': ['jsonl', 'ndjson', 'json', 'csv'], 'All files': ['*'] },
    ...(near ? { defaultUri: near } : {}),
  });
  return chosen?.[0];
}
