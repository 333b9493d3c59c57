import * as nunjucks from 'nunjucks';
import type { PathSegment } from '../../checks/templateAnalysis';
import { createDiagnostic, type PromptDiagnostic } from '../../document/promptDiagnostic';
import type { Range, TextDocument } from '../../document/textDocument';
import type { SchemaShape } from '../../schema/schemaShape';
import { plainPath, type PromptyUseResolver, type ScopedName } from './promptyUses';

/** A node of nunjucks' parse tree, read through its own `fields` list (the parser is untyped). */
interface JinjaNode {
  readonly typename: string;
  readonly lineno: number;
  readonly colno: number;
  readonly fields: readonly string[];
}

function isJinjaNode(value: unknown): value is JinjaNode {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'typename') === 'string' && Array.isArray(Reflect.get(value, 'fields'));
}

function field(node: JinjaNode, name: string): unknown {
  return Reflect.get(node, name);
}

function childNodes(value: unknown): JinjaNode[] {
  if (isJinjaNode(value)) return [value];
  return Array.isArray(value) ? value.filter(isJinjaNode) : [];
}

const environment = new nunjucks.Environment(null, { autoescape: false });
const filterTable: unknown = Reflect.get(environment, 'filters');
/** The filters nunjucks has built in (Jinja's, as Prompty documents them). */
export const jinjaFilters: readonly string[] = typeof filterTable === 'object' && filterTable !== null ? Object.keys(filterTable).sort() : [];
const knownFilters: ReadonlySet<string> = new Set(jinjaFilters);
const globalFunctions = new Set(['range', 'cycler', 'joiner']);

/** The block tags of the Jinja subset Prompty documents; anything else is refused before rendering. */
const allowedTags = new Set(['if', 'elif', 'elseif', 'else', 'endif', 'for', 'endfor', 'set', 'endset', 'raw', 'endraw']);
const opening: Readonly<Record<string, string>> = { if: 'endif', for: 'endfor', raw: 'endraw', set: 'endset' };
/** The block each end tag closes (`endfor` → `for`). */
const closing: ReadonlyMap<string, string> = new Map(Object.entries(opening).map(([tag, endTag]) => [endTag, tag]));

/** Parses a template with nunjucks' own parser; throws what nunjucks throws. */
function parseWithNunjucks(source: string): unknown {
  const parser: unknown = Reflect.get(nunjucks, 'parser');
  const parse: unknown = typeof parser === 'object' && parser !== null ? Reflect.get(parser, 'parse') : undefined;
  if (typeof parse !== 'function') throw new Error('nunjucks has no parser');
  return Reflect.apply(parse, parser, [source]);
}

/** A Jinja template placed in a document, with the helpers that map nunjucks' line/column to document ranges. */
export class JinjaSource {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly document: TextDocument,
    readonly file: string,
    readonly offset: number,
    readonly source: string,
  ) {
    // nunjucks counts lines by `\n` alone.
    for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
  }

  /** The document offset of nunjucks' 0-based line and column. */
  offsetOf(line: number, column: number): number {
    const start = this.lineStarts[Math.min(Math.max(line, 0), this.lineStarts.length - 1)] ?? 0;
    return this.offset + Math.min(start + Math.max(column, 0), this.source.length);
  }

  range(start: number, end: number): Range {
    return this.document.rangeAt(start, end);
  }
}

/**
 * Checks the tags of a Jinja template against the subset Prompty documents, and that every block
 * is closed by its own end tag; `{% raw %}` content and comments are skipped.
 */
