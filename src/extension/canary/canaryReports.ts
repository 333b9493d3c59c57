import * as path from 'node:path';
import * as vscode from 'vscode';
import { canaryOutcomesFileSetting } from '../settings';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import { readManifestFile } from '../../node/releases/manifestFile';
import { optionalString, withPromptFile, type CommandEnvironment } from '../commands/commandArguments';
import type { PromptOpsCommand } from '../commands/promptOpsCommand';
import type { PromptOpsLog } from '../promptOpsLog';
import type { ReleaseState } from '../releases/releaseState';
import { CanaryReport, pickOutcomesFile } from './canaryReport';

export const canaryReportViewType = 'promptops.canaryReport';

/** The outcome file setting (`promptops.canary.outcomesFile`), resolved against the prompt's repository. */
function outcomesFileSetting(file: PromptFileInRepository): vscode.Uri | undefined {
  const setting = canaryOutcomesFileSetting();
  if (!setting) return undefined;
  return vscode.Uri.file(path.resolve(file.repository.root, setting));
}

function uriArgument(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  return typeof argument === 'string' && argument.length > 0 ? vscode.Uri.file(argument) : undefined;
}

/** Opens one Canary report per prompt and label, and the `promptops.canaryReport` command (DESIGN §6). */
export class CanaryReports implements vscode.Disposable {
  private readonly reports = new Map<string, CanaryReport>();

  constructor(
    private readonly environment: CommandEnvironment,
    private readonly releaseState: ReleaseState,
    private readonly extensionUri: vscode.Uri,
    private readonly log: PromptOpsLog,
  ) {}

  /** The open report of a prompt's label, if any. */
  reportOf(promptId: string, label: string): CanaryReport | undefined {
    return this.reports.get(`${promptId}\n${label}`);
  }

  /** `promptops.canaryReport(uri, label, outcomesUri?)`: the label from a Releases node or asked among labels with a canary; the outcome file from the argument, the setting, or a picker. */
  command(): PromptOpsCommand {
    return {
      id: 'promptops.canaryReport',
      run: (argument?: unknown, label?: unknown, outcomesUri?: unknown) =>
        withPromptFile(this.environment, 'open the canary report', argument, async (file, target) => {
          const manifest = readManifestFile(file.manifestFile).parsed.manifest;
          let labelName = optionalString(label) ?? target.label;
          if (labelName === undefined) {
            const withCanary = [...(manifest.prompts.get(file.promptId)?.canaries.keys() ?? [])];
            const candidates = withCanary.length > 0 ? withCanary : [...(manifest.prompts.get(file.promptId)?.labels.keys() ?? [])];
            labelName = withCanary.length === 1 ? withCanary[0] : (await this.environment.questions.pick(candidates.map((name) => ({ label: name })), { placeHolder: `Canary report of which label of ${file.promptId}?` }))?.label;
          }
          if (!labelName) return undefined;
          const outcomes = uriArgument(outcomesUri) ?? outcomesFileSetting(file) ?? (await pickOutcomesFile(vscode.Uri.file(file.repository.root)));
          if (!outcomes) return undefined;
          return this.open(file, labelName, outcomes);
        }),
    };
  }

  /** Opens (or reveals and re-points) the report of a prompt's label. */
  async open(file: PromptFileInRepository, label: string, outcomes: vscode.Uri): Promise<CanaryReport> {
    const key = `${file.promptId}\n${label}`;
    const existing = this.reports.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Active);
      if (existing.outcomesFile.fsPath !== outcomes.fsPath) await existing.useOutcomes(outcomes);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(canaryReportViewType, `Canary: ${file.promptId} ${label}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    const report = new CanaryReport(panel, file, label, outcomes, this.releaseState, this.extensionUri, this.log);
    this.reports.set(key, report);
    report.onDidDispose(() => this.reports.delete(key));
    return report;
  }

  dispose(): void {
    for (const report of this.reports.values()) report.dispose();
    this.reports.clear();
  }
}

