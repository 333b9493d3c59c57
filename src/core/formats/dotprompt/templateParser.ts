import Handlebars from 'handlebars';
import { findTagEnd, scanHandlebarsTags } from './handlebarsTags';
import { createDiagnostic } from '../../document/promptDiagnostic';
import type { BlockNode, BlockParam, MustacheNode, PartialNode, TemplateExpression, TemplateHashPair, TemplateLiteral, TemplateModel, TemplatePath, TemplateStatement, TemplateSubExpression } from './templateModel';
import type { PathSegment } from '../../checks/templateAnalysis';
import type { Range, TextDocument } from '../../document/textDocument';
import { describeTemplateError, parseKeepingFailure, readLexerState } from './templateSyntaxError';

/**
 * Handlebars' parse time grows with the square of nesting depth (20,000 nested blocks take
 * minutes), so deeper templates are refused before they reach it; no real prompt nests this deep.
 */
export const maxTemplateNesting = 256;

/** Handlebars parses about 80,000 tags a second; beyond this many, checking would freeze the editor. */
export const maxTemplateTags = 100_000;

type AstNode = { readonly type?: unknown; readonly loc?: unknown } & Record<string, unknown>;

function isAstNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'type') === 'string';
}

function astList(value: unknown): AstNode[] {
  return Array.isArray(value) ? value.filter(isAstNode) : [];
}

function stringField(node: AstNode, key: string): string {
  const value = node[key];
  return typeof value === 'string' ? value : '';
}

/** Maps template-local offsets to document ranges. */
class TemplateText {
  private readonly firstLine: number;

  constructor(
    readonly source: string,
    readonly offset: number,
    readonly document: TextDocument,
  ) {
    this.firstLine = document.positionAt(offset).line;
  }

  range(start: number, end: number): Range {
    return this.document.rangeAt(this.offset + start, this.offset + end);
  }

  /** Converts a Handlebars position (1-based line, 0-based column, both template-relative) to a local offset. */
  localOffset(position: unknown): number {
    if (typeof position !== 'object' || position === null) return 0;
    const line: unknown = Reflect.get(position, 'line');
    const column: unknown = Reflect.get(position, 'column');
    if (typeof line !== 'number' || typeof column !== 'number') return 0;
    // Handlebars breaks lines on `\r\n`, `\r` and `\n` like the document, so its lines are document lines.
    const lineStart = line <= 1 ? 0 : this.document.offsetAt({ line: this.firstLine + line - 1, character: 0 }) - this.offset;
    return Math.min(Math.max(lineStart + column, 0), this.source.length);
  }
}

/** A node whose document range is computed on first use; most ranges are never needed. */
abstract class Located {
  private cachedRange: Range | undefined;

  constructor(
    protected readonly text: TemplateText,
    protected readonly from: number,
    protected readonly to: number,
  ) {}

  get range(): Range {
    this.cachedRange ??= this.text.range(this.from, this.to);
    return this.cachedRange;
  }
}

/** A name at a place in the template: a path segment or a block param, which share their shape. */
class NamedSpan extends Located implements PathSegment, BlockParam {
  constructor(
    text: TemplateText,
    from: number,
    to: number,
    readonly name: string,
  ) {
    super(text, from, to);
  }
}

class Path extends Located implements TemplatePath {
  readonly kind = 'path';
  readonly segments: readonly PathSegment[];

  constructor(
    text: TemplateText,
    from: number,
    to: number,
    readonly original: string,
    readonly data: boolean,
    readonly depth: number,
    parts: readonly string[],
  ) {
    super(text, from, to);
    this.segments = pathSegments(text, parts, from, to);
  }

  get scoped(): boolean {
    return /^\.|this\b/.test(this.original);
  }
}

class Literal extends Located implements TemplateLiteral {
  readonly kind = 'literal';

  constructor(
    text: TemplateText,
    from: number,
    to: number,
    readonly value: string | number | boolean | null | undefined,
  ) {
    super(text, from, to);
  }
}

class SubExpression extends Located implements TemplateSubExpression {
  readonly kind = 'subexpression';

  constructor(
    text: TemplateText,
    from: number,
    to: number,
    readonly callee: TemplatePath,
    readonly params: readonly TemplateExpression[],
    readonly hash: readonly TemplateHashPair[],
  ) {
    super(text, from, to);
  }
}

