import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CheckOptions } from '../../core/checks/checkPrompt';
import type { PromptDocument } from '../../core/document/promptDocument';
import type { SampleFile } from '../../core/samples/sampleSets';
import type { TemplateAnalysis } from '../../core/checks/templateAnalysis';
import { listPartialNames } from '../../node/partialNames';
import type { PromptModels } from '../promptModels';

/** A prompt as the language features read it: the cached parse, its sample file and the template analysis. */
export interface PromptState {
  readonly model: PromptDocument;
  readonly samples: SampleFile | undefined;
  /** Undefined when the template does not parse. */
  readonly analysis: TemplateAnalysis | undefined;
  /** How the checker finds this prompt's partials. */
  readonly checkOptions: CheckOptions;
}

/**
 * Gives the providers one state per prompt version: the parse and the analysis come from
 * PromptModels, computed once per version and shared with the checks and the preview.
 */
export class PromptStates {
  constructor(private readonly models: PromptModels) {}

  /** The state of an open prompt document. */
  of(document: vscode.TextDocument): PromptState {
    const models = this.models;
    return {
      model: models.document(document),
      samples: models.sampleFile(document.uri),
      checkOptions: models.includeLookups(document.uri),
      // Completion runs on every keystroke without needing the analysis, so it is read only when asked for.
      get analysis(): TemplateAnalysis | undefined {
        return models.analysis(document);
      },
    };
  }

  /** The file of a partial the prompt includes. */
  partialPath(promptUri: vscode.Uri, name: string): string | undefined {
    return this.models.partialFile(promptUri, name)?.path;
  }

  /** The names of the partials a prompt could include. */
  partialNames(promptUri: vscode.Uri): string[] {
    if (promptUri.scheme !== 'file') return [];
    const root = vscode.workspace.getWorkspaceFolder(promptUri)?.uri.fsPath ?? path.dirname(promptUri.fsPath);
    return listPartialNames(promptUri.fsPath, root);
  }
}
