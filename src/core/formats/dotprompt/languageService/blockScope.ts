import { scanHandlebarsTags, type HandlebarsTag } from '../handlebarsTags';
import { knownHelperNames } from '../knownHelpers';
import type { PromptDocument } from '../../../document/promptDocument';
import { lookupProperty, type DeclaredProperty, type SchemaShape } from '../../../schema/schemaShape';
import type { BlockNode, TemplatePath } from '../templateModel';
import { parseTemplate } from '../templateParser';
import { createTextDocument } from '../../../document/textDocument';

/**
 * The Handlebars scope at a place in the template, worked out from the text of the blocks that
 * enclose it. Completion needs this while the template does not parse (the user is typing), so it
 * reads the enclosing open tags with the tolerant tag scan instead of the parsed model; it follows
 * the same rules as the checker: `#each` makes the item the context, `#with` and sections the
 * value, block parameters name the item and index, `../` and `@root` reach out.
 */

/** A value in scope: its schema shape when known, and what it is in the chosen sample set. */
export interface ScopeValue {
  readonly shape: SchemaShape | undefined;
  readonly isRoot: boolean;
  /** The schema property the value was read from, when it was one. */
  readonly declaration?: DeclaredProperty;
  /** Its values in the sample set, one per loop iteration (empty without a sample set). */
  readonly samples: readonly unknown[];
}

/** A block parameter (`as |item index|`) with the block helper that declared it. */
export interface ScopeParam {
  readonly value: ScopeValue;
  readonly helper: string;
}

/** What names mean at one place in the template. */
export interface TemplateScope {
  readonly root: ScopeValue;
  /** `this` at each depth: the input first, the innermost block's context last. */
  readonly contexts: readonly ScopeValue[];
  readonly params: ReadonlyMap<string, ScopeParam>;
  /** Inside an `#each`, where `@index`, `@key`, `@first` and `@last` are set. */
  readonly inLoop: boolean;
  /** The names of the blocks still open here, innermost last (what a `{{/` may close). */
  readonly openBlocks: readonly string[];
}

/** A path as scope resolution needs it; `TemplatePath` satisfies it, and so does a path typed so far. */
export interface PathToResolve {
  readonly data: boolean;
  readonly depth: number;
  readonly scoped: boolean;
  readonly segments: readonly { readonly name: string }[];
}

/** How scopes are resolved: extra helper names and the sample input whose values to follow. */
export interface ScopeOptions {
  readonly helpers?: readonly string[];
  readonly sampleInput?: Readonly<Record<string, unknown>>;
}

/** The part of a prompt Handlebars reads: from the template's start to the end of the file (untrimmed, as the user types it). */
export function templateRegion(document: PromptDocument): { readonly start: number; readonly text: string } {
  const start = Math.min(document.template.offset, document.text.text.length);
  return { start, text: document.text.text.slice(start) };
}

