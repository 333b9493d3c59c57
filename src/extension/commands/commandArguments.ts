import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import type { ReleasesNode } from '../releases/releasesTree';
import type { PromptHistory } from '../versions/promptHistory';
import { parseVersionUri } from '../versions/versionUri';
import type { VersionsNode } from '../versions/versionsTree';
import { requireTrust } from '../workspaceTrust';
import type { UserQuestions } from './userQuestions';
import type { ViewSelection } from './viewSelection';
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

/** What commands on prompts share: git access, how they ask the user, what the views have selected, and the workspace's prompt files. */
export interface CommandEnvironment {
  readonly history: PromptHistory;
  readonly questions: UserQuestions;
  readonly selection: ViewSelection;
  /** The prompt files of the workspace, to ask which one when nothing names a prompt. */
  promptFiles(): Promise<vscode.Uri[]>;
}

function isPromptDocument(document: vscode.TextDocument): boolean {
  return isPromptLanguage(document.languageId) || document.uri.scheme === 'promptops';
}

/** Reads a command's first argument (a URI, a URI string, a Versions or Releases node), else the prompt in the active editor. */
export function commandTargetOf(argument: unknown): CommandTarget | undefined {
  const given = targetOfArgument(argument);
  if (given) return given;
  const editor = vscode.window.activeTextEditor;
  return editor && isPromptDocument(editor.document) ? targetOfArgument(editor.document.uri) : undefined;
}

function targetOfArgument(argument: unknown): CommandTarget | undefined {
  if (argument instanceof vscode.Uri) {
    const reference = parseVersionUri(argument);
    if (!reference) return { uri: argument, fromTree: false };
    return { uri: vscode.Uri.file(reference.workingFile), ...(reference.commit === 'WORKING' ? {} : { version: reference.commit }), fromTree: false };
  }
  if (typeof argument === 'string' && argument.length > 0) return targetOfArgument(vscode.Uri.parse(argument));
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
  return undefined;
}

/**
 * The prompt a command acts on (DESIGN §6): its argument; else the prompt in the active editor; else
 * what is selected in the Versions or Releases view; else the one the user picks among the
 * workspace's prompt files. Undefined when the user dismisses the pick, or there is nothing to pick (then it says so).
 */
export async function resolveCommandTarget(environment: CommandEnvironment, argument: unknown, action: string): Promise<CommandTarget | undefined> {
  const found = commandTargetOf(argument) ?? targetOfArgument(environment.selection.latest());
  if (found) return found;
  const files = await environment.promptFiles();
  if (files.length === 0) {
    void environment.questions.tell('information', `This workspace has no .prompt or .prompty file to ${action}.`);
    return undefined;
  }
  const items = files.map((uri) => ({ label: path.basename(uri.fsPath), description: vscode.workspace.asRelativePath(path.dirname(uri.fsPath), false), uri }));
  const chosen = await environment.questions.pick(items, { placeHolder: 'Which prompt?', matchOnDescription: true });
  return chosen ? { uri: chosen.uri, fromTree: false } : undefined;
}

/**
 * Runs a command that needs git on the prompt its argument names (or the one resolveCommandTarget
 * finds): refused with an explanation in untrusted workspaces, and any failure logged with its cause
 * and shown as one sentence instead of thrown at the caller (programming errors are thrown on).
 */
export async function withPromptFile<T>(
  environment: CommandEnvironment,
  action: string,
  argument: unknown,
  work: (file: PromptFileInRepository, target: CommandTarget) => Promise<T>,
): Promise<T | undefined> {
  if (!requireTrust(action)) return undefined;
  const target = await resolveCommandTarget(environment, argument, action);
  if (!target) return undefined;
  try {
    return await work(await environment.history.file(target.uri.fsPath), target);
  } catch (error) {
    environment.questions.fail(action, error);
    return undefined;
  }
}

/** An optional string argument of a command. */
export function optionalString(argument: unknown): string | undefined {
  return typeof argument === 'string' ? argument : undefined;
}
