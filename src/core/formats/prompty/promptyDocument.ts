import type { FrontMatter, InputDefaults, ParsePromptOptions, PromptDocument, PromptTemplate } from '../../document/promptDocument';
import type { InputValueKey } from '../../document/inputValues';
import { readInputValues } from '../../document/inputValues';
import { createDiagnostic, type PromptDiagnostic } from '../../document/promptDiagnostic';
import { createTextDocument } from '../../document/textDocument';
import { parseYamlSource, yamlNodeRange, type YamlSource } from '../../document/yamlSource';
import type { PromptSchema } from '../../schema/promptSchema';
import { anyShape, type DeclaredProperty, type ObjectShape, type SchemaShape } from '../../schema/schemaShape';
import { JinjaSource, parseJinja } from './jinjaTemplate';
import { parseMustache } from './mustacheTemplate';
import { promptyFormat } from './promptyFormat';
import { readPromptyFrontMatter, type FileReference, type InputKind, type PromptyFrontMatter, type PromptyInput, type PromptyTemplateKind } from './promptyFrontMatter';

/** A Prompty body as parsed once per edit: Jinja's parse tree or mustache's tokens. */
export interface PromptyTemplate extends PromptTemplate {
  readonly kind: PromptyTemplateKind;
  /** nunjucks' parse tree (jinja2) or mustache's tokens, undefined when the template does not parse. */
  readonly tree: unknown;
  /** A jinja2 body placed in the document (its line table), built once for the parse and the analysis; undefined for mustache. */
  readonly jinja: JinjaSource | undefined;
}

/** A `.prompty` document: the neutral model plus what rendering and the language service need. */
export interface PromptyDocument extends PromptDocument {
  readonly template: PromptyTemplate;
  readonly inputs: readonly PromptyInput[];
  readonly fileReferences: readonly FileReference[];
  /** Inputs tools are bound to, which count as used. */
  readonly boundInputs: readonly string[];
  /** Inputs whose default is a `${file:path}` reference, resolved when rendering. */
  readonly fileDefaults: ReadonlyMap<string, string>;
}

/** Tells a Prompty document from another format's. */
export function isPromptyDocument(document: PromptDocument): document is PromptyDocument {
  return document.template.kind === 'jinja2' || document.template.kind === 'mustache';
}

const maxShapeDepth = 8;

/** The shape a default or example value shows (an object's properties, a list's items); Prompty declares nothing deeper. */
function shapeOfValue(value: unknown, depth = 0): SchemaShape {
  if (depth > maxShapeDepth || value === null || value === undefined) return anyShape;
  if (Array.isArray(value)) return { kind: 'array', items: value.length > 0 ? shapeOfValue(value[0], depth + 1) : anyShape, nullable: false };
  if (typeof value === 'object') {
    const properties = new Map<string, DeclaredProperty>();
    for (const [name, item] of Object.entries(value)) properties.set(name, { name, required: false, shape: shapeOfValue(item, depth + 1) });
    // Shown by an example, not declared: other properties are a warning, not an error.
    return { kind: 'object', properties, additional: 'unspecified', nullable: false };
  }
  return anyShape;
}

const scalarKinds: Partial<Record<InputKind, 'string' | 'integer' | 'number' | 'boolean'>> = { string: 'string', integer: 'integer', number: 'number', boolean: 'boolean' };

function shapeOfInput(input: PromptyInput, value: unknown): SchemaShape {
  if (input.enumValues) return { kind: 'enum', values: input.enumValues };
  const scalar = input.kind ? scalarKinds[input.kind] : undefined;
  if (scalar) return { kind: 'scalar', types: [scalar] };
  if (input.kind === 'array' || input.kind === 'thread') {
    const shown = shapeOfValue(value);
    return shown.kind === 'array' ? shown : { kind: 'array', items: anyShape, nullable: false };
  }
  if (input.kind === 'object' || input.kind === undefined) {
    const shown = shapeOfValue(value);
    return input.kind === 'object' || shown.kind === 'object' || shown.kind === 'array' ? shown : anyShape;
  }
  return anyShape;
}

function jsonSchemaOfInput(input: PromptyInput): Record<string, unknown> {
  const description = input.description === undefined ? {} : { description: input.description };
  if (input.enumValues) return { enum: input.enumValues, ...description };
  switch (input.kind) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
    case 'array':
    case 'object':
      return { type: input.kind, ...description };
    case 'thread':
      return { type: 'array', ...description };
    default:
      return { ...description };
  }
}

function isReference(value: unknown): value is string {
  return typeof value === 'string' && /^\$\{(env|file):[^}]*\}$/.test(value);
}

function inputSchemaOf(source: YamlSource, frontMatter: PromptyFrontMatter): PromptSchema | undefined {
  const key = frontMatter.inputsKey;
  if (!key) return undefined;
  const properties = new Map<string, DeclaredProperty>();
  for (const input of frontMatter.inputs) {
    const value = isReference(input.value?.value) ? undefined : input.value?.value;
    properties.set(input.name, {
      name: input.name,
      required: input.required,
      shape: shapeOfInput(input, value),
      ...(input.description !== undefined ? { description: input.description } : {}),
      declaration: { nameRange: input.nameRange, keyRange: input.keyRange },
    });
  }
  const shape: ObjectShape = { kind: 'object', properties, additional: 'forbidden', nullable: false };
  const json = {
    type: 'object',
    properties: Object.fromEntries(frontMatter.inputs.map((input) => [input.name, jsonSchemaOfInput(input)])),
    required: frontMatter.inputs.filter((input) => input.required).map((input) => input.name),
    additionalProperties: false,
  };
  return { form: 'property-list', json, shape, range: yamlNodeRange(source, key.node), keyRange: key.keyRange };
}