function tagProblems(template: JinjaSource): PromptDiagnostic[] {
  const problems: PromptDiagnostic[] = [];
  const stack: { name: string; tag: string; start: number; end: number }[] = [];
  const tokens = /\{#[\s\S]*?(?:#\}|$)|\{%(-?)\s*(\w*)([\s\S]*?)-?%\}|\{\{[\s\S]*?(?:\}\}|$)/g;
  const source = template.source;
  for (let match = tokens.exec(source); match; match = tokens.exec(source)) {
    const tagName = match[2];
    if (tagName === undefined) continue;
    const start = template.offset + match.index;
    const end = start + match[0].length;
    const tagText = match[0];
    // The tag as messages quote it and its range, worked out only for the few tags a message names.
    const tag = (): string => tagText.replace(/\s+/g, ' ');
    const here = (): Range => template.range(start, end);
    const top = stack[stack.length - 1];
    if (top?.name === 'raw' && tagName !== 'endraw') continue;
    if (!allowedTags.has(tagName)) {
      // The end tag of a refused block (`{% endmacro %}`) adds nothing to the refusal of its start.
      if (tagName.startsWith('end') && tagName.length > 3) continue;
      const what = tagName === '' ? `${tag()} names no tag` : `{% ${tagName} %} is outside the Jinja that Prompty documents (if, for, set, raw)`;
      problems.push(createDiagnostic(template.file, here(), 'template-syntax', `${what}; Prompty renders only that subset.`));
      continue;
    }
    const closes = closing.get(tagName);
    if (tagName === 'set' && /=/.test(match[3] ?? '')) continue;
    if (opening[tagName] !== undefined) stack.push({ name: tagName, tag: tag(), start, end });
    else if (closes !== undefined) {
      if (top?.name === closes) stack.pop();
      else if (top) problems.push(createDiagnostic(template.file, here(), 'template-syntax', `{% ${tagName} %} cannot close ${top.tag}; add {% ${opening[top.name] ?? ''} %} before it.`));
      else problems.push(createDiagnostic(template.file, here(), 'template-syntax', `{% ${tagName} %} closes nothing: no {% ${closes} %} is open here.`));
    } else if ((tagName === 'else' || tagName === 'elif' || tagName === 'elseif') && top?.name !== 'if' && top?.name !== 'for') {
      problems.push(createDiagnostic(template.file, here(), 'template-syntax', `{% ${tagName} %} belongs inside {% if %} (or {% for %} for else).`));
    }
  }
  for (const open of stack) {
    problems.push(
      createDiagnostic(template.file, template.range(open.start, open.end), 'template-syntax', `${open.tag} is never closed; add {% ${opening[open.name] ?? ''} %} after its content.`),
    );
  }
  return problems;
}

function parseProblem(template: JinjaSource, error: unknown): PromptDiagnostic {
  // nunjucks refuses with plain Errors and TemplateErrors; a TypeError is the parser tripping over input it
  // did not expect (`{{ a.` at the end crashes it on a null token), whose text means nothing to the author.
  const raw = error instanceof RangeError ? 'The template is nested too deeply to parse' : error instanceof TypeError ? '' : error instanceof Error ? error.message : String(error);
  const message = raw.replace(/^\(unknown path\)\s*/, '').replace(/\s*\[Line \d+, Column \d+\]\s*/, '').trim();
  const line = error instanceof Error ? Reflect.get(error, 'lineno') : undefined;
  const column = error instanceof Error ? Reflect.get(error, 'colno') : undefined;
  const at = typeof line === 'number' && typeof column === 'number' ? template.offsetOf(line - 1, column - 1) : template.offset + template.source.length;
  const sentence = message === '' ? 'The template does not parse' : `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return createDiagnostic(template.file, template.range(at, at), 'template-syntax', `${sentence.replace(/\.?$/, '.')}`);
}

/** The Jinja template's syntax problems, or its parse tree when it has none. */
export function parseJinja(template: JinjaSource): { readonly root: unknown; readonly diagnostics: readonly PromptDiagnostic[] } {
  const problems = tagProblems(template);
  if (problems.length > 0) return { root: undefined, diagnostics: problems };
  try {
    return { root: parseWithNunjucks(template.source), diagnostics: [] };
  } catch (error: unknown) {
    return { root: undefined, diagnostics: [parseProblem(template, error)] };
  }
}

const loopVariable: ScopedName = { origin: 'data', shape: undefined };

/** Walks a parsed Jinja template, resolving every variable it reads with Jinja's scoping (loop variables, `loop`, `set`). */
export class JinjaWalker {
  private readonly frames: Map<string, ScopedName>[] = [new Map()];

  constructor(
    private readonly template: JinjaSource,
    private readonly resolver: PromptyUseResolver,
  ) {}

  walk(node: unknown): void {
    // Indexed and without an intermediate list: this runs for every node of every template a `check` reads.
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const child: unknown = node[index];
        if (isJinjaNode(child)) this.visit(child);
      }
    } else if (isJinjaNode(node)) this.visit(node);
  }

  private lookup(name: string): ScopedName | undefined {
    for (let index = this.frames.length - 1; index >= 0; index--) {
      const found = this.frames[index]?.get(name);
      if (found) return found;
    }
    return undefined;
  }

  private bind(name: string, scoped: ScopedName): void {
    this.frames[this.frames.length - 1]?.set(name, scoped);
  }

  private nameRange(node: JinjaNode, name: string): { start: number; end: number } {
    let start = this.template.offsetOf(node.lineno, node.colno);
    const text = this.template.document.text;
    // A subscript (`d["key"]`) starts at its quote.
    if (!text.startsWith(name, start) && text.startsWith(name, start + 1)) start += 1;
    return { start, end: start + name.length };
  }

  /** The names of a lookup chain (`a.b[0]["c"]`), with the dynamic subscripts it also reads; undefined when it does not start at a name. */
  private pathOf(node: JinjaNode): { segments: PathSegment[]; dynamic: JinjaNode[] } | undefined {
    if (node.typename === 'Symbol') {
      const name = String(field(node, 'value'));
      const { start, end } = this.nameRange(node, name);
      return { segments: [{ name, range: this.template.range(start, end) }], dynamic: [] };
    }
    if (node.typename !== 'LookupVal') return undefined;
    const target = field(node, 'target');
    const key = field(node, 'val');
    if (!isJinjaNode(target)) return undefined;
    const inner = this.pathOf(target);
    if (!inner) return undefined;
    const value = isJinjaNode(key) && key.typename === 'Literal' ? field(key, 'value') : undefined;
    if (isJinjaNode(key) && (typeof value === 'string' || typeof value === 'number') && inner.dynamic.length === 0) {
      const name = String(value);
      const { start, end } = this.nameRange(key, name);
      return { segments: [...inner.segments, { name, range: this.template.range(start, end) }], dynamic: [] };
    }
    return { segments: inner.segments, dynamic: [...inner.dynamic, ...childNodes(key)] };
  }

  /** Resolves an expression that reads a path; returns the shape it reaches. */
  private read(node: JinjaNode): SchemaShape | undefined {
    const path = this.pathOf(node);
    if (!path) {
      this.visit(node);
      return undefined;
    }
    const [first] = path.segments;
    const last = path.segments[path.segments.length - 1];
    if (!first || !last) return undefined;
    const original = path.segments.map((segment) => segment.name).join('.');
    const range = { start: first.range.start, end: last.range.end };
    const shape = this.resolver.resolve(plainPath(original, range, path.segments, this.lookup(first.name)?.origin === 'data'), this.lookup(first.name));
    for (const dynamic of path.dynamic) this.visit(dynamic);
    return path.dynamic.length > 0 ? undefined : shape;
  }

  private visit(node: JinjaNode): void {
    switch (node.typename) {
      case 'Symbol':
      case 'LookupVal':
        this.read(node);
        return;
      case 'Filter':
      case 'FilterAsync': {
        const name = field(node, 'name');
        if (isJinjaNode(name) && name.typename === 'Symbol') {
          const filter = String(field(name, 'value'));
          const { start, end } = this.nameRange(name, filter);
          this.resolver.call(filter, this.template.range(start, end), knownFilters.has(filter));
        }
        this.walk(childNodes(field(node, 'args')).flatMap((args) => childNodes(field(args, 'children'))));
        return;
      }
      case 'FunCall': {
        const name = field(node, 'name');
        if (isJinjaNode(name) && name.typename === 'Symbol' && globalFunctions.has(String(field(name, 'value'))) && !this.lookup(String(field(name, 'value')))) {
          const callee = String(field(name, 'value'));
          const { start, end } = this.nameRange(name, callee);
          this.resolver.call(callee, this.template.range(start, end), true);
        } else if (isJinjaNode(name)) this.read(name);
        this.walk(childNodes(field(node, 'args')).flatMap((args) => childNodes(field(args, 'children'))));
        return;
      }
      case 'Is':
        // The right side names a test (`is defined`), not a variable.
        this.walk(field(node, 'left'));
        return;
      case 'Pair': {
        const key = field(node, 'key');
        if (isJinjaNode(key) && key.typename !== 'Symbol') this.visit(key);
        this.walk(field(node, 'value'));
        return;
      }
      case 'For':
        this.visitFor(node);
        return;
      case 'Set':
        this.visitSet(node);
        return;
      default:
        for (let index = 0; index < node.fields.length; index++) this.walk(field(node, node.fields[index] ?? ''));
    }
  }

  private visitFor(node: JinjaNode): void {
    const array = field(node, 'arr');
    let shape: SchemaShape | undefined;
    let variable: string | undefined;
    if (isJinjaNode(array)) {
      shape = this.read(array);
      const path = this.pathOf(array);
      const first = path?.segments[0]?.name;
      variable = first === undefined ? undefined : (this.lookup(first)?.variable ?? (this.lookup(first) ? undefined : first));
    }
    const names = childNodes(field(node, 'name')).flatMap((name) => (name.typename === 'Array' ? childNodes(field(name, 'children')) : [name]));
    this.frames.push(new Map([['loop', loopVariable]]));
    const itemShape = shape?.kind === 'array' ? shape.items : undefined;
    names.forEach((name, index) => {
      if (name.typename !== 'Symbol') return;
      this.bind(String(field(name, 'value')), { origin: 'block-param', shape: names.length === 1 ? itemShape : index === 1 && shape?.kind === 'object' && typeof shape.additional === 'object' ? shape.additional : undefined, ...(variable !== undefined ? { variable } : {}) });
    });
    this.walk(field(node, 'body'));
    this.frames.pop();
    this.walk(field(node, 'else_'));
  }

  private visitSet(node: JinjaNode): void {
    const value = field(node, 'value');
    const body = field(node, 'body');
    let shape: SchemaShape | undefined;
    if (isJinjaNode(value)) shape = this.read(value);
    this.walk(body);
    const targets = childNodes(field(node, 'targets'));
    for (const target of targets) {
      if (target.typename === 'Symbol') this.bind(String(field(target, 'value')), { origin: 'block-param', shape: targets.length === 1 ? shape : undefined });
    }
  }
}
