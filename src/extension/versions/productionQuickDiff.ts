import * as vscode from 'vscode';
import { promptLanguageOf } from '../../core/formats/promptFileKind';
import { GitError } from '../../node/git/gitError';
import type { PromptOpsLog } from '../promptOpsLog';
import { onDidChangeSettings, quickDiffLabelSetting } from '../settings';
import type { PromptHistory } from './promptHistory';
import { versionUri } from './versionUri';


const expectedWithoutHistory = new Set(['notARepository', 'noCommits', 'pathNotInRevision']);

/**
 * Gutter changes of a prompt against the version its production label points at (or the label
 * the setting names), falling back to HEAD when the prompt has no such label.
 */
export class ProductionQuickDiff implements vscode.QuickDiffProvider, vscode.Disposable {
  private sourceControl: vscode.SourceControl;
  private readonly settings: vscode.Disposable;

  constructor(
    private readonly history: PromptHistory,
    private readonly log: PromptOpsLog,
  ) {
    this.sourceControl = this.createSourceControl();
    // VS Code keeps the original resources it was given: a new source control makes it ask again.
    this.settings = onDidChangeSettings(['quickDiff.label', 'releasesFile'], () => {
      this.sourceControl.dispose();
      this.history.clear();
      this.sourceControl = this.createSourceControl();
    });
  }

  private createSourceControl(): vscode.SourceControl {
    const sourceControl = vscode.scm.createSourceControl('promptops', 'PromptOps releases');
    sourceControl.quickDiffProvider = this;
    sourceControl.inputBox.visible = false;
    return sourceControl;
  }

  async provideOriginalResource(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (uri.scheme !== 'file' || !promptLanguageOf(uri.fsPath) || !vscode.workspace.isTrusted) return undefined;
    try {
      const file = await this.history.file(uri.fsPath);
      const label = quickDiffLabelSetting();
      const labelled = file.labels.ok && file.labels.labels.has(label);
      const version = await this.history.resolve(file, labelled ? label : 'HEAD');
      return versionUri(this.history.referenceTo(file, version));
    } catch (error) {
      // Not in a repository, or not committed yet: no gutter changes, and nothing worth logging.
      if (!(error instanceof GitError && expectedWithoutHistory.has(error.kind))) this.log.warning(`The gutter cannot compare ${uri.fsPath} with its released version.`, error);
      return undefined;
    }
  }

  dispose(): void {
    this.settings.dispose();
    this.sourceControl.dispose();
  }
}
