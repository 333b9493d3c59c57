import * as vscode from 'vscode';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import type { ReleaseEvent } from '../../core/releases/releaseManifest';
import type { ReleaseState } from './releaseState';

export const auditScheme = 'promptops-audit';

/** The audit log of a repository's manifest (optionally of one prompt) as a read-only Markdown document, newest first. */
export class AuditLogDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly state: ReleaseState) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(auditScheme, this),
      state.onDidChange(() => {
        for (const uri of this.open) this.changed.fire(vscode.Uri.parse(uri));
      }),
      this.changed,
    ];
  }

  /** The URI of the audit log of the repository at `root`, of one prompt when `prompt` is given. */
  static uriOf(root: string, prompt?: string): vscode.Uri {
    const name = prompt ? `audit log of ${prompt.replace(/\//g, '∕')}.md` : 'audit log.md';
    return vscode.Uri.from({ scheme: auditScheme, path: `${root}/${name}`, query: JSON.stringify({ root, prompt: prompt ?? null }) });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    this.open.add(uri.toString());
    const { root, prompt } = JSON.parse(uri.query) as { root: string; prompt: string | null };
    const repository = (await this.state.repositories()).find((candidate) => candidate.workspace.repository.root === root);
    if (!repository) return `# Audit log\n\nNo release manifest found in ${root}.\n`;
    const events = repository.events.filter((event) => prompt === null || event.prompt === prompt);
    return auditLogMarkdown(repository.workspace.releasesFile, prompt, events);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** A table cell from text in the manifest: control characters escaped (a note cannot forge rows or lines), pipes escaped. */
function cell(text: string): string {
  return escapeControlCharacters(text).replace(/\|/g, '\\|');
}

/** The events newest first as a Markdown table: when, who, what moved from where to where, and why. */
export function auditLogMarkdown(releasesFile: string, prompt: string | null, events: readonly ReleaseEvent[]): string {
  const lines = [
    `# Audit log${prompt ? ` of ${escapeControlCharacters(prompt)}` : ''}`,
    '',
    `${events.length} event${events.length === 1 ? '' : 's'} from \`${releasesFile}\`, newest first.`,
    '',
    '| When | Who | Action | Prompt | Label | From | To | SHA-256 | Note |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const event of [...events].reverse()) {
    const action = event.action === 'canary' && event.weight !== undefined ? `canary ${event.weight}%` : event.action;
    const note = event.allowedError === undefined ? event.note : `${event.note}${event.note ? ' ' : ''}(released with errors allowed: ${event.allowedError})`;
    lines.push(`| ${cell(event.at)} | ${cell(event.by)} | ${action} | ${cell(event.prompt)} | ${cell(event.label)} | ${event.from ? event.from.slice(0, 7) : '—'} | ${event.to.slice(0, 7)} | ${event.sha256.slice(0, 12)}… | ${cell(note)} |`);
  }
  return `${lines.join('\n')}\n`;
}
