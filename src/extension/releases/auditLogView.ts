import * as path from 'node:path';
import * as vscode from 'vscode';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import type { ReleaseEvent } from '../../core/releases/releaseManifest';
import { relativeTime } from '../../core/versions/relativeTime';
import { isFromAuditLog, type AuditLogRow, type AuditLogState, type FromAuditLog, type ToAuditLog } from '../../webview/auditLogProtocol';
import { webviewPageHtml } from '../preview/previewHtml';
import type { PromptOpsLog } from '../promptOpsLog';
import type { ShortShas } from '../versions/shortShas';
import type { ReleaseState, RepositoryReleases } from './releaseState';
import { receiveCheckedMessages } from '../webviewMessages';

/** What the page last reported showing; integration tests read it. */
export type AuditLogSnapshot = Omit<Extract<FromAuditLog, { type: 'rendered' }>, 'type'>;

export const auditLogViewType = 'promptops.auditLog';

/** The audit log rows, newest first: who moved which label from where to where and why, every text escaped. */
export function auditLogRows(events: readonly ReleaseEvent[], comparable: (event: ReleaseEvent) => boolean, short: (commit: string) => string, now: Date): AuditLogRow[] {
  return events
    .map((event, index): AuditLogRow => ({
      index,
      at: escapeControlCharacters(event.at),
      ago: relativeTime(new Date(event.at), now),
      who: escapeControlCharacters(event.by.replace(/\s*<[^>]*>$/, '')),
      whoInFull: escapeControlCharacters(event.by),
      action: event.action === 'canary' && event.weight !== undefined ? `canary ${event.weight}%` : event.action,
      prompt: escapeControlCharacters(event.prompt),
      label: escapeControlCharacters(event.label),
      from: event.from === null ? undefined : short(event.from),
      to: short(event.to),
      comparable: event.from !== null && comparable(event),
      note: escapeControlCharacters(event.note),
      allowedError: event.allowedError === undefined ? undefined : escapeControlCharacters(event.allowedError),
    }))
    .reverse();
}

/** One audit log page: the events of a repository's manifest (or of one prompt) as a table, redrawn when the manifest changes. */
export class AuditLogView implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<AuditLogSnapshot>();
  /** Fires each time the page has drawn a new state. */
  readonly onDidShow = this.shown.event;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private lastShown: AuditLogSnapshot | undefined;
  private events: readonly ReleaseEvent[] = [];
  private repository: RepositoryReleases | undefined;
  private isDisposed = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly root: string,
    readonly prompt: string | undefined,
    private readonly state: ReleaseState,
    private readonly shortShas: ShortShas,
    extensionUri: vscode.Uri,
    log: PromptOpsLog,
  ) {
    panel.webview.html = webviewPageHtml(panel.webview, extensionUri, { script: 'auditLog.js', style: 'auditLog.css', title: 'Audit log' });
    this.subscriptions.push(
      receiveCheckedMessages(panel.webview, 'audit log page', isFromAuditLog, log, (message) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      state.onDidChange(() => void this.update()),
      this.shown,
      this.disposed,
    );
  }

  /** The page's last reported contents once one satisfies `accept` (the next ones otherwise). */
  snapshot(accept: (snapshot: AuditLogSnapshot) => boolean = () => true): Promise<AuditLogSnapshot> {
    if (this.lastShown && accept(this.lastShown)) return Promise.resolve(this.lastShown);
    return new Promise((resolve) => {
      const listener = this.onDidShow((snapshot) => {
        if (!accept(snapshot)) return;
        listener.dispose();
        resolve(snapshot);
      });
    });
  }

  /** Reads the manifest's events again and sends the table to the page. */
  async update(): Promise<void> {
    const repository = (await this.state.repositories()).find((candidate) => candidate.workspace.repository.root === this.root);
    this.repository = repository;
    this.events = (repository?.events ?? []).filter((event) => this.prompt === undefined || event.prompt === this.prompt);
    if (repository) await this.shortShas.learn(repository.workspace.repository, this.events.flatMap((event) => (event.from === null ? [event.to] : [event.from, event.to])));
    const releasesFile = repository?.workspace.releasesFile ?? 'prompt-releases.yaml';
    const count = `${this.events.length} event${this.events.length === 1 ? '' : 's'}`;
    const state: AuditLogState = {
      title: `Audit log${this.prompt === undefined ? '' : ` of ${escapeControlCharacters(this.prompt)}`}`,
      summary: repository ? `${count} from ${releasesFile}, newest first. Click a change to compare its two versions.` : `No release manifest found in ${this.root}.`,
      showPrompt: this.prompt === undefined,
      rows: auditLogRows(this.events, (event) => this.fileOf(event.prompt) !== undefined, this.shortShas.of, new Date()),
    };
    this.panel.title = state.title;
    const message: ToAuditLog = { type: 'state', state };
    await this.panel.webview.postMessage(message);
  }

  /** The working file of a prompt id, when the working tree has one. */
  private fileOf(prompt: string): vscode.Uri | undefined {
    const file = this.repository?.status.prompts.find((candidate) => candidate.id === prompt)?.file;
    return file === undefined || !this.repository ? undefined : vscode.Uri.file(path.join(this.repository.workspace.repository.root, file));
  }

  private async receive(message: FromAuditLog): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.update();
      case 'compare': {
        const event = this.events[message.index];
        const uri = event ? this.fileOf(event.prompt) : undefined;
        if (event?.from && uri) await vscode.commands.executeCommand('promptops.compareVersions', uri, event.from, event.to);
        return;
      }
      case 'rendered':
        this.lastShown = message;
        this.shown.fire(message);
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

/** Opens one audit log page per repository and prompt (or all prompts), and reveals it when asked again. */
export class AuditLogViews implements vscode.Disposable {
  private readonly views = new Map<string, AuditLogView>();

  constructor(
    private readonly state: ReleaseState,
    private readonly shortShas: ShortShas,
    private readonly extensionUri: vscode.Uri,
    private readonly log: PromptOpsLog,
  ) {}

  /** Opens (or reveals) the audit log of the repository at `root`, of one prompt when `prompt` is given. */
  open(root: string, prompt: string | undefined): AuditLogView {
    const key = `${root}\n${prompt ?? ''}`;
    const existing = this.views.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Active);
      void existing.update();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(auditLogViewType, 'Audit log', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    const view = new AuditLogView(panel, root, prompt, this.state, this.shortShas, this.extensionUri, this.log);
    this.views.set(key, view);
    view.onDidDispose(() => this.views.delete(key));
    return view;
  }

  dispose(): void {
    for (const view of this.views.values()) view.dispose();
    this.views.clear();
  }
}
