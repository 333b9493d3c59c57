import type { TemplateAnalysis } from '../../../checks/templateAnalysis';
import type { PromptDocument } from '../../../document/promptDocument';
import type { Range } from '../../../document/textDocument';
import type { InferredType } from '../../../languageService/inferredSchema';
import type { TextEdit } from '../../../languageService/textEdits';
import { templateStatements } from '../templateModel';
import { closingSegmentRange, pathAt, sectionOf, templateBlocks, templateUses } from './templatePaths';

const anyType: InferredType = { kind: 'any' };
const stringType: InferredType = { kind: 'scalar', type: 'string' };

/** A type from how the template reads a variable when no sample has a value: `x.a.b` makes objects, `#each x` a list. */
export function handlebarsTypeFromTemplate(document: PromptDocument, analysis: TemplateAnalysis | undefined, name: string): InferredType | undefined {
  if (!analysis) return undefined;
  const uses = [...templateUses(document, analysis)].filter(([path, use]) => use.origin === 'input' && path.segments[path.data ? 1 : 0]?.name === name);
  const looped = templateBlocks(templateStatements(document) ?? []).some((block) => {
    const first = block.params[0];
    return block.callee.original === 'each' && first?.kind === 'path' && uses.some(([path]) => path === first && path.segments.length === (path.data ? 2 : 1));
  });
  if (looped) return { kind: 'array', items: anyType };
  const tails = uses.map(([path]) => path.segments.slice(path.data ? 2 : 1).map((segment) => segment.name)).filter((tail) => tail.length > 0);
  const build = (paths: readonly string[][]): InferredType => {
    const names = [...new Set(paths.map((tail) => tail[0]).filter((head): head is string => head !== undefined))];
    if (names.length === 0) return stringType;
    return { kind: 'object', properties: names.map((head) => ({ name: head, type: build(paths.filter((tail) => tail[0] === head).map((tail) => tail.slice(1))), optional: false })) };
  };
  return tails.length > 0 ? build(tails) : undefined;
}

/** Replaces a misspelt name, also in the closing tag of a section it opens. */
export function handlebarsReplaceNameEdits(document: PromptDocument, analysis: TemplateAnalysis | undefined, range: Range, replacement: string): TextEdit[] {
  const edits: TextEdit[] = [{ range, newText: replacement }];
  const found = pathAt(document, analysis, document.text.offsetAt(range.start));
  const section = found ? sectionOf(document, found.path) : undefined;
  const closing = found && section && found.segmentIndex !== undefined ? closingSegmentRange(document.text, section, found.segmentIndex) : undefined;
  if (closing) edits.push({ range: closing, newText: replacement });
  return edits;
}

/** The whole path a name belongs to (`name` inside a block, to be replaced by `@root.name`). */
export function handlebarsPathRangeAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, range: Range): Range {
  return pathAt(document, analysis, document.text.offsetAt(range.start))?.path.range ?? range;
}
