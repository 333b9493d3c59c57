import * as vscode from 'vscode';
import { promptLanguageOf } from '../../core/formats/promptFileKind';
import type { PromptHistory } from './promptHistory';
import { versionUri } from './versionUri';

/** The label whose version the gutter compares against (setting `promptops.quickDiff.label`). */
export function quickDiffLabelSetting(): string {
  return vscode.workspace.getConfiguration('promptops').get<string>('quickDiff.label') || 'production';
}

/**
 * Gutter changes of a prompt against the version its production label points at (or the label
 * the setting names), falling back to HEAD when the prompt has no such label.
 */
export class ProductionQuickDiff implements vscode.QuickDiffProvider, vscode.Disposable {
  private readonly sourceControl: vscode.SourceControl;

  constructor(private readonly history: PromptHistory) {
    this.sourceControl = vscode.scm.createSourceControl('promptops', 'PromptOps releases');
    this.sourceControl.quickDiffProvider = this;
    this.sourceControl.inputBox.visible = false;
  }

  async provideOriginalResource(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (uri.scheme !== 'file' || !promptLanguageOf(uri.fsPath) || !vscode.workspace.isTrusted) return undefined;
    try {
      const file = await this.history.file(uri.fsPath);
      const label = quickDiffLabelSetting();
      const labelled = file.labels.ok && file.labels.labels.has(label);
      const version = await this.history.resolve(file, labelled ? label : 'HEAD');
      return versionUri(this.history.referenceTo(file, version));
    } catch {
      return undefined; // Not in a repository, or not committed yet: no gutter changes.
    }
  }

  dispose(): void {
    this.sourceControl.dispose();
  }
}
