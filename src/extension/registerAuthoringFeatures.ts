import * as vscode from 'vscode';
import { previewCommand } from './commands/previewCommand';
import { registerCommands } from './commands/registerCommands';
import { DiagnosticsController } from './diagnostics/diagnosticsController';
import type { CompletionProvider } from './languageFeatures/completionProvider';
import { registerLanguageFeatures } from './languageFeatures/registerLanguageFeatures';
import { PreviewManager } from './preview/previewManager';
import { PromptModels } from './promptModels';
import type { PromptOpsLog } from './promptOpsLog';

export interface AuthoringFeatures {
  readonly models: PromptModels;
  readonly previews: PreviewManager;
  readonly diagnostics: DiagnosticsController;
  readonly completions: CompletionProvider;
}

/** Checks, language features and the test-render preview (issues 3 and 4); none of it needs git or trust. */
export function registerAuthoringFeatures(context: vscode.ExtensionContext, log: PromptOpsLog): AuthoringFeatures {
  const models = new PromptModels();
  const previews = new PreviewManager(context.extensionUri, models, log);
  const diagnostics = new DiagnosticsController(models);
  context.subscriptions.push(models, previews, diagnostics);
  const completions = registerLanguageFeatures(context, models, diagnostics, (uri) => previews.previewOf(uri)?.sampleSet);
  registerCommands(context, [previewCommand(previews)]);
  return { models, previews, diagnostics, completions };
}
