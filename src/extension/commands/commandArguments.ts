import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import type { ReleasesNode } from '../releases/releasesTree';
import type { PromptHistory } from '../versions/promptHistory';
import { parseVersionUri } from '../versions/versionUri';
import type { VersionsNode } from '../versions/versionsTree';
import { requireTrust } from '../workspaceTrust';
import { isPromptLanguage } from '../../core/formats/promptFileKind';

/**
 * What a command's first argument names: the prompt's working file, plus the version or label a
 * tree node or version document carries. `fromTree` tells a click in a view from a call with arguments.
 */
export interface CommandTarget {
  readonly uri: vscode.Uri;
  readonly version?: string;
  readonly label?: string;
  readonly fromTree: boolean;
}

function isPromptDocument(document: vscode.TextDocument): boolean {
  return isPromptLanguage(document.languageId) || document.uri.scheme === 'promptops';
}

/** Reads a command's first argument (a URI, a URI string, a Versions or Releases node), else the prompt in the active editor. */
export function commandTargetOf(argument: unknown): CommandTarget | undefined {
  if (argument instanceof vscode.Uri) {
    const reference = parseVersionUri(argument);
    if (!reference) return { uri: argument, fromTree: false };
    return { uri: vscode.Uri.file(reference.workingFile), ...(reference.commit === 'WORKING' ? {} : { version: reference.commit }), fromTree: false };
  }
  if (typeof argument === 'string' && argument.length > 0) return commandTargetOf(vscode.Uri.parse(argument));
  if (typeof argument === 'object' && argument !== null && 'kind' in argument) {
    const node = argument as VersionsNode | ReleasesNode;
    if (node.kind === 'version') return { uri: node.uri, version: node.version.id, fromTree: true };
    if (node.kind === 'uncommitted') return { uri: node.uri, version: 'WORKING', fromTree: true };
    if (node.kind === 'prompt' && 'uri' in node) return { uri: node.uri, fromTree: true };
    if ((node.kind === 'label' || node.kind === 'prompt' || node.kind === 'auditLog') && 'repository' in node && node.prompt.file) {
      const uri = vscode.Uri.file(path.join(node.repository.workspace.repository.root, node.prompt.file));
      return node.kind === 'label' ? { uri, label: node.label.label, fromTree: true } : { uri, fromTree: true };
    }
  }
  const editor = vscode.window.activeTextEditor;
  return editor && isPromptDocument(editor.document) ? commandTargetOf(editor.document.uri) : undefined;
}

/**
 * Runs a command that needs git on the prompt its argument names: refused with an explanation in
 * untrusted workspaces, and any failure shown as one message instead of thrown at the caller.
 */
export async function withPromptFile<T>(
  history: PromptHistory,
  action: string,
  argument: unknown,
  work: (file: PromptFileInRepository, target: CommandTarget) => Promise<T>,
): Promise<T | undefined> {
  if (!requireTrust(action)) return undefined;
  const target = commandTargetOf(argument);
  if (!target) {
    void vscode.window.showInformationMessage(`Open or select a prompt to ${action}.`);
    return undefined;
  }
  try {
    return await work(await history.file(target.uri.fsPath), target);
  } catch (error) {
    void vscode.window.showErrorMessage(`PromptOps could not ${action}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** An optional string argument of a command. */
export function optionalString(argument: unknown): string | undefined {
  return typeof argument === 'string' ? argument : undefined;
}