function inputDefaultsOf(source: YamlSource, frontMatter: PromptyFrontMatter): { defaults: InputDefaults | undefined; fileDefaults: Map<string, string> } {
  const fileDefaults = new Map<string, string>();
  const legacy = frontMatter.legacySample ? readInputValues(source, frontMatter.legacySample.node) : undefined;
  const keys = new Map<string, InputValueKey>(legacy?.keys ?? []);
  const value: Record<string, unknown> = { ...(legacy?.value ?? {}) };
  for (const input of frontMatter.inputs) {
    if (!input.value) continue;
    const reference = typeof input.value.value === 'string' ? /^\$\{file:([^}]*)\}$/.exec(input.value.value)?.[1]?.trim() : undefined;
    if (reference !== undefined) fileDefaults.set(input.name, reference);
    if (isReference(input.value.value)) continue;
    value[input.name] = input.value.value;
    keys.set(input.name, { name: input.name, keyRange: input.nameRange, valueRange: yamlNodeRange(source, input.value.node), node: input.value.node });
  }
  // Findings about a value are placed through `node`: the v1 `sample:` map when there is one (its keys are where the values are written).
  const anchor = frontMatter.legacySample ?? frontMatter.inputsKey;
  if (!anchor || keys.size === 0) return { defaults: undefined, fileDefaults };
  return { defaults: { source, node: anchor.node, value, keys, keyRange: anchor.keyRange }, fileDefaults };
}

/** Where a Prompty file's front matter YAML lies: between a first `---` line and the next `---` line. */
export function promptyFrontMatterSpan(text: string): { start: number; end: number; closingStart: number; bodyStart: number } | { unclosed: true } | undefined {
  const opening = /^---[ \t]*(\r\n|\r|\n)/.exec(text);
  if (!opening) return undefined;
  const start = opening[0].length;
  const closing = /^---[ \t]*$/m;
  const rest = text.slice(start);
  // The closing fence may directly follow the opening one (empty front matter).
  const found = closing.exec(rest);
  if (!found) return { unclosed: true };
  const closingStart = start + found.index;
  const afterFence = closingStart + found[0].length;
  const breakLength = text.startsWith('\r\n', afterFence) ? 2 : afterFence < text.length ? 1 : 0;
  const end = Math.max(start, closingStart - (text.charAt(closingStart - 1) === '\n' ? (text.charAt(closingStart - 2) === '\r' ? 2 : 1) : text.charAt(closingStart - 1) === '\r' ? 1 : 0));
  return { start, end, closingStart, bodyStart: afterFence + breakLength };
}

/** Parses a `.prompty` text into the neutral model: front matter, inputs as a schema, defaults, and the template; never throws. */
export function parsePromptyDocument(rawText: string, options: ParsePromptOptions = {}): PromptyDocument {
  const path = options.path ?? '';
  const text = createTextDocument(typeof rawText === 'string' ? rawText : '');
  const source = text.text;
  const diagnostics: PromptDiagnostic[] = [];
  const span = promptyFrontMatterSpan(source);
  let frontMatter: FrontMatter | undefined;
  let read: PromptyFrontMatter | undefined;
  let inputSchema: PromptSchema | undefined;
  let inputDefaults: InputDefaults | undefined;
  let fileDefaults = new Map<string, string>();
  let bodyStart = 0;
  if (span && 'unclosed' in span) {
    diagnostics.push(createDiagnostic(path, text.rangeAt(0, 3), 'yaml-syntax', 'The front matter opened here is never closed by a --- line.'));
    bodyStart = source.length;
  } else if (span) {
    const yaml = parseYamlSource(path, text, span.start, source.slice(span.start, span.end));
    diagnostics.push(...yaml.diagnostics);
    frontMatter = { yaml, range: text.rangeAt(span.start, span.end), openingFence: text.rangeAt(0, 3), closingFence: text.rangeAt(span.closingStart, span.closingStart + 3), valid: !yaml.hasErrors };
    bodyStart = span.bodyStart;
    if (!yaml.hasErrors) {
      read = readPromptyFrontMatter(yaml);
      diagnostics.push(...read.diagnostics);
      inputSchema = inputSchemaOf(yaml, read);
      const defaults = inputDefaultsOf(yaml, read);
      inputDefaults = defaults.defaults;
      fileDefaults = defaults.fileDefaults;
    }
  }
  const kind = read?.templateKind ?? 'jinja2';
  const body = source.slice(bodyStart);
  const placed = { document: text, file: path, offset: bodyStart, source: body };
  let tree: unknown;
  let problems: readonly PromptDiagnostic[];
  let jinja: JinjaSource | undefined;
  if (kind === 'mustache') ({ tokens: tree, diagnostics: problems } = parseMustache(placed));
  else {
    jinja = new JinjaSource(text, path, bodyStart, body);
    ({ root: tree, diagnostics: problems } = parseJinja(jinja));
  }
  const template: PromptyTemplate = { kind, source: body, offset: bodyStart, parsed: tree !== undefined, diagnostics: problems, tree, jinja };
  diagnostics.push(...template.diagnostics);
  return {
    format: promptyFormat,
    path,
    text,
    frontMatter,
    template,
    inputSchema,
    outputSchema: undefined,
    inputDefaults,
    diagnostics,
    inputs: read?.inputs ?? [],
    fileReferences: read?.fileReferences ?? [],
    boundInputs: read?.boundInputs ?? [],
    fileDefaults,
  };
}
