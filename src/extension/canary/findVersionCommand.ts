import * as path from 'node:path';
import * as vscode from 'vscode';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { failureSentence, isProgrammingError } from '../../core/document/errorDescription';
import { findPromptVersions, isSha256, type FoundPromptVersion } from '../../node/promptVersionLookup';
import { readManifestFile } from '../../node/releases/manifestFile';
import { optionalString } from '../commands/commandArguments';
import type { PromptOpsCommand } from '../commands/promptOpsCommand';
import type { ReleaseState } from '../releases/releaseState';
import { versionUri } from '../versions/versionUri';
import { requireTrust } from '../workspaceTrust';

function describe(version: FoundPromptVersion, short: (commit: string) => string): vscode.QuickPickItem & { version: FoundPromptVersion } {
  const labels = [...new Set(version.tenures.map((tenure) => (tenure.kind === 'canary' ? `${tenure.label} canary` : tenure.label)))].join(', ');
  return { label: escapeControlCharacters(version.promptId), description: `${short(version.commit)} · ${escapeControlCharacters(version.path)}`, detail: `${escapeControlCharacters(version.subject)}${labels ? ` · served by ${labels}` : ''}`, version };
}

/**
 * `promptops.findVersion(hashOrCommit?, promptId?)`: opens the prompt version an application's log
 * names by its SHA-256 or commit, read-only as it was at its commit. Asks only for what is missing.
 */
export function findVersionCommand(releaseState: ReleaseState): PromptOpsCommand {
  return {
    id: 'promptops.findVersion',
    run: async (hashOrCommit?: unknown, promptId?: unknown) => {
      if (!requireTrust('find a prompt version')) return undefined;
      const query =
        optionalString(hashOrCommit)?.trim() ??
        (await vscode.window.showInputBox({ prompt: 'SHA-256 or commit of the prompt version (from an application log line)', placeHolder: 'e.g. 3f2a9c1 or a 64-character SHA-256', validateInput: (value) => (value.trim() === '' ? 'Paste a hash or a commit.' : null) }))?.trim();
      if (!query) return undefined;
      const [repository] = await releaseState.repositories();
      if (!repository) {
        void vscode.window.showInformationMessage('No Git repository is open.');
        return undefined;
      }
      try {
        const manifest = readManifestFile(repository.workspace.manifestFile).parsed.manifest;
        const found = (await findPromptVersions(repository.workspace.repository, manifest, query)).filter((version) => optionalString(promptId) === undefined || version.promptId === promptId);
        if (found.length === 0) {
          void vscode.window.showWarningMessage(isSha256(query) ? `No prompt file in this repository's history has SHA-256 ${query.toLowerCase()}.` : `Commit ${escapeControlCharacters(query)} changes no .prompt or .prompty file.`);
          return undefined;
        }
        const { shortShas } = releaseState;
        await shortShas.learn(repository.workspace.repository, found.map((version) => version.commit));
        const chosen = found.length === 1 ? found[0] : (await vscode.window.showQuickPick(found.map((version) => describe(version, shortShas.of)), { placeHolder: `${found.length} prompt versions match ${query}` }))?.version;
        if (!chosen) return undefined;
        const root = repository.workspace.repository.root;
        const uri = versionUri({ workingFile: path.join(root, chosen.path), commit: chosen.commit, path: chosen.path, title: shortShas.of(chosen.commit) });
        await vscode.window.showTextDocument(uri, { preview: true });
        return uri;
      } catch (error) {
        releaseState.log.error('PromptOps could not find the version.', error);
        if (isProgrammingError(error)) throw error;
        void vscode.window.showErrorMessage(`PromptOps could not find the version: ${failureSentence(error)}`, 'Show log').then((chosen) => chosen && releaseState.log.show());
        return undefined;
      }
    },
  };
}
