import * as path from 'node:path';
import * as vscode from 'vscode';
import { failureSentence, isProgrammingError } from '../../core/document/errorDescription';
import type { PromptOpsLog } from '../promptOpsLog';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import type { PromptRegistry, RegistryVersionSelector } from '../../core/registry/promptRegistry';
import { RegistryError } from '../../core/registry/registryError';
import { chooseRegistryRollback } from '../../core/registry/registryJournal';
import { latestLabel, parseRegistryVersion, registryLabelProblem } from '../../core/registry/registryLabels';
import { defaultLabel } from '../../core/releases/releaseManifest';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { formatOfLanguage, registryVersionFormat } from '../../core/formats/promptFileKind';
import { checkPullTarget, defaultPullTarget, pullPrompt } from '../../node/registries/pullPrompt';
import { pushPrompt, versionIfAny } from '../../node/registries/pushPrompt';
import { promoteRegistryVersion, rollbackRegistryLabel, type RegistryMoveOutcome } from '../../node/registries/registryLabelMoves';
import { localPromptFile, openRegistryWorkspace, readRegistryJournal, type RegistryWorkspace } from '../../node/registries/registryWorkspace';
import type { PromptOpsCommand } from '../commands/promptOpsCommand';
import { optionalString } from '../commands/commandArguments';
import { registryHostSetting, releasesFileSetting } from '../settings';
import type { RegistryConnection } from './registryConnection';
import type { RegistryDriftDecorations } from './registryDriftDecorations';
import type { RegistryNode, RegistryTree } from './registryTree';
import { registryVersionUri } from './registryUris';

/** Why registry commands do nothing in an untrusted workspace, said once per attempt. */
function registryAllowed(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(`PromptOps cannot ${action} in an untrusted workspace: it would send prompts and API keys to the registry. Trust the workspace to enable it.`);
  return false;
}

/** A prompt name from a command's first argument: a string, or a Registry view node. */
function promptNameOf(argument: unknown): string | undefined {
  if (typeof argument === 'string' && argument.length > 0) return argument;
  if (typeof argument === 'object' && argument !== null && 'kind' in argument) {
    const node = argument as RegistryNode;
    if (node.kind === 'prompt') return node.summary.name;
    if (node.kind === 'version') return node.name;
  }
  return undefined;
}

/** The version a Registry view node carries, as a VERSION argument. */
function nodeVersion(argument: unknown): string | undefined {
  if (typeof argument === 'object' && argument !== null && 'kind' in argument && (argument as RegistryNode).kind === 'version') {
    return String((argument as Extract<RegistryNode, { kind: 'version' }>).version.version);
  }
  return undefined;
}

function selectorOf(text: string): RegistryVersionSelector {
  const parsed = parseRegistryVersion(text);
  if (!parsed.ok) throw new RegistryError('configuration', parsed.problem);
  return parsed.selector;
}

function moveSentence(outcome: RegistryMoveOutcome, verb: string): string {
  if (outcome.kind === 'unchanged') return outcome.message;
  return `${verb} ${escapeControlCharacters(outcome.name)} ${outcome.label} in Langfuse: ${outcome.from === undefined ? 'new label' : `v${outcome.from}`} → v${outcome.to.version}.`;
}

/**
 * The registry commands (DESIGN §6): sign in, push, pull, promote, rollback, open, compare, refresh.
 * Given all their arguments they ask nothing; missing ones are asked for, and label moves, pushes
 * and pulls started from the view are confirmed with what they change (from → to).
 */
