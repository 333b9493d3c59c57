import * as vscode from 'vscode';
import type { PreviewManager } from '../preview/previewManager';
import { commandTargetOf, optionalString } from './commandArguments';
import type { PromptOpsCommand } from './promptOpsCommand';

/** `promptops.preview(uri?, sampleSet?)`: opens the test-render preview beside the prompt. */
export function previewCommand(previews: PreviewManager): PromptOpsCommand {
  return {
    id: 'promptops.preview',
    run: async (target?: unknown, sampleSet?: unknown) => {
      const uri = commandTargetOf(target)?.uri;
      if (!uri) {
        void vscode.window.showInformationMessage('Open a .prompt file to preview it.');
        return undefined;
      }
      return previews.open(uri, optionalString(sampleSet));
    },
  };
}
