import type { PromptDocument } from '../../../document/promptDocument';
import type { PathSegment, TemplateAnalysis, VariablePath, VariableUse } from '../../../checks/templateAnalysis';
import { templateStatements, type BlockNode, type PartialNode, type TemplateExpression, type TemplateHashPair, type TemplatePath, type TemplateStatement } from '../templateModel';
import type { Range, TextDocument } from '../../../document/textDocument';

/** What a walk over the template model visits. */
interface TemplateVisitor {
  path?(path: TemplatePath): void;
  block?(block: BlockNode): void;
  partial?(partial: PartialNode): void;
}

function walkExpression(expression: TemplateExpression, visitor: TemplateVisitor): void {
  if (expression.kind === 'path') visitor.path?.(expression);
  else if (expression.kind === 'subexpression') {
    visitor.path?.(expression.callee);
    walkArguments(expression.params, expression.hash, visitor);
  }
}

function walkArguments(params: readonly TemplateExpression[], hash: readonly TemplateHashPair[], visitor: TemplateVisitor): void {
  for (const param of params) walkExpression(param, visitor);
  for (const pair of hash) walkExpression(pair.value, visitor);
}

/** Visits every path, block and partial of a template in document order. */
function walkTemplate(statements: readonly TemplateStatement[], visitor: TemplateVisitor): void {
  for (const statement of statements) {
    if (statement.kind === 'mustache') {
      if (statement.callee.kind === 'path') visitor.path?.(statement.callee);
      walkArguments(statement.params, statement.hash, visitor);
    } else if (statement.kind === 'block') {
      visitor.block?.(statement);
      visitor.path?.(statement.callee);
      walkArguments(statement.params, statement.hash, visitor);
      walkTemplate(statement.program, visitor);
      walkTemplate(statement.inverse, visitor);
    } else {
      visitor.partial?.(statement);
      if (statement.dynamicName) walkExpression(statement.dynamicName, visitor);
      walkArguments(statement.params, statement.hash, visitor);
      if (statement.program) walkTemplate(statement.program, visitor);
    }
  }
}

/** Lists the blocks of a template, outer blocks before the blocks inside them. */
export function templateBlocks(statements: readonly TemplateStatement[]): BlockNode[] {
  const blocks: BlockNode[] = [];
  walkTemplate(statements, { block: (block) => blocks.push(block) });
  return blocks;
}

/** Lists the partial tags of a template. */
export function templatePartials(statements: readonly TemplateStatement[]): PartialNode[] {
  const partials: PartialNode[] = [];
  walkTemplate(statements, { partial: (partial) => partials.push(partial) });
  return partials;
}

/**
 * The analysis' variable uses that lie in the prompt's own template, by path. The analysis also
 * walks included partials, whose paths carry ranges in the partial's text, not in this document.
 */
export function templateUses(document: PromptDocument, analysis: TemplateAnalysis): Map<VariablePath, VariableUse> {
  const own = new Set<VariablePath>();
  walkTemplate(templateStatements(document) ?? [], { path: (path) => own.add(path) });
  const uses = new Map<VariablePath, VariableUse>();
  for (const use of analysis.uses) if (own.has(use.path)) uses.set(use.path, use);
  return uses;
}

/** Tells whether an offset lies in a range, its end included (the cursor right after a name is on it). */
export function rangeHolds(document: TextDocument, range: Range, offset: number): boolean {
  return document.offsetAt(range.start) <= offset && offset <= document.offsetAt(range.end);
}

/** A path under the cursor and the segment the cursor is on. */
export interface PathAtOffset {
  readonly path: TemplatePath;
  /** The segment under the cursor; undefined on a prefix such as `this.` or `../`. */
  readonly segmentIndex: number | undefined;
  /** How the analysis resolved the path; undefined for helper names. */
  readonly use: VariableUse | undefined;
}

/** Finds the template path at an offset (innermost, e.g. inside a sub-expression). */
export function pathAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number): PathAtOffset | undefined {
  const statements = templateStatements(document);
  if (!statements) return undefined;
  const text = document.text;
  let found: TemplatePath | undefined;
  walkTemplate(statements, {
    path: (path) => {
      if (path.segments.length > 0 || path.original !== '') {
        if (rangeHolds(text, path.range, offset)) found = path;
      }
    },
  });
  if (!found) return undefined;
  const path = found;
  const index = path.segments.findIndex((segment) => rangeHolds(text, segment.range, offset));
  const use = analysis ? templateUses(document, analysis).get(path) : undefined;
  return { path, segmentIndex: index < 0 ? undefined : index, use };
}

/** The partial tag whose name is at an offset. */
export function partialAt(document: PromptDocument, offset: number): PartialNode | undefined {
  return templatePartials(templateStatements(document) ?? []).find((partial) => partial.name !== undefined && rangeHolds(document.text, partial.nameRange, offset));
}

/** Whether a segment's range covers exactly its name as written (`name` or `[name]`), so it can be replaced. */
export function segmentNameRange(document: TextDocument, segment: PathSegment): Range | undefined {
  const start = document.offsetAt(segment.range.start);
  const end = document.offsetAt(segment.range.end);
  const written = document.text.slice(start, end);
  if (written === segment.name) return segment.range;
  if (written === `[${segment.name}]`) return document.rangeAt(start + 1, end - 1);
  return undefined;
}

/**
 * The range of a segment inside a section's closing tag (`{{/customer}}` for `{{#customer}}`),
 * which Handlebars requires to repeat the opening path.
 */
export function closingSegmentRange(document: TextDocument, block: BlockNode, segmentIndex: number): Range | undefined {
  const close = block.closeRange;
  const segment = block.callee.segments[segmentIndex];
  if (!close || !segment) return undefined;
  const closeStart = document.offsetAt(close.start);
  const closeText = document.text.slice(closeStart, document.offsetAt(close.end));
  const slash = closeText.indexOf('/');
  const at = slash < 0 ? -1 : closeText.indexOf(block.callee.original, slash);
  if (at < 0) return undefined;
  const within = document.offsetAt(segment.range.start) - document.offsetAt(block.callee.range.start);
  const start = closeStart + at + within;
  const end = start + (document.offsetAt(segment.range.end) - document.offsetAt(segment.range.start));
  return document.rangeAt(start, end);
}

/** The section block a path opens, when the path is the callee of a block that renders a value. */
export function sectionOf(document: PromptDocument, path: VariablePath): BlockNode | undefined {
  return templateBlocks(templateStatements(document) ?? []).find((block) => block.callee === path && !block.decorator);
}
