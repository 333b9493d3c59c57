import type { PromptDocument } from '../../../document/promptDocument';
import type { TemplateAnalysis } from '../../../checks/templateAnalysis';
import { templateStatements } from '../templateModel';
import type { DefinitionOptions, DefinitionTarget } from '../../../languageService/definitions';
import type { Range } from '../../../document/textDocument';
import { partialAt, pathAt, rangeHolds, templateBlocks } from './templatePaths';

const fileStart: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Where the thing at an offset is defined: a variable or property use goes to its schema key, a
 * block parameter to its `as |name|`, `{{> name}}` to the partial's file or its `{{#*inline}}`.
 */
export function handlebarsDefinitionsAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number, options: DefinitionOptions = {}): DefinitionTarget[] {
  const statements = templateStatements(document) ?? [];
  const partial = partialAt(document, offset);
  if (partial?.name !== undefined) {
    const name = partial.name;
    const inline = templateBlocks(statements).find((block) => {
      const first = block.params[0];
      return block.decorator && block.callee.original === 'inline' && first?.kind === 'literal' && first.value === name;
    });
    const literal = inline?.params[0];
    if (literal) return [{ path: document.path, range: literal.range }];
    let file: string | undefined;
    try {
      file = options.partialPath?.(name);
    } catch {
      file = undefined;
    }
    return file === undefined ? [] : [{ path: file, range: fileStart }];
  }
  const found = pathAt(document, analysis, offset);
  const index = found?.segmentIndex;
  if (!found?.use || index === undefined) return [];
  const declaration = found.use.declarations[index]?.declaration;
  if (declaration) return [{ path: document.path, range: declaration.nameRange }];
  const name = found.path.segments[index]?.name;
  if (found.use.origin === 'block-param' && index === 0 && name !== undefined) {
    const declaring = templateBlocks(statements)
      .filter((block) => rangeHolds(document.text, block.range, offset))
      .flatMap((block) => block.blockParams.filter((param) => param.name === name));
    const innermost = declaring[declaring.length - 1];
    if (innermost) return [{ path: document.path, range: innermost.range }];
  }
  return [];
}