class HashPair extends Located implements TemplateHashPair {
  constructor(
    text: TemplateText,
    from: number,
    to: number,
    readonly key: string,
    readonly value: TemplateExpression,
  ) {
    super(text, from, to);
  }

  get keyRange(): Range {
    return this.text.range(this.from, Math.min(this.from + this.key.length, this.to));
  }
}

class Mustache extends Located implements MustacheNode {
  readonly kind = 'mustache';

  constructor(
    text: TemplateText,
    from: number,
    to: number,
    readonly callee: TemplatePath | TemplateLiteral,
    readonly params: readonly TemplateExpression[],
    readonly hash: readonly TemplateHashPair[],
    readonly decorator: boolean,
  ) {
    super(text, from, to);
  }
}

class Block extends Located implements BlockNode {
  readonly kind = 'block';
  private openEnd: number | undefined;

  constructor(
    text: TemplateText,
    from: number,
    to: number,
    readonly callee: TemplatePath,
    readonly params: readonly TemplateExpression[],
    readonly hash: readonly TemplateHashPair[],
    private readonly paramNames: readonly string[],
    readonly program: readonly TemplateStatement[],
    readonly inverse: readonly TemplateStatement[],
    readonly inverted: boolean,
    readonly chained: boolean,
    readonly decorator: boolean,
  ) {
    super(text, from, to);
  }

  private get openTagEnd(): number {
    this.openEnd ??= Math.min(findTagEnd(this.text.source, this.from).end, this.to);
    return this.openEnd;
  }

  get openRange(): Range {
    return this.text.range(this.from, this.openTagEnd);
  }

  get closeRange(): Range | undefined {
    if (this.chained) return undefined;
    const source = this.text.source;
    const raw = source.startsWith('{{{{', this.from);
    const closeStart = raw ? source.lastIndexOf('{{{{', this.to - 4) : source.lastIndexOf('{{', this.to - 2);
    return closeStart >= this.openTagEnd ? this.text.range(closeStart, this.to) : undefined;
  }

  get blockParams(): readonly BlockParam[] {
    if (this.paramNames.length === 0) return [];
    const tag = this.text.source.slice(this.from, this.openTagEnd);
    const matches = [...tag.matchAll(/as\s+\|([^|]*)\|/g)];
    const last = matches[matches.length - 1];
    let cursor = last ? this.from + (last.index ?? 0) + last[0].indexOf('|') + 1 : this.openTagEnd;
    return this.paramNames.map((name) => {
      const at = this.text.source.indexOf(name, cursor);
      if (at < 0 || at >= this.openTagEnd) return new NamedSpan(this.text, this.from, this.openTagEnd, name);
      cursor = at + name.length;
      return new NamedSpan(this.text, at, at + name.length, name);
    });
  }
}

class Partial extends Located implements PartialNode {
  readonly kind = 'partial';

  constructor(
    text: TemplateText,
    from: number,
    to: number,
    readonly name: string | undefined,
    private readonly nameFrom: number,
    private readonly nameTo: number,
    readonly dynamicName: TemplateSubExpression | undefined,
    readonly params: readonly TemplateExpression[],
    readonly hash: readonly TemplateHashPair[],
    readonly program: readonly TemplateStatement[] | undefined,
  ) {
    super(text, from, to);
  }

  get nameRange(): Range {
    return this.text.range(this.nameFrom, this.nameTo);
  }
}

