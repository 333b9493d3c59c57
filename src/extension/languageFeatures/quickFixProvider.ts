import * as vscode from 'vscode';
import { declareInputSchemaFix, quickFixesFor, type QuickFix } from '../../core/languageService/quickFixEdits';
import type { PromptDiagnostic } from '../../core/document/promptDiagnostic';
import { formatOfLanguage } from '../../core/formats/promptFileKind';
import type { DiagnosticsController } from '../diagnostics/diagnosticsController';
import { toVscodeRange } from '../diagnostics/toVscodeDiagnostic';
import { isSampleFile, promptPathOfSampleFile } from '../promptModels';
import type { PromptState, PromptStates } from './promptState';
import { toWorkspaceEdit } from './workspaceEdits';

/** The core diagnostic behind an editor diagnostic, which carries the data its fixes need. */
function coreDiagnosticOf(diagnostic: vscode.Diagnostic, candidates: readonly PromptDiagnostic[]): PromptDiagnostic | undefined {
  if (diagnostic.source !== 'promptops') return undefined;
  return candidates.find((candidate) => candidate.code === diagnostic.code && candidate.message === diagnostic.message && toVscodeRange(candidate.range).isEqual(diagnostic.range));
}

async function promptOf(document: vscode.TextDocument): Promise<vscode.TextDocument | undefined> {
  if (!isSampleFile(document.uri)) return formatOfLanguage(document.languageId) ? document : undefined;
  try {
    const prompt = await vscode.workspace.openTextDocument(document.uri.with({ path: promptPathOfSampleFile(document.uri.path) }));
    return formatOfLanguage(prompt.languageId) ? prompt : undefined;
  } catch {
    return undefined; // A sample file without its prompt has nothing to fix against.
  }
}

/**
 * Quick fixes for the checker's diagnostics in prompts and sample files (each tied to the
 * diagnostic it fixes), plus, on request, declaring an input schema for a prompt without one.
 */
export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite],
  };

  constructor(
    private readonly states: PromptStates,
    private readonly diagnostics: DiagnosticsController,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === 'promptops');
    const invoked = context.triggerKind === vscode.CodeActionTriggerKind.Invoke && !isSampleFile(document.uri);
    if (ours.length === 0 && !invoked) return [];
    const prompt = await promptOf(document);
    if (!prompt) return [];
    const state = this.states.of(prompt);
    const known = new Map([[state.model.path, prompt.uri]]);
    if (state.samples && isSampleFile(document.uri)) known.set(state.samples.path, document.uri);
    const candidates = this.diagnostics.diagnosticsOf(document.uri);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const core = coreDiagnosticOf(diagnostic, candidates);
      if (!core) continue;
      for (const fix of quickFixesFor(core, fixContext(state))) actions.push(codeAction(fix, vscode.CodeActionKind.QuickFix, known, diagnostic));
    }
    // Offered only when asked for (Ctrl+. or the refactor menu), not as a light bulb on every line.
    const wantsRefactor = !context.only || context.only.contains(vscode.CodeActionKind.RefactorRewrite);
    if (invoked && wantsRefactor) {
      const declare = declareInputSchemaFix(fixContext(state));
      if (declare) actions.push(codeAction(declare, vscode.CodeActionKind.RefactorRewrite, known));
    }
    return actions;
  }
}

function fixContext(state: PromptState): Parameters<typeof quickFixesFor>[1] {
  return { document: state.model, ...(state.samples ? { samples: state.samples } : {}), ...(state.analysis ? { analysis: state.analysis } : {}) };
}

function codeAction(fix: QuickFix, kind: vscode.CodeActionKind, known: ReadonlyMap<string, vscode.Uri>, diagnostic?: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, kind);
  action.edit = toWorkspaceEdit(fix.edits, known);
  if (diagnostic) action.diagnostics = [diagnostic];
  action.isPreferred = fix.preferred;
  return action;
}
