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

/** Commands on prompt versions (DESIGN §6): open, compare, rendered diff, restore. Each asks only for what it was not given. */
export function versionCommands(environment: CommandEnvironment, tree: VersionsTree): PromptOpsCommand[] {
  const { history, questions } = environment;
  let selectedForCompare: CommandTarget | undefined;

  const withFile = <T>(action: string, argument: unknown, work: (file: PromptFileInRepository, target: CommandTarget) => Promise<T>): Promise<T | undefined> =>
    withPromptFile(environment, action, argument, work);

  /** The URI that shows a resolved version: the working file itself for WORKING (editable), else a version document. */
  const uriOf = (file: PromptFileInRepository, version: ResolvedVersion): vscode.Uri =>
    version.kind === 'working' ? vscode.Uri.file(file.workingFile) : versionUri(history.referenceTo(file, version));
  const titleOf = (version: ResolvedVersion): string => versionTitleOf(version, history.shortShas.of);

  /** Opens a diff editor between two versions and returns the two URIs it shows. */
  const openDiff = async (file: PromptFileInRepository, from: ResolvedVersion, to: ResolvedVersion): Promise<{ left: vscode.Uri; right: vscode.Uri }> => {
    const left = uriOf(file, from);
    const right = uriOf(file, to);
    const name = path.posix.basename(file.path);
    await vscode.commands.executeCommand('vscode.diff', left, right, `${name} (${titleOf(from)}) ↔ (${titleOf(to)})`);
    return { left, right };
  };

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
        withFile('compare with the previous version', target, async (file, chosen) => {
          if (chosen.version === undefined || chosen.version === 'WORKING') {
            const latest = await history.resolve(file, 'latest');
            const working = await history.resolve(file, 'WORKING');
            const workingText = await readVersionText(file, working);
            const latestText = await readVersionText(file, latest);
            // An unchanged working copy compares its newest commit with the one before, as "previous" means then.
            if (workingText.ok && latestText.ok && workingText.text === latestText.text && latest.kind === 'commit') {
              const before = await history.previous(file, latest.commit);
              if (!before) throw new Error(`${file.path} has only one version.`);
              return openDiff(file, before, latest);
            }
            return openDiff(file, latest, working);
          }
          const version = await history.resolve(file, chosen.version);
          if (version.kind !== 'commit') return undefined;
          const before = await history.previous(file, version.commit);
          if (!before) throw new Error(`${history.shortShas.of(version.commit)} is the first version of ${file.path}.`);
          return openDiff(file, before, version);
        }),
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
          let set = optionalString(sampleSet);
          if (set === undefined) {
            const samples = workingSampleFile(file);
            const working = await readVersionText(file, await history.resolve(file, 'WORKING'));
            const sets = samples.ok && working.ok ? resolveSampleSets(parsePromptDocument(working.text), samples.samples).map((entry) => entry.name) : [];
            set = sets.length > 1 ? (await questions.pick(sets.map((name) => ({ label: name })), { placeHolder: 'Render both versions with which sample set?' }))?.label : (sets[0] ?? '');
            if (set === undefined) return undefined;
          }
          const [fromVersionResolved, toVersionResolved] = [await history.resolve(file, from), await history.resolve(file, to)];
          const left = versionUri(history.referenceTo(file, fromVersionResolved, set));
          const right = versionUri(history.referenceTo(file, toVersionResolved, set));
          const name = path.posix.basename(file.path);
          await vscode.commands.executeCommand('vscode.diff', left, right, `${name} rendered${set ? ` with ${set}` : ''}: ${titleOf(fromVersionResolved)} ↔ ${titleOf(toVersionResolved)}`);
          return { left, right };
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
          if (chosen.fromTree || optionalString(version) === undefined) {
            const working = vscode.Uri.file(file.workingFile);
            // With auto save on (VS Code in the browser has it on by default) the edit is saved like any other.
            const saving = autoSaveIsOn(working)
              ? `Auto save is on (files.autoSave), so the change is saved like any edit; Undo brings the current text back.`
              : 'The editor keeps the change unsaved, and Undo brings the current text back.';
            const confirmed = await questions.confirm(`Replace the content of ${path.posix.basename(file.path)} with version ${titleOf(resolved)}?`, saving, 'Restore');
            if (!confirmed) return undefined;
          }
          const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file.workingFile));
          const edit = new vscode.WorkspaceEdit();
          edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text.text);
          await vscode.workspace.applyEdit(edit);
          await vscode.window.showTextDocument(document);
          return document.uri;
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