/** Finds each part's text inside a path, since Handlebars only locates the whole path. */
function pathSegments(text: TemplateText, parts: readonly string[], from: number, to: number): PathSegment[] {
  const source = text.source;
  const only = parts[0];
  // Most paths are one plain name; their segment is the whole path.
  if (parts.length === 1 && only !== undefined && to - from === only.length && source.startsWith(only, from)) {
    return [new NamedSpan(text, from, to, only)];
  }
  const tokens = source.slice(from, to).matchAll(/\[(?:\\\]|[^\]])*\]|\.\.|\.|\/|@|[^./[@]+/g);
  const found: { name: string; start: number; end: number }[] = [];
  let previousWasName = false;
  for (const token of tokens) {
    const value = token[0];
    const at = from + (token.index ?? 0);
    if (value === '@' || value === '/' || value === '..' || (value === '.' && previousWasName)) {
      previousWasName = false;
      continue;
    }
    if (value === '.' || value === 'this') {
      previousWasName = true;
      continue;
    }
    found.push({ name: value.startsWith('[') ? value.slice(1, -1) : value, start: at, end: at + value.length });
    previousWasName = true;
  }
  const matches = found.length === parts.length && found.every((segment, index) => segment.name === parts[index] || segment.name.replace(/\\(.)/g, '$1') === parts[index]);
  return parts.map((name, index) => {
    const segment = found[index];
    return matches && segment ? new NamedSpan(text, segment.start, segment.end, name) : new NamedSpan(text, from, to, name);
  });
}

class TemplateConverter {
  constructor(private readonly text: TemplateText) {}

  /** Local start and end offsets of a node's `loc`. */
  private span(node: AstNode): { start: number; end: number } {
    const loc = node.loc;
    if (typeof loc !== 'object' || loc === null) return { start: 0, end: 0 };
    const start = this.text.localOffset(Reflect.get(loc, 'start'));
    const end = this.text.localOffset(Reflect.get(loc, 'end'));
    return { start, end: Math.max(start, end) };
  }

  statements(program: unknown): TemplateStatement[] {
    if (!isAstNode(program)) return [];
    // Handlebars marks an `{{else if}}` chain on the inverse program that holds the chained block.
    const chained = program['chained'] === true;
    const result: TemplateStatement[] = [];
    for (const node of astList(program['body'])) {
      switch (node.type) {
        case 'MustacheStatement':
        case 'Decorator':
          result.push(this.mustache(node));
          break;
        case 'BlockStatement':
        case 'DecoratorBlock':
          result.push(this.block(node, chained));
          break;
        case 'PartialStatement':
        case 'PartialBlockStatement':
          result.push(this.partial(node));
          break;
        default:
          break;
      }
    }
    return result;
  }

  private mustache(node: AstNode): MustacheNode {
    const { start, end } = this.span(node);
    const path = node['path'];
    const callee = isAstNode(path) && path.type === 'PathExpression' ? this.path(path) : this.literal(isAstNode(path) ? path : node);
    return new Mustache(this.text, start, end, callee, this.expressions(node['params']), this.hash(node['hash']), node.type === 'Decorator');
  }

  private block(node: AstNode, chained: boolean): BlockNode {
    const { start, end } = this.span(node);
    const program = node['program'];
    const inverse = node['inverse'];
    const pathNode = node['path'];
    const callee = isAstNode(pathNode) && pathNode.type === 'PathExpression' ? this.path(pathNode) : this.emptyPath(start);
    const declared = isAstNode(program) ? program['blockParams'] : undefined;
    const blockParams = Array.isArray(declared) ? declared.filter((name): name is string => typeof name === 'string') : [];
    return new Block(
      this.text,
      start,
      end,
      callee,
      this.expressions(node['params']),
      this.hash(node['hash']),
      blockParams,
      this.statements(program),
      this.statements(inverse),
      !isAstNode(program) && isAstNode(inverse),
      chained,
      node.type === 'DecoratorBlock',
    );
  }

  private partial(node: AstNode): PartialNode {
    const { start, end } = this.span(node);
    const nameNode = node['name'];
    let name: string | undefined;
    let dynamicName: TemplateSubExpression | undefined;
    let nameSpan = { start, end };
    if (isAstNode(nameNode)) {
      nameSpan = this.span(nameNode);
      if (nameNode.type === 'SubExpression') dynamicName = this.subExpression(nameNode);
      else name = nameNode.type === 'PathExpression' ? stringField(nameNode, 'original') : String(nameNode['original'] ?? nameNode['value'] ?? '');
    }
    const program = node.type === 'PartialBlockStatement' ? this.statements(node['program']) : undefined;
    return new Partial(this.text, start, end, name, nameSpan.start, nameSpan.end, dynamicName, this.expressions(node['params']), this.hash(node['hash']), program);
  }

  private expressions(value: unknown): TemplateExpression[] {
    return Array.isArray(value) ? value.filter(isAstNode).map((node) => this.expression(node)) : [];
  }

