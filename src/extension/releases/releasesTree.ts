import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReleaseEvent } from '../../core/releases/releaseManifest';
import type { LabelStatus, PromptReleaseStatus } from '../../node/releases/releaseStatus';
import { relativeTime } from '../../core/versions/relativeTime';
import { displayText, markdownText } from '../displayText';
import type { ShortShas } from '../versions/shortShas';
import type { ReleaseState, RepositoryReleases } from './releaseState';

/** A node of the Releases view: prompt → labels (with canary) and its audit log → events. */
export type ReleasesNode =
  | { readonly kind: 'prompt'; readonly repository: RepositoryReleases; readonly prompt: PromptReleaseStatus }
  | { readonly kind: 'label'; readonly repository: RepositoryReleases; readonly prompt: PromptReleaseStatus; readonly label: LabelStatus }
  | { readonly kind: 'auditLog'; readonly repository: RepositoryReleases; readonly prompt: PromptReleaseStatus; readonly events: readonly ReleaseEvent[] }
  | { readonly kind: 'event'; readonly event: ReleaseEvent; readonly index: number }
  | { readonly kind: 'message'; readonly text: string; readonly icon: string };

/** The Releases view: what each label of each prompt serves, canary splits, and the audit log newest first. */
export class ReleasesTree implements vscode.TreeDataProvider<ReleasesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ReleasesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly state: ReleaseState,
    private readonly shortShas: ShortShas,
  ) {
    this.subscription = state.onDidChange(() => this.changed.fire(undefined));
  }

  async getChildren(node?: ReleasesNode): Promise<ReleasesNode[]> {
    if (!node) {
      if (!vscode.workspace.isTrusted) return [{ kind: 'message', text: 'Releases read Git and the release manifest, which PromptOps does only in trusted workspaces.', icon: 'shield' }];
      const repositories = await this.state.repositories();
      const nodes: ReleasesNode[] = [];
      for (const repository of repositories) {
        for (const problem of repository.status.problems.filter((candidate) => candidate.severity === 'error')) {
          nodes.push({ kind: 'message', text: displayText(`${repository.workspace.releasesFile}:${problem.range.start.line + 1}: ${problem.message}`), icon: 'error' });
        }
        nodes.push(...repository.status.prompts.map((prompt): ReleasesNode => ({ kind: 'prompt', repository, prompt })));
      }
      return nodes;
    }
    if (node.kind === 'prompt') {
      const events = node.repository.events.filter((event) => event.prompt === node.prompt.id);
      return [
        ...node.prompt.labels.map((label): ReleasesNode => ({ kind: 'label', repository: node.repository, prompt: node.prompt, label })),
        { kind: 'auditLog', repository: node.repository, prompt: node.prompt, events },
      ];
    }
    if (node.kind === 'auditLog') return [...node.events].reverse().map((event, index) => ({ kind: 'event', event, index }));
    return [];
  }

  /** The parent of a label or an audit log (its prompt), so the view can reveal and select it. */
  getParent(node: ReleasesNode): ReleasesNode | undefined {
    return node.kind === 'label' || node.kind === 'auditLog' ? { kind: 'prompt', repository: node.repository, prompt: node.prompt } : undefined;
  }

  getTreeItem(node: ReleasesNode): vscode.TreeItem {
    switch (node.kind) {
      case 'prompt': {
        const item = new vscode.TreeItem(displayText(node.prompt.id), vscode.TreeItemCollapsibleState.Expanded);
        item.id = releasesNodeId(node);
        item.iconPath = new vscode.ThemeIcon('file-code');
        item.description = node.prompt.file === undefined ? 'no file has this id' : displayText(node.prompt.file);
        if (node.prompt.file) item.resourceUri = vscode.Uri.file(path.join(node.repository.workspace.repository.root, node.prompt.file));
        const drift = node.prompt.workingCopyDiffersFromProduction ? 'The working copy differs from production.' : node.prompt.headDiffersFromProduction ? 'HEAD differs from production.' : '';
        item.tooltip = `${displayText(node.prompt.id)}${node.prompt.file ? ` (${displayText(node.prompt.file)})` : ''}${drift ? `\n${drift}` : ''}`;
        item.contextValue = 'releasePrompt';
        return item;
      }
      case 'label': {
        const { label, target, canary } = node.label;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.id = releasesNodeId(node);
        item.iconPath = new vscode.ThemeIcon(canary ? 'git-compare' : 'tag');
        const short = this.shortShas.of;
        item.description = `${short(target.commit)}${canary ? ` · canary ${canary.weight}% → ${short(canary.commit)}` : ''}`;
        item.tooltip = new vscode.MarkdownString(
          `**${label}** serves \`${target.commit}\`  \n${markdownText(target.path)}  \nsha256 \`${target.sha256}\`${canary ? `  \n\ncanary: ${canary.weight}% of traffic → \`${canary.commit}\`` : ''}`,
        );
        item.contextValue = canary ? 'releaseLabel.canary' : 'releaseLabel';
        if (node.prompt.file) {
          item.command = { command: 'promptops.openVersion', title: 'Open Version', arguments: [vscode.Uri.file(path.join(node.repository.workspace.repository.root, node.prompt.file)), target.commit] };
        }
        return item;
      }
      case 'auditLog': {
        const item = new vscode.TreeItem('Audit log', node.events.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = releasesNodeId(node);
        item.iconPath = new vscode.ThemeIcon('history');
        item.description = `${node.events.length} event${node.events.length === 1 ? '' : 's'}`;
        item.contextValue = 'releaseAuditLog';
        return item;
      }
      case 'event':
        return eventItem(node.event, this.shortShas.of);
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.text;
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** How an audit event reads in a list: `rollback production e552fe6 → 95fda74`. */
export function describeEvent(event: ReleaseEvent, short: (commit: string) => string): string {
  const to = short(event.to);
  const from = event.from ? short(event.from) : 'nothing';
  switch (event.action) {
    case 'canary':
      return `canary ${event.label} ${event.weight ?? '?'}% → ${to}`;
    case 'canary-clear':
      return `canary cleared on ${event.label}`;
    default:
      return `${event.action} ${event.label} ${from} → ${to}`;
  }
}

/** The stable id of a prompt, label or audit log node (events and messages have none): its tree item's id, and what the view selection compares across refreshes. */
export function releasesNodeId(node: Extract<ReleasesNode, { kind: 'prompt' | 'label' | 'auditLog' }>): string;
export function releasesNodeId(node: ReleasesNode): string | undefined;
export function releasesNodeId(node: ReleasesNode): string | undefined {
  switch (node.kind) {
    case 'prompt':
      return `prompt:${node.repository.workspace.repository.root}:${node.prompt.id}`;
    case 'label':
      return `label:${node.repository.workspace.repository.root}:${node.prompt.id}:${node.label.label}`;
    case 'auditLog':
      return `audit:${node.repository.workspace.repository.root}:${node.prompt.id}`;
    default:
      return undefined;
  }
}

/** An audit event: who wrote it, its note and its prompt id are data, shown with control characters (and in the tooltip, Markdown) escaped. */
function eventItem(event: ReleaseEvent, short: (commit: string) => string): vscode.TreeItem {
  const item = new vscode.TreeItem(describeEvent(event, short), vscode.TreeItemCollapsibleState.None);
  const who = displayText(event.by.replace(/\s*<[^>]*>$/, ''));
  item.description = `${who} · ${relativeTime(new Date(event.at), new Date())}${event.note ? ` · ${displayText(event.note)}` : ''}`;
  item.iconPath = new vscode.ThemeIcon(event.action === 'rollback' ? 'discard' : event.action.startsWith('canary') ? 'git-compare' : 'arrow-up');
  const note = event.note ? `  \n\n${markdownText(event.note)}` : '';
  const allowed = event.allowedError === undefined ? '' : `  \n\nreleased with errors allowed: ${markdownText(event.allowedError)}`;
  item.tooltip = new vscode.MarkdownString(
    `**${event.action}** ${markdownText(event.prompt)} \`${event.label}\`  \nfrom \`${event.from ?? '—'}\`  \nto \`${event.to}\`  \nsha256 \`${event.sha256}\`  \nby ${markdownText(event.by)}, ${markdownText(event.at)}${note}${allowed}`,
  );
  return item;
}
