import type { TemplateAnalysis } from '../checks/templateAnalysis';
import type { PromptDocument } from '../document/promptDocument';
import type { Range } from '../document/textDocument';

/** A place to go to: a file (by the path models carry) and a range in it. */
export interface DefinitionTarget {
  readonly path: string;
  readonly range: Range;
}

/** How definitions leave the prompt: where a partial's file is. */
export interface DefinitionOptions {
  /** The file of a partial the prompt includes, if it exists. */
  readonly partialPath?: (name: string) => string | undefined;
}

/**
 * Where the thing at an offset is defined: a variable or property use goes to its declaration,
 * a block or loop variable to where it is bound, an included file to that file.
 */
export function definitionsAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number, options: DefinitionOptions = {}): DefinitionTarget[] {
  return document.format.languageService.definitionsAt(document, analysis, offset, options);
}