  private expression(node: AstNode): TemplateExpression {
    if (node.type === 'PathExpression') return this.path(node);
    if (node.type === 'SubExpression') return this.subExpression(node);
    return this.literal(node);
  }

  private literal(node: AstNode): TemplateLiteral {
    const { start, end } = this.span(node);
    const raw = node['value'];
    const value = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : node.type === 'NullLiteral' ? null : undefined;
    return new Literal(this.text, start, end, value);
  }

  private subExpression(node: AstNode): TemplateSubExpression {
    const { start, end } = this.span(node);
    const pathNode = node['path'];
    const callee = isAstNode(pathNode) && pathNode.type === 'PathExpression' ? this.path(pathNode) : this.emptyPath(start);
    return new SubExpression(this.text, start, end, callee, this.expressions(node['params']), this.hash(node['hash']));
  }

  private hash(value: unknown): TemplateHashPair[] {
    if (!isAstNode(value)) return [];
    return astList(value['pairs']).map((pair) => {
      const { start, end } = this.span(pair);
      const valueNode = pair['value'];
      return new HashPair(this.text, start, end, stringField(pair, 'key'), isAstNode(valueNode) ? this.expression(valueNode) : this.literal(pair));
    });
  }

  private emptyPath(at: number): TemplatePath {
    return new Path(this.text, at, at, '', false, 0, []);
  }

  private path(node: AstNode): TemplatePath {
    const { start, end } = this.span(node);
    const parts = Array.isArray(node['parts']) ? node['parts'].map((part: unknown) => String(part)) : [];
    const depth = typeof node['depth'] === 'number' ? node['depth'] : 0;
    return new Path(this.text, start, end, stringField(node, 'original'), node['data'] === true, depth, parts);
  }
}

/** Parses a template with the Handlebars parser dotprompt uses, keeping document ranges on every node. */
export function parseTemplate(document: TextDocument, file: string, offset: number, source: string): TemplateModel {
  const toRange = (start: number, end: number): Range => document.rangeAt(offset + start, offset + end);
  const scan = scanHandlebarsTags(source, maxTemplateNesting, maxTemplateTags);
  if (scan.tooMany) {
    const diagnostic = createDiagnostic(
      file,
      toRange(scan.tooMany.start, scan.tooMany.end),
      'template-syntax',
      `The template has more than ${maxTemplateTags} tags, which PromptOps does not check; this is where it stops.`,
    );
    return { kind: 'handlebars', source, offset, parsed: false, statements: undefined, diagnostics: [diagnostic] };
  }
  if (scan.tooDeep) {
    const diagnostic = createDiagnostic(
      file,
      toRange(scan.tooDeep.start, scan.tooDeep.end),
      'template-syntax',
      `Blocks or sub-expressions are nested more than ${maxTemplateNesting} levels deep here, which PromptOps does not check.`,
    );
    return { kind: 'handlebars', source, offset, parsed: false, statements: undefined, diagnostics: [diagnostic] };
  }
  // `parse` is this plus whitespace-control post-processing, which changes text, never structure.
  const parsed = parseKeepingFailure(() => Handlebars.parseWithoutProcessing(source));
  const program: unknown = parsed.ok ? parsed.value : undefined;
  if (!parsed.ok) {
    const problem = describeTemplateError(parsed.error, source, scan, readLexerState(), parsed.failure);
    const related = problem.related ? [{ file, range: toRange(problem.related.start, problem.related.end), message: problem.related.message }] : [];
    const diagnostic = createDiagnostic(file, toRange(problem.start, problem.end), 'template-syntax', problem.message, { related });
    return { kind: 'handlebars', source, offset, parsed: false, statements: undefined, diagnostics: [diagnostic] };
  }
  try {
    const statements = new TemplateConverter(new TemplateText(source, offset, document)).statements(program);
    return { kind: 'handlebars', source, offset, parsed: true, statements, diagnostics: [] };
  } catch (error: unknown) {
    const message = error instanceof RangeError ? 'The template is nested too deeply to check.' : 'PromptOps could not read this template.';
    return { kind: 'handlebars', source, offset, parsed: false, statements: undefined, diagnostics: [createDiagnostic(file, toRange(0, 0), 'template-syntax', message)] };
  }
}
