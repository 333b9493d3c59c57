import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseReleaseManifest } from '../../core/releases/manifestParser';
import { manifestGateProblems, type ManifestGateProblem } from '../../node/releases/manifestGate';
import { toVscodeRange } from '../diagnostics/toVscodeDiagnostic';
import { onDidChangeSettings, releasesFileSetting } from '../settings';
import type { ReleaseState } from './releaseState';

const checkDelayMs = 300;

/**
 * Diagnostics on the release manifest itself: what does not parse or break the format at once, then
 * (in trusted workspaces, since it runs git) the whole release gate `promptops status` runs in CI:
 * labels the audit log does not explain, commits the repository lacks, paths missing at their
 * commit and SHA-256 values that do not match, so the editor shows what CI would fail on.
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
      // Another manifest file: the old one's diagnostics go, the new one is checked if open.
      onDidChangeSettings(['releasesFile'], () => {
        this.collection.clear();
        for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
      }),
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
    this.collection.set(document.uri, parsed.problems.map(toDiagnostic));
    if (parsed.fatal || !vscode.workspace.isTrusted) return;
    const repository = await this.state.repositoryOf(document.uri.fsPath);
    if (!repository || repository.workspace.manifestFile !== document.uri.fsPath) return;
    const problems = await manifestGateProblems(repository.workspace, parsed);
    if (this.generation.get(key) !== generation) return; // A newer edit is being checked.
    this.collection.set(document.uri, problems.map(toDiagnostic));
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function toDiagnostic(problem: ManifestGateProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVscodeRange(problem.range), problem.message, problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'promptops';
  diagnostic.code = problem.code;
  return diagnostic;
}
