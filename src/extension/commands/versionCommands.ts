import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import type { ResolvedVersion } from '../../node/promptVersionResolver';
import { readVersionText } from '../../node/renderedVersion';
import { resolveSampleSets } from '../../core/samples/sampleSets';
import { parsePromptDocument } from '../../core/formats/promptFileKind';
import { workingSampleFile } from '../../node/renderedVersion';
import { readManifestFile } from '../../node/releases/manifestFile';
import { versionTitleOf } from '../versions/promptHistory';
import { versionUri } from '../versions/versionUri';
import type { VersionsTree } from '../versions/versionsTree';
import { commandTargetOf, optionalString, withPromptFile, type CommandEnvironment, type CommandTarget } from './commandArguments';
import { pickLabel } from './labelPicker';
import { pickVersion } from './versionPicker';
import type { PromptOpsCommand } from './promptOpsCommand';

/** Whether the editor saves edits by itself (`files.autoSave`), as VS Code in the browser does by default. */
function autoSaveIsOn(uri: vscode.Uri): boolean {
  const setting = vscode.workspace.getConfiguration('files', uri).get<string>('autoSave');
  return setting !== undefined && setting !== 'off';
}

/** What the version commands share: the history, the questions, and how versions are shown. */
interface VersionCommandContext {
  readonly environment: CommandEnvironment;
  readonly history: CommandEnvironment['history'];
  readonly questions: CommandEnvironment['questions'];
  /** The URI that shows a resolved version: the working file itself for WORKING (editable), else a version document. */
  uriOf(file: PromptFileInRepository, version: ResolvedVersion): vscode.Uri;
  titleOf(version: ResolvedVersion): string;
  /** Opens a diff editor between two versions and returns the two URIs it shows. */
  openDiff(file: PromptFileInRepository, from: ResolvedVersion, to: ResolvedVersion): Promise<{ left: vscode.Uri; right: vscode.Uri }>;
}

function versionCommandContext(environment: CommandEnvironment): VersionCommandContext {
  const { history, questions } = environment;
  const uriOf = (file: PromptFileInRepository, version: ResolvedVersion): vscode.Uri =>
    version.kind === 'working' ? vscode.Uri.file(file.workingFile) : versionUri(history.referenceTo(file, version));
  const titleOf = (version: ResolvedVersion): string => versionTitleOf(version, history.shortShas.of);
  const openDiff = async (file: PromptFileInRepository, from: ResolvedVersion, to: ResolvedVersion): Promise<{ left: vscode.Uri; right: vscode.Uri }> => {
    const left = uriOf(file, from);
    const right = uriOf(file, to);
    const name = path.posix.basename(file.path);
    await vscode.commands.executeCommand('vscode.diff', left, right, `${name} (${titleOf(from)}) ↔ (${titleOf(to)})`);
    return { left, right };
  };
  return { environment, history, questions, uriOf, titleOf, openDiff };
}

/** "Previous" of the working copy: the newest commit, or the commit before it when the working copy has not changed. */
async function compareWorkingWithPrevious(context: VersionCommandContext, file: PromptFileInRepository): Promise<{ left: vscode.Uri; right: vscode.Uri }> {
  const { history } = context;
  const latest = await history.resolve(file, 'latest');
  const working = await history.resolve(file, 'WORKING');
  const workingText = await readVersionText(file, working);
  const latestText = await readVersionText(file, latest);
  // An unchanged working copy compares its newest commit with the one before, as "previous" means then.
  if (workingText.ok && latestText.ok && workingText.text === latestText.text && latest.kind === 'commit') {
    const before = await history.previous(file, latest.commit);
    if (!before) throw new Error(`${file.path} has only one version.`);
    return context.openDiff(file, before, latest);
  }
  return context.openDiff(file, latest, working);
}

/** A committed version compared with the version of the prompt before it. */
async function compareCommitWithPrevious(context: VersionCommandContext, file: PromptFileInRepository, wanted: string): Promise<{ left: vscode.Uri; right: vscode.Uri } | undefined> {
  const { history } = context;
  const version = await history.resolve(file, wanted);
  if (version.kind !== 'commit') return undefined;
  const before = await history.previous(file, version.commit);
  if (!before) throw new Error(`${history.shortShas.of(version.commit)} is the first version of ${file.path}.`);
  return context.openDiff(file, before, version);
}