const unknownValue: ScopeValue = { shape: undefined, isRoot: false, samples: [] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sampleProperty(values: readonly unknown[], name: string): unknown[] {
  return values.flatMap((value) => {
    if (isRecord(value)) return Object.prototype.hasOwnProperty.call(value, name) ? [value[name]] : [];
    if (Array.isArray(value) || typeof value === 'string') {
      if (name === 'length') return [value.length];
      if (Array.isArray(value) && /^\d+$/.test(name) && Number(name) < value.length) return [value[Number(name)]];
    }
    return [];
  });
}

/** Moves from a value to one of its properties. */
export function stepInto(value: ScopeValue, name: string): ScopeValue {
  const samples = sampleProperty(value.samples, name);
  const shape = value.shape;
  if (shape?.kind === 'object') {
    const found = lookupProperty(shape, name);
    return { shape: found?.shape, isRoot: false, samples, ...(found?.property ? { declaration: found.property } : {}) };
  }
  if (shape?.kind === 'array') {
    if (/^\d+$/.test(name)) return { shape: shape.items, isRoot: false, samples };
    if (name === 'length') return { shape: { kind: 'scalar', types: ['integer'] }, isRoot: false, samples };
  }
  if (shape?.kind === 'scalar' && shape.types.includes('string') && name === 'length') return { shape: { kind: 'scalar', types: ['integer'] }, isRoot: false, samples };
  return { shape: undefined, isRoot: false, samples };
}

/** What `#each` makes the context: an item of a list, or a value of a map. */
function itemOf(value: ScopeValue): ScopeValue {
  const shape = value.shape;
  const samples = value.samples.flatMap((sample) => (Array.isArray(sample) ? sample : isRecord(sample) ? Object.values(sample) : []));
  if (shape?.kind === 'array') return { shape: shape.items, isRoot: false, samples };
  if (shape?.kind === 'object' && typeof shape.additional === 'object') return { shape: shape.additional, isRoot: false, samples };
  return { shape: undefined, isRoot: false, samples };
}

/** Resolves a path in a scope as Handlebars would. */
export function resolveInScope(scope: TemplateScope, path: PathToResolve): ScopeValue {
  const first = path.segments[0];
  let base: ScopeValue;
  let rest = path.segments;
  if (path.data) {
    if (first?.name !== 'root') return unknownValue;
    base = scope.root;
    rest = path.segments.slice(1);
  } else if (!path.scoped && path.depth === 0 && first && scope.params.has(first.name)) {
    base = scope.params.get(first.name)?.value ?? unknownValue;
    rest = path.segments.slice(1);
  } else {
    base = scope.contexts[scope.contexts.length - 1 - path.depth] ?? unknownValue;
  }
  return rest.reduce((value, segment) => stepInto(value, segment.name), base);
}

function isSimple(path: TemplatePath): boolean {
  return path.segments.length === 1 && !path.scoped && path.depth === 0 && !path.data;
}

function parseOpenTag(tagText: string, name: string): BlockNode | undefined {
  const wrapped = `${tagText}{{/${name}}}`;
  const statement = parseTemplate(createTextDocument(wrapped), '', 0, wrapped).statements?.[0];
  return statement?.kind === 'block' ? statement : undefined;
}

interface OpenTag {
  readonly tag: HandlebarsTag;
  inverse: boolean;
}

/** The blocks open at a template-local offset, outermost first, with whether the offset is in their `{{else}}` part. */
function openTagsAt(source: string, local: number): OpenTag[] {
  const stack: OpenTag[] = [];
  for (const tag of scanHandlebarsTags(source).tags) {
    if (!tag.closed || tag.end > local) break;
    if (tag.kind === 'open' || tag.kind === 'raw-open') stack.push({ tag, inverse: false });
    else if (tag.kind === 'close' || tag.kind === 'raw-close') stack.pop();
    else if (tag.kind === 'else') {
      const top = stack[stack.length - 1];
      if (top) top.inverse = true;
    }
  }
  return stack;
}

/** Works out the scope at a document offset of a prompt's template. */
export function scopeAt(document: PromptDocument, offset: number, options: ScopeOptions = {}): TemplateScope {
  const schema = document.inputSchema?.shape;
  const root: ScopeValue = { shape: schema, isRoot: true, samples: options.sampleInput ? [options.sampleInput] : [] };
  const helpers = knownHelperNames(options.helpers);
  const region = templateRegion(document);
  const open = openTagsAt(region.text, offset - region.start);
  let contexts: ScopeValue[] = [root];
  const params = new Map<string, ScopeParam>();
  let inLoop = false;
  for (const { tag, inverse } of open) {
    const text = region.text.slice(tag.start, tag.end);
    const sigil = /^\{\{~?\s*([#^])([>*]?)/.exec(text);
    // `{{^x}}`, `{{else}}` parts, partial blocks and inline partials render in the enclosing scope.
    if (inverse || tag.kind !== 'open' || sigil?.[1] !== '#' || sigil[2] !== '') continue;
    const block = parseOpenTag(text, tag.name);
    if (!block) {
      if (tag.name === 'each' || tag.name === 'with') contexts = [...contexts, unknownValue];
      continue;
    }
    const scope: TemplateScope = { root, contexts, params, inLoop, openBlocks: [] };
    const callee = block.callee;
    const name = callee.segments[0]?.name ?? '';
    const isParam = isSimple(callee) && params.has(name);
    const hasArguments = block.params.length > 0 || block.hash.length > 0;
    const isHelper = !isParam && (hasArguments || (isSimple(callee) && helpers.has(name)));
    const firstParam = block.params[0];
    const first = firstParam?.kind === 'path' ? resolveInScope(scope, firstParam) : unknownValue;
    const declare = (values: readonly ScopeValue[]): void => {
      block.blockParams.forEach((param, index) => params.set(param.name, { value: values[index] ?? unknownValue, helper: isHelper ? name : 'section' }));
    };
    if (!isHelper) {
      const value = resolveInScope(scope, callee);
      const shape = value.shape;
      if (shape?.kind === 'array' || (shape === undefined && value.samples.some(Array.isArray))) contexts = [...contexts, itemOf(value)];
      else if (!(shape?.kind === 'scalar' && shape.types.every((type) => type === 'boolean' || type === 'null'))) contexts = [...contexts, value];
      declare([]);
    } else if (name === 'each') {
      const item = itemOf(first);
      contexts = [...contexts, item];
      inLoop = true;
      declare([item]);
    } else if (name === 'with') {
      contexts = [...contexts, first];
      declare([first]);
    } else {
      declare([]);
    }
  }
  return { root, contexts, params, inLoop, openBlocks: open.map(({ tag }) => tag.name) };
}
