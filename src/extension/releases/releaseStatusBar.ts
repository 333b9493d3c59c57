import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { formatOfLanguage } from '../../core/formats/promptFileKind';
import { defaultLabel } from '../../core/releases/releaseManifest';
import type { PromptHistory } from '../versions/promptHistory';
import type { LivePublishing, LiveState } from './livePublishing';
import type { ReleaseState } from './releaseState';

/**
 * The status bar item of the active prompt: the version production serves, and whether the
 * editor's content (saved or not) differs from it; with live publishing on, when the flags went
 * live or that they differ from the manifest. Clicking it compares with production.
 */
export class ReleaseStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('promptops.release', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private current: Promise<void> = Promise.resolve();

  constructor(
    private readonly history: PromptHistory,
    private readonly state: ReleaseState,
    private readonly live: LivePublishing,
  ) {
    this.item.name = 'PromptOps Release';
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((event) => event.document === vscode.window.activeTextEditor?.document && this.schedule(300)),
      state.onDidChange(() => this.schedule(0)),
      live.onDidChange(() => this.schedule(0)),
    ];
    this.schedule(0);
  }

  /** What the item shows now (tests read it). */
  get text(): string {
    return this.item.text;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  /** Recomputes the item for the active editor; resolves once the newest recomputation has finished. */
  async update(): Promise<void> {
    let mine = this.compute(++this.generation);
    this.current = mine;
    await mine;
    while (this.current !== mine) {
      mine = this.current;
      await mine;
    }
  }

  private async compute(generation: number): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.uri.scheme !== 'file' || formatOfLanguage(document.languageId) === undefined || !vscode.workspace.isTrusted) {
      if (generation === this.generation) this.item.hide();
      return;
    }
    let text: string;
    let tooltip: string;
    let command: vscode.Command | undefined;
    try {
      // The located file (and its labels) is cached until a refresh or a release command clears it.
      const file = await this.history.file(document.uri.fsPath);
      const production = file.labels.ok ? file.labels.labels.get(defaultLabel) : undefined;
      if (!production) {
        text = '$(tag) not in production';
        tooltip = `${file.promptId} has no ${defaultLabel} label in ${file.releasesFile}.`;
      } else {
        const short = this.history.shortShas.of;
        const canary = file.labels.ok ? file.labels.canaries.get(defaultLabel) : undefined;
        const editorHash = createHash('sha256').update(document.getText(), 'utf8').digest('hex');
        const differs = editorHash !== production.sha256;
        // One part per fact, in reading order: what the label serves, its canary, how the editor compares.
        const parts = [`$(tag) ${defaultLabel} ${short(production.commit)}`];
        if (canary) parts.push(`· canary ${canary.weight}% → ${short(canary.commit)}`);
        parts.push(differs ? '$(diff-modified) differs' : '$(check)');
        text = parts.join(' ');
        const serving = canary
          ? `${defaultLabel} serves ${short(production.commit)} to ${100 - canary.weight}% of traffic and its canary ${short(canary.commit)} to ${canary.weight}%`
          : `${defaultLabel} serves ${short(production.commit)}`;
        tooltip = differs ? `${serving}; this editor differs from ${short(production.commit)}. Click to compare.` : `${serving}; this editor matches it.`;
        command = { command: 'promptops.compareWithLabel', title: `Compare with ${defaultLabel}`, arguments: [document.uri, defaultLabel] };
      }
    } catch (error) {
      this.state.log.warning(`The release status bar item has nothing to show for ${document.uri.fsPath}.`, error);
      if (generation === this.generation) this.item.hide(); // Not in a repository: nothing to say.
      return;
    }
    if (generation !== this.generation) return;
    const live = liveText(this.live.live);
    this.item.text = live ? `${text} · ${live.text}` : text;
    this.item.tooltip = live ? `${tooltip}\n${live.tooltip}` : tooltip;
    this.item.command = command;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** The live-delivery part of the item: when the flags were published, or that they differ from the manifest. */
function liveText(state: LiveState): { text: string; tooltip: string } | undefined {
  if (state.kind === 'off') return undefined;
  if (state.kind === 'in-sync') return { text: `live: published ${clockTime(state.publishedAt)}`, tooltip: `Running services read ${state.file}, published at ${clockTime(state.publishedAt)}; it matches the release manifest.` };
  if (state.kind === 'differs') return { text: '$(warning) live: differs', tooltip: state.reason };
  return { text: '$(question) live', tooltip: `The published flags cannot be compared with the manifest: ${state.reason}` };
}

/** hh:mm:ss in local time. */
function clockTime(at: Date): string {
  return [at.getHours(), at.getMinutes(), at.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}