/** The sample set both sides of a rendered diff use: the only one, or the one the user picks; undefined when they cancel. */
async function renderedDiffSampleSet(context: VersionCommandContext, file: PromptFileInRepository): Promise<string | undefined> {
  const samples = workingSampleFile(file);
  const working = await readVersionText(file, await context.history.resolve(file, 'WORKING'));
  const sets = samples.ok && working.ok ? resolveSampleSets(parsePromptDocument(working.text), samples.samples).map((entry) => entry.name) : [];
  if (sets.length <= 1) return sets[0] ?? '';
  return (await context.questions.pick(sets.map((name) => ({ label: name })), { placeHolder: 'Render both versions with which sample set?' }))?.label;
}

/** Opens the rendered diff of two versions, each rendered with the sample set `set`. */
async function openRenderedDiff(context: VersionCommandContext, file: PromptFileInRepository, from: string, to: string, set: string): Promise<{ left: vscode.Uri; right: vscode.Uri }> {
  const { history, titleOf } = context;
  const [fromVersionResolved, toVersionResolved] = [await history.resolve(file, from), await history.resolve(file, to)];
  const left = versionUri(history.referenceTo(file, fromVersionResolved, set));
  const right = versionUri(history.referenceTo(file, toVersionResolved, set));
  const name = path.posix.basename(file.path);
  await vscode.commands.executeCommand('vscode.diff', left, right, `${name} rendered${set ? ` with ${set}` : ''}: ${titleOf(fromVersionResolved)} ↔ ${titleOf(toVersionResolved)}`);
  return { left, right };
}

/** Asks before a restore replaces the working text, saying whether auto save will save it. */
function confirmRestore(context: VersionCommandContext, file: PromptFileInRepository, resolved: ResolvedVersion): Promise<boolean> {
  const working = vscode.Uri.file(file.workingFile);
  // With auto save on (VS Code in the browser has it on by default) the edit is saved like any other.
  const saving = autoSaveIsOn(working)
    ? `Auto save is on (files.autoSave), so the change is saved like any edit; Undo brings the current text back.`
    : 'The editor keeps the change unsaved, and Undo brings the current text back.';
  return context.questions.confirm(`Replace the content of ${path.posix.basename(file.path)} with version ${context.titleOf(resolved)}?`, saving, 'Restore');
}

/** Replaces the working file's text in its editor as one undoable edit, and shows it. */
async function replaceWorkingText(file: PromptFileInRepository, text: string): Promise<vscode.Uri> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file.workingFile));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
  await vscode.window.showTextDocument(document);
  return document.uri;
}

