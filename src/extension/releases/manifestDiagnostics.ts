import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseReleaseManifest } from '../../core/releases/manifestParser';
import { checkManifestTargets } from '../../node/releases/manifestTargetCheck';
import { toVscodeRange } from '../diagnostics/toVscodeDiagnostic';
import { releasesFileSetting } from '../versions/promptHistory';
import type { ReleaseState } from './releaseState';

const checkDelayMs = 300;

/**
 * Diagnostics on the release manifest itself: what does not parse or break the format, then
 * (in trusted workspaces, since it runs git) prompts that do not exist, commits the repository
 * lacks and SHA-256 values that do not match the file at that commit.
 */
export class ManifestDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('promptops-releases');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly state: ReleaseState) {
    this.subscriptions = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document, checkDelayMs)),
      vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)),
    ];
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (document.uri.scheme !== 'file' || path.basename(document.uri.fsPath) !== path.basename(releasesFileSetting())) return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => void this.check(document), delay));
  }

  /** Checks a manifest document now; resolves once its diagnostics are published. */
  async check(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    const parsed = parseReleaseManifest(document.getText());
    const diagnostics = parsed.problems.map((problem) => {
      const diagnostic = new vscode.Diagnostic(toVscodeRange(problem.range), problem.message, problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'promptops';
      diagnostic.code = problem.code;
      return diagnostic;
    });
    this.collection.set(document.uri, diagnostics);
    if (parsed.fatal || !vscode.workspace.isTrusted) return;
    const repository = await this.state.repositoryOf(document.uri.fsPath);
    if (!repository || repository.workspace.manifestFile !== document.uri.fsPath) return;
    const problems = await checkManifestTargets(repository.workspace, parsed.manifest);
    if (this.generation.get(key) !== generation) return; // A newer edit is being checked.
    for (const problem of problems) {
      const diagnostic = new vscode.Diagnostic(problem.range ? toVscodeRange(problem.range) : new vscode.Range(0, 0, 0, 0), problem.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'promptops';
      diagnostic.code = problem.code;
      diagnostics.push(diagnostic);
    }
    this.collection.set(document.uri, diagnostics);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
