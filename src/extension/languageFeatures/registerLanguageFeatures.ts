import * as vscode from 'vscode';
import { checkedLanguages } from '../../core/formats/promptFileKind';
import type { DiagnosticsController } from '../diagnostics/diagnosticsController';
import type { PromptModels } from '../promptModels';
import { CompletionProvider, completionTriggerCharacters } from './completionProvider';
import { DefinitionProvider } from './definitionProvider';
import { HoverProvider } from './hoverProvider';
import { PromptStates } from './promptState';
import { QuickFixProvider } from './quickFixProvider';
import { RenameProvider } from './renameProvider';

/** Every prompt document of a checked format, including read-only version documents: reading features work on all of them. */
const prompts: vscode.DocumentFilter[] = checkedLanguages().map((language) => ({ language }));
/** Prompts that can be edited: features that change files only run here. */
const editablePrompts: vscode.DocumentFilter[] = checkedLanguages().flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
]);
const sampleFiles: vscode.DocumentFilter = { scheme: 'file', pattern: '**/*.samples.{yaml,yml,json}' };

/**
 * Registers quick fixes, completion, hover, go to definition and rename for prompts (quick fixes
 * for sample files too). Registration does no work: providers parse through PromptModels on demand.
 * Returns the completion provider, whose requests tests observe.
 */
export function registerLanguageFeatures(
  context: vscode.ExtensionContext,
  models: PromptModels,
  diagnostics: DiagnosticsController,
  previewedSampleSet: (uri: vscode.Uri) => string | undefined,
): CompletionProvider {
  const states = new PromptStates(models);
  const completions = new CompletionProvider(states);
  context.subscriptions.push(
    completions,
    vscode.languages.registerCodeActionsProvider([...editablePrompts, sampleFiles], new QuickFixProvider(states, diagnostics), QuickFixProvider.metadata),
    vscode.languages.registerCompletionItemProvider(prompts, completions, ...completionTriggerCharacters),
    vscode.languages.registerHoverProvider(prompts, new HoverProvider(states, previewedSampleSet)),
    vscode.languages.registerDefinitionProvider(prompts, new DefinitionProvider(states)),
    vscode.languages.registerRenameProvider(editablePrompts, new RenameProvider(states)),
  );
  return completions;
}