/** Commands on prompt versions (DESIGN §6): open, compare, rendered diff, restore. Each asks only for what it was not given. */
export function versionCommands(environment: CommandEnvironment, tree: VersionsTree): PromptOpsCommand[] {
  const context = versionCommandContext(environment);
  const { history, uriOf, titleOf, openDiff } = context;
  let selectedForCompare: CommandTarget | undefined;

  const withFile = <T>(action: string, argument: unknown, work: (file: PromptFileInRepository, target: CommandTarget) => Promise<T>): Promise<T | undefined> =>
    withPromptFile(environment, action, argument, work);

  return [
    {
      id: 'promptops.openVersion',
      run: (target?: unknown, version?: unknown) =>
        withFile('open the version', target, async (file, chosen) => {
          const wanted = optionalString(version) ?? chosen.version ?? (await pickVersion(environment, file, 'Version to open', { includeWorking: false }));
          if (!wanted) return undefined;
          const uri = uriOf(file, await history.resolve(file, wanted));
          await vscode.window.showTextDocument(uri, { preview: true });
          return uri;
        }),
    },
    {
      id: 'promptops.compareWithPrevious',
      run: (target?: unknown) =>
        withFile('compare with the previous version', target, (file, chosen) =>
          chosen.version === undefined || chosen.version === 'WORKING' ? compareWorkingWithPrevious(context, file) : compareCommitWithPrevious(context, file, chosen.version),
        ),
    },
    {
      id: 'promptops.compareWithWorking',
      run: (target?: unknown, version?: unknown) =>
        withFile('compare with the working copy', target, async (file, chosen) => {
          const wanted = optionalString(version) ?? chosen.version ?? (await pickVersion(environment, file, 'Compare which version with the working copy?', { includeWorking: false }));
          if (!wanted) return undefined;
          return openDiff(file, await history.resolve(file, wanted), await history.resolve(file, 'WORKING'));
        }),
    },
    {
      id: 'promptops.compareWithLabel',
      run: (target?: unknown, label?: unknown) =>
        withFile('compare with a label', target, async (file, chosenTarget) => {
          let chosen = optionalString(label) ?? chosenTarget.label;
          if (!chosen) {
            const manifest = readManifestFile(file.manifestFile).parsed.manifest;
            chosen = await pickLabel(environment, file, `Compare ${path.posix.basename(file.path)} with which label?`, { allowNew: false, manifest });
            if (!chosen) return undefined;
          }
          const version = await history.resolve(file, chosen);
          if (version.kind !== 'commit' || version.label !== chosen) throw new Error(`"${chosen}" is not a release label of ${file.promptId}.`);
          return openDiff(file, version, await history.resolve(file, 'WORKING'));
        }),
    },
    {
      id: 'promptops.compareVersions',
      run: (target?: unknown, fromVersion?: unknown, toVersion?: unknown) =>
        withFile('compare versions', target, async (file, chosen) => {
          const from = optionalString(fromVersion) ?? chosen.version ?? (await pickVersion(environment, file, 'Compare from which version?', { includeWorking: true }));
          if (!from) return undefined;
          const fromTitle = titleOf(await history.resolve(file, from));
          const to = optionalString(toVersion) ?? (await pickVersion(environment, file, `Compare ${fromTitle} with which version?`, { includeWorking: true }));
          if (!to) return undefined;
          return openDiff(file, await history.resolve(file, from), await history.resolve(file, to));
        }),
    },
    {
      id: 'promptops.selectForCompare',
      run: (target?: unknown) => {
        selectedForCompare = commandTargetOf(target);
        void vscode.commands.executeCommand('setContext', 'promptops.hasVersionSelectedForCompare', selectedForCompare !== undefined);
        return selectedForCompare;
      },
    },
    {
      id: 'promptops.compareWithSelected',
      run: (target?: unknown) =>
        withFile('compare with the selected version', target, async (file, chosen) => {
          if (!selectedForCompare) throw new Error('Select a version for compare first.');
          if (selectedForCompare.uri.fsPath !== chosen.uri.fsPath) throw new Error('The selected version belongs to another prompt.');
          return openDiff(file, await history.resolve(file, selectedForCompare.version ?? 'WORKING'), await history.resolve(file, chosen.version ?? 'WORKING'));
        }),
    },
    {
      id: 'promptops.renderedDiff',
      run: (target?: unknown, fromVersion?: unknown, toVersion?: unknown, sampleSet?: unknown) =>
        withFile('show the rendered diff', target, async (file, chosen) => {
          const from = optionalString(fromVersion) ?? (chosen.version && chosen.version !== 'WORKING' ? (await history.previousOf(file, chosen.version)) : undefined) ?? (await pickVersion(environment, file, 'Render from which version?', { includeWorking: true }));
          if (!from) return undefined;
          const to = optionalString(toVersion) ?? chosen.version ?? (await pickVersion(environment, file, 'Render to which version?', { includeWorking: true }));
          if (!to) return undefined;
          const set = optionalString(sampleSet) ?? (await renderedDiffSampleSet(context, file));
          if (set === undefined) return undefined;
          return openRenderedDiff(context, file, from, to, set);
        }),
    },
    {
      id: 'promptops.restoreVersion',
      run: (target?: unknown, version?: unknown) =>
        withFile('restore the version', target, async (file, chosen) => {
          const wanted = optionalString(version) ?? chosen.version ?? (await pickVersion(environment, file, 'Restore which version into the working file?', { includeWorking: false }));
          if (!wanted || wanted === 'WORKING') return undefined;
          const resolved = await history.resolve(file, wanted);
          const text = await readVersionText(file, resolved);
          if (!text.ok) throw new Error(text.problem);
          // Asked from the tree, confirm; called with all its arguments, the caller already decided.
          if ((chosen.fromTree || optionalString(version) === undefined) && !(await confirmRestore(context, file, resolved))) return undefined;
          return replaceWorkingText(file, text.text);
        }),
    },
    {
      id: 'promptops.loadMoreVersions',
      run: (target?: unknown) => {
        const uri = commandTargetOf(target)?.uri;
        return uri ? tree.loadMore(uri) : undefined;
      },
    },
  ];
}