export function registryCommands(connection: RegistryConnection, tree: RegistryTree, drift: RegistryDriftDecorations, log: PromptOpsLog): PromptOpsCommand[] {
  const afterChange = (): void => {
    tree.refresh();
    void drift.update();
  };

  /** Runs a registry action: refused when untrusted, asks to sign in without a registry, shows failures as one message. */
  const withRegistry = async <T>(action: string, work: (registry: PromptRegistry, workspace: RegistryWorkspace) => Promise<T>): Promise<T | undefined> => {
    if (!registryAllowed(action)) return undefined;
    const registry = await connection.registry();
    if (!registry) {
      const choice = await vscode.window.showInformationMessage(`Sign in to Langfuse to ${action}.`, 'Sign In');
      if (choice === 'Sign In') await vscode.commands.executeCommand('promptops.registry.signIn');
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0];
    try {
      const workspace = await openRegistryWorkspace(folder?.uri.fsPath ?? process.cwd(), { releasesFile: releasesFileSetting() });
      return await work(registry, workspace);
    } catch (error) {
      // A refusal that names places shows the first one, so the user sees where before why.
      const where = error instanceof ReleaseRefusal && error.details[0] !== undefined ? `${error.details[0]} ` : '';
      log.error(`PromptOps could not ${action}.`, error);
      if (isProgrammingError(error)) throw error;
      void vscode.window.showErrorMessage(`PromptOps could not ${action}: ${where}${failureSentence(error)}`, 'Show log').then((chosen) => chosen && log.show());
      return undefined;
    }
  };

  const pickLabel = async (registry: PromptRegistry, name: string, placeHolder: string): Promise<string | undefined> => {
    const summary = (await registry.listPrompts(1, 1, { name })).prompts.find((prompt) => prompt.name === name);
    const existing = (summary?.labels ?? []).filter((label) => label !== latestLabel);
    const labels = existing.includes(defaultLabel) ? existing : [defaultLabel, ...existing];
    const newLabel = '$(add) New label…';
    const choice = await vscode.window.showQuickPick([...labels, newLabel], { placeHolder });
    if (choice !== newLabel) return choice;
    return vscode.window.showInputBox({ prompt: 'Name of the new label', validateInput: (value) => registryLabelProblem(value) ?? null });
  };

  const openVersion = async (registry: PromptRegistry, name: string, versionText: string): Promise<vscode.Uri> => {
    const version = await registry.getVersion(name, selectorOf(versionText));
    const labels = version.labels.filter((label) => label !== latestLabel);
    return registryVersionUri({ registry: registry.location, name, version: version.version, title: `Langfuse v${version.version}${labels.length > 0 ? ` ${labels.join(', ')}` : ''}`, extension: registryVersionFormat(version.config).extension });
  };

  return [
    {
      id: 'promptops.registry.signIn',
      run: async (host?: unknown, publicKey?: unknown, secretKey?: unknown) => {
        if (!registryAllowed('sign in to a registry')) return undefined;
        const hostText = optionalString(host) ?? (await vscode.window.showInputBox({ prompt: 'Langfuse host URL', value: registryHostSetting() || 'http://localhost:3000', ignoreFocusOut: true }));
        if (!hostText) return undefined;
        const publicText = optionalString(publicKey) ?? (await vscode.window.showInputBox({ prompt: 'Langfuse public key (pk-lf-…)', ignoreFocusOut: true }));
        if (!publicText) return undefined;
        const secretText = optionalString(secretKey) ?? (await vscode.window.showInputBox({ prompt: 'Langfuse secret key (stored in the editor\'s secret storage)', password: true, ignoreFocusOut: true }));
        if (!secretText) return undefined;
        try {
          const state = await connection.signIn(hostText, publicText, secretText);
          tree.refresh();
          void drift.update();
          if (state.kind === 'connected') void vscode.window.showInformationMessage(`Signed in to Langfuse at ${state.host}: ${state.promptCount} prompt${state.promptCount === 1 ? '' : 's'}.`);
          return state;
        } catch (error) {
          log.error('PromptOps could not sign in.', error);
          if (isProgrammingError(error)) throw error;
          void vscode.window.showErrorMessage(`PromptOps could not sign in: ${failureSentence(error)} Nothing was stored.`, 'Show log').then((chosen) => chosen && log.show());
          return undefined;
        }
      },
    },
    {
      id: 'promptops.registry.signOut',
      run: async () => {
        await connection.signOut();
        tree.refresh();
      },
    },
    {
      id: 'promptops.registry.refresh',
      run: async () => {
        tree.refresh();
        await Promise.all([connection.test(), drift.update()]);
      },
    },
    {
      id: 'promptops.registry.loadMore',
      run: (name?: unknown) => (typeof name === 'string' ? tree.loadMoreVersions(name) : tree.loadMorePrompts()),
    },
    {
      id: 'promptops.registry.openVersion',
      run: (argument?: unknown, version?: unknown) =>
        withRegistry('open the registry version', async (registry) => {
          const name = promptNameOf(argument);
          const wanted = optionalString(version) ?? nodeVersion(argument) ?? defaultLabel;
          if (!name) return undefined;
          const uri = await openVersion(registry, name, wanted);
          await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
          return uri;
        }),
    },
    {
      id: 'promptops.registry.compare',
      run: (argument?: unknown, fromVersion?: unknown, toVersion?: unknown) =>
        withRegistry('compare the registry version', async (registry, workspace) => {
          const name = promptNameOf(argument);
          if (!name) return undefined;
          const from = optionalString(fromVersion) ?? nodeVersion(argument) ?? defaultLabel;
          const to = optionalString(toVersion) ?? 'WORKING';
          const left = await openVersion(registry, name, from);
          let right: vscode.Uri;
          let rightTitle: string;
          if (to === 'WORKING') {
            const local = localPromptFile(workspace, name);
            if (!local) throw new ReleaseRefusal(`no prompt file in this workspace has the id ${escapeControlCharacters(name)}.`);
            right = vscode.Uri.file(local);
            rightTitle = 'working copy';
          } else {
            right = await openVersion(registry, name, to);
            rightTitle = `Langfuse ${to}`;
          }
          await vscode.commands.executeCommand('vscode.diff', left, right, `${path.posix.basename(name)}: Langfuse ${from} ↔ ${rightTitle}`);
          return { left, right };
        }),
    },
    {
      id: 'promptops.registry.promote',
      run: (argument?: unknown, version?: unknown, label?: unknown) =>
        withRegistry('promote the registry version', async (registry, workspace) => {
          const name = promptNameOf(argument);
          if (!name) return undefined;
          const complete = optionalString(version) !== undefined && optionalString(label) !== undefined;
          const wanted = optionalString(version) ?? nodeVersion(argument) ?? (await vscode.window.showInputBox({ prompt: `Promote which version of ${name}? (a number or a label)` }));
          if (!wanted) return undefined;
          const labelName = optionalString(label) ?? (await pickLabel(registry, name, `Promote v${wanted} of ${name} to which label?`));
          if (!labelName) return undefined;
          if (!complete) {
            const target = await registry.getVersion(name, selectorOf(wanted));
            const current = await versionIfAny(registry, name, { label: labelName });
            const answer = await vscode.window.showWarningMessage(`Promote ${name} to ${labelName} in Langfuse?`, { modal: true, detail: `${current ? `v${current.version}` : 'new label'} → v${target.version}` }, 'Promote');
            if (answer !== 'Promote') return undefined;
          }
          const outcome = await promoteRegistryVersion(workspace, registry, { name, selector: selectorOf(wanted), label: labelName });
          void vscode.window.showInformationMessage(moveSentence(outcome, 'Promoted'));
          afterChange();
          return outcome;
        }),
    },
    {
      id: 'promptops.registry.rollback',
      run: (argument?: unknown, label?: unknown, toVersion?: unknown) =>
        withRegistry('roll back the registry label', async (registry, workspace) => {
          const name = promptNameOf(argument);
          if (!name) return undefined;
          const complete = optionalString(label) !== undefined;
          const labelName = optionalString(label) ?? (await pickLabel(registry, name, `Roll back which label of ${name}?`));
          if (!labelName) return undefined;
          const toText = optionalString(toVersion);
          let to: number | undefined;
          if (toText !== undefined) {
            const selector = selectorOf(toText);
            to = 'version' in selector ? selector.version : (await registry.getVersion(name, selector)).version;
          }
          if (!complete) {
            const current = await versionIfAny(registry, name, { label: labelName });
            const choice = chooseRegistryRollback(readRegistryJournal(workspace).entries, { registry: registry.location, prompt: name, label: labelName }, current?.version, to);
            if (choice.kind === 'refused') throw new ReleaseRefusal(choice.reason);
            if (choice.kind === 'unchanged') throw new ReleaseRefusal(choice.message);
            const answer = await vscode.window.showWarningMessage(`Roll ${name} ${labelName} back in Langfuse?`, { modal: true, detail: `v${choice.from} → v${choice.to}` }, 'Roll Back');
            if (answer !== 'Roll Back') return undefined;
          }
          const outcome = await rollbackRegistryLabel(workspace, registry, { name, label: labelName, to });
          void vscode.window.showInformationMessage(moveSentence(outcome, 'Rolled back'));
          afterChange();
          return outcome;
        }),
    },
    {
      id: 'promptops.registry.push',
      run: (argument?: unknown, label?: unknown, flatten?: unknown) =>
        withRegistry('push the prompt', async (registry, workspace) => {
          const given = argument instanceof vscode.Uri ? argument : typeof argument === 'string' ? vscode.Uri.parse(argument) : undefined;
          const document = vscode.window.activeTextEditor?.document;
          const uri = given ?? (document && formatOfLanguage(document.languageId) && document.uri.scheme === 'file' ? document.uri : undefined);
          if (!uri) {
            void vscode.window.showInformationMessage('Open a .prompt file to push it to Langfuse.');
            return undefined;
          }
          let labelName = optionalString(label);
          if (given === undefined) {
            const choice = await vscode.window.showQuickPick([defaultLabel, 'staging', 'No label'], { placeHolder: `Push ${path.basename(uri.fsPath)} as a new Langfuse version with which label?` });
            if (choice === undefined) return undefined;
            labelName = choice === 'No label' ? undefined : choice;
          }
          await vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString())?.save();
          const push = (asFlattened: boolean) => pushPrompt(workspace, registry, { file: uri.fsPath, label: labelName, flatten: asFlattened });
          let outcome;
          try {
            outcome = await push(flatten === true);
          } catch (error) {
            if (given !== undefined || !(error instanceof ReleaseRefusal) || !error.message.includes('--flatten')) throw error;
            const answer = await vscode.window.showWarningMessage(error.message.replace(/; pass --flatten to/, '. Push'), { modal: true }, 'Push Rendered Shape');
            if (answer !== 'Push Rendered Shape') return undefined;
            outcome = await push(true);
          }
          const moved = labelName === undefined ? '' : ` with ${labelName}`;
          const sentence = outcome.kind === 'created' ? `Pushed ${escapeControlCharacters(outcome.name)} to Langfuse as v${outcome.version.version}${moved}.` : outcome.kind === 'labelled' ? `Langfuse already had these bytes as v${outcome.version.version}; moved ${labelName ?? ''} there.` : `Langfuse already has these bytes as v${outcome.version.version}. Nothing to do.`;
          void vscode.window.showInformationMessage([sentence, ...outcome.warnings].join(' '));
          afterChange();
          return outcome;
        }),
    },
    {
      id: 'promptops.registry.pull',
      run: (argument?: unknown, versionOrLabel?: unknown, targetUri?: unknown) =>
        withRegistry('pull the registry version', async (registry, workspace) => {
          const name = promptNameOf(argument);
          if (!name) return undefined;
          const complete = optionalString(versionOrLabel) !== undefined && targetUri instanceof vscode.Uri;
          const wanted = optionalString(versionOrLabel) ?? nodeVersion(argument) ?? defaultLabel;
          const version = await registry.getVersion(name, selectorOf(wanted));
          const target = targetUri instanceof vscode.Uri ? targetUri.fsPath : defaultPullTarget(workspace.root, name, version);
          // Refused before the user is asked anything: outside the workspace, not a prompt file, uncommitted changes.
          await checkPullTarget(workspace, target);
          if (!complete) {
            const answer = await vscode.window.showWarningMessage(`Pull ${name} ${/^\d+$/.test(wanted) ? `v${wanted}` : wanted} from Langfuse?`, { modal: true, detail: `It is written to ${path.relative(workspace.root, target)}.` }, 'Pull');
            if (answer !== 'Pull') return undefined;
          }
          const outcome = await pullPrompt(workspace, registry, { name, selector: selectorOf(wanted), out: target, version });
          if (!complete) await vscode.window.showTextDocument(vscode.Uri.file(outcome.file));
          void vscode.window.showInformationMessage(`Wrote ${outcome.displayPath} from ${escapeControlCharacters(name)} v${outcome.version.version}${outcome.exact ? ' (the file it was pushed from)' : ''}.`);
          void drift.update();
          return outcome;
        }),
    },
  ];
}
