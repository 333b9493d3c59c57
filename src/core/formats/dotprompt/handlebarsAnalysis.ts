import { helperArity, knownHelperNames } from './knownHelpers';
import { closestName } from '../../checks/nameSuggestion';
import { createDiagnostic, type PromptDiagnostic, type RelatedInformation } from '../../document/promptDiagnostic';
import { describeShapeWithArticle, lookupProperty, type DeclaredProperty, type ObjectShape, type SchemaShape } from '../../schema/schemaShape';
import type { HelperCall, PartialUse, PathSegment, TemplateAnalysis, TemplateAnalysisOptions, VariableUse } from '../../checks/templateAnalysis';
import type {
  BlockNode,
  BlockParam,
  MustacheNode,
  PartialNode,
  TemplateExpression,
  TemplateHashPair,
  TemplateModel,
  TemplatePath,
  TemplateStatement,
} from './templateModel';
import { partialCycleMessage } from '../../rendering/includeGraph';
import { parseTemplate } from './templateParser';
import { createTextDocument, type Range } from '../../document/textDocument';

// Parsed partials by source text, shared by every analysis in this thread: the prompts of a
// repository include the same few partials, each parsed once. Large sources are not kept.
const partialModelLimit = 64;
const partialModelMaxLength = 100_000;
const partialModels = new Map<string, TemplateModel>();

function partialModel(source: string): TemplateModel {
  const cached = partialModels.get(source);
  if (cached) return cached;
  const model = parseTemplate(createTextDocument(source), '', 0, source);
  if (source.length <= partialModelMaxLength) {
    if (partialModels.size >= partialModelLimit) {
      const oldest = partialModels.keys().next();
      if (!oldest.done) partialModels.delete(oldest.value);
    }
    partialModels.set(source, model);
  }
  return model;
}

interface Value {
  /** Undefined when nothing is known, which switches checks off below it. */
  readonly shape: SchemaShape | undefined;
  readonly isRoot: boolean;
  readonly variable?: string;
  /** How messages name it: `'person'`, `each item of 'items'`. */
  readonly label: string;
  readonly declaration?: DeclaredProperty;
}

interface Scope {
  readonly contexts: readonly Value[];
  readonly params: ReadonlyMap<string, Value>;
  /** Names a partial receives as hash arguments. */
  readonly overlay: ReadonlySet<string>;
}

const unknownValue: Value = { shape: undefined, isRoot: false, label: 'this value' };
const maxPartialDepth = 8;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Like every template range, these are computed only when someone reads them, through a getter
// on the class, never in an object literal: each literal with a getter gets a hidden class of its
// own, which V8 keeps in the old generation pointing at the getter's closure, and so at the file's
// template. Every file checked stayed alive through each young collection until the next full one:
// `check` over 20,000 prompts paused 2.8 s for garbage collection that way, 1.5 s without.

/** A helper the template calls, its range the callee's. */
class HelperCallAt implements HelperCall {
  readonly #callee: { readonly range: Range };

  constructor(
    readonly name: string,
    callee: { readonly range: Range },
    readonly known: boolean,
  ) {
    this.#callee = callee;
  }

  get range(): Range {
    return this.#callee.range;
  }
}

/** A partial the template includes, its range the name's in the tag. */
class PartialUseAt implements PartialUse {
  readonly #node: PartialNode;

  constructor(
    readonly name: string,
    readonly inline: boolean,
    node: PartialNode,
  ) {
    this.#node = node;
  }

  get range(): Range {
    return this.#node.nameRange;
  }
}

/** The key `lookup` reads, as a path segment whose range is the key's literal. */
class LookupSegment implements PathSegment {
  readonly #key: { readonly range: Range };

  constructor(
    readonly name: string,
    key: { readonly range: Range },
  ) {
    this.#key = key;
  }

  get range(): Range {
    return this.#key.range;
  }
}

function helperCall(name: string, callee: { readonly range: Range }, known: boolean): HelperCall {
  return new HelperCallAt(name, callee, known);
}

function isSimple(path: TemplatePath): boolean {
  return path.segments.length === 1 && !path.scoped && path.depth === 0 && !path.data;
}

function collectInlinePartials(statements: readonly TemplateStatement[], into: Set<string>): void {
  for (const statement of statements) {
    if (statement.kind === 'block') {
      const first = statement.params[0];
      if (statement.decorator && statement.callee.original === 'inline' && first?.kind === 'literal') into.add(String(first.value));
      collectInlinePartials(statement.program, into);
      collectInlinePartials(statement.inverse, into);
    } else if (statement.kind === 'partial' && statement.program) {
      collectInlinePartials(statement.program, into);
    }
  }
}

class TemplateAnalyzer {
  readonly uses: VariableUse[] = [];
  readonly used = new Set<string>();
  readonly helperCalls: HelperCall[] = [];
  readonly partials: PartialUse[] = [];
  readonly diagnostics: PromptDiagnostic[] = [];
  readonly undeclaredUses: PathSegment[] = [];
  usesWholeInput = false;
  hasOpaquePartial = false;
  private report = true;
  private readonly partialStack: string[] = [];
  /** The `{{> name}}` of the template itself that the partials being read were reached from. */
  private partialRoot: PartialNode | undefined;
  /** Partials parsed so far: a template may include the same partial many times. */
  private inline = new Set<string>();
  private readonly helpers: ReadonlySet<string>;
  private readonly root: Value;

  constructor(
    private readonly file: string,
    schema: SchemaShape | undefined,
    private readonly options: TemplateAnalysisOptions,
  ) {
    this.helpers = knownHelperNames(options.helpers);
    this.root = { shape: schema, isRoot: true, label: 'the input' };
  }

  run(statements: readonly TemplateStatement[]): void {
    collectInlinePartials(statements, this.inline);
    this.statements(statements, { contexts: [this.root], params: new Map(), overlay: new Set() });
  }

  private problem(diagnostic: PromptDiagnostic): void {
    if (this.report) this.diagnostics.push(diagnostic);
  }

  private declaredHere(property: DeclaredProperty | undefined): RelatedInformation[] {
    const declaration = property?.declaration;
    return declaration ? [{ file: this.file, range: declaration.nameRange, message: `'${property.name}' is declared here.` }] : [];
  }

  private statements(statements: readonly TemplateStatement[], scope: Scope): void {
    for (const statement of statements) {
      if (statement.kind === 'mustache') this.mustache(statement, scope);
      else if (statement.kind === 'block') this.block(statement, scope);
      else this.partial(statement, scope);
    }
  }

  private isBlockParam(path: TemplatePath, scope: Scope): boolean {
    const first = path.segments[0];
    return isSimple(path) && first !== undefined && scope.params.has(first.name);
  }

  private mustache(node: MustacheNode, scope: Scope): void {
    if (node.decorator) return;
    const hasArguments = node.params.length > 0 || node.hash.length > 0;
    if (node.callee.kind === 'literal') {
      if (hasArguments) this.callHelper(String(node.callee.value), node.callee, node.params, node.hash, scope);
      return;
    }
    const callee = node.callee;
    const name = callee.segments[0]?.name ?? '';
    if (hasArguments && !this.isBlockParam(callee, scope)) {
      this.callHelper(name, callee, node.params, node.hash, scope);
      return;
    }
    if (!hasArguments && isSimple(callee) && !this.isBlockParam(callee, scope) && this.helpers.has(name)) {
      this.helperCalls.push(helperCall(name, callee, true));
      return;
    }
    this.value(callee, scope);
  }

  private callHelper(
    name: string,
    callee: { readonly range: Range },
    params: readonly TemplateExpression[],
    hash: readonly TemplateHashPair[],
    scope: Scope,
  ): Value[] {
    const known = this.helpers.has(name);
    this.helperCalls.push(helperCall(name, callee, known));
    if (!known) {
      const suggestion = closestName(name, this.helpers);
      this.problem(
        createDiagnostic(
          this.file,
          callee.range,
          'unknown-helper',
          `'${name}' is not a helper dotprompt knows, so rendering fails${suggestion ? `; did you mean '${suggestion}'?` : '.'}`,
          { data: { code: 'unknown-helper', name, ...(suggestion ? { suggestion } : {}) } },
        ),
      );
    }
    const values = params.map((param) => this.expression(param, scope));
    for (const pair of hash) this.expression(pair.value, scope);
    return values;
  }

  private expression(expression: TemplateExpression, scope: Scope): Value {
    if (expression.kind === 'path') return this.value(expression, scope);
    if (expression.kind === 'literal') return unknownValue;
    const callee = expression.callee;
    if (this.isBlockParam(callee, scope)) return this.value(callee, scope);
    const name = callee.segments[0]?.name ?? callee.original;
    const values = this.callHelper(name, callee, expression.params, expression.hash, scope);
    const key = expression.params[1];
    if (name === 'lookup' && values[0] && key?.kind === 'literal' && (typeof key.value === 'string' || typeof key.value === 'number')) {
      const segment: PathSegment = new LookupSegment(String(key.value), key);
      // Named from the value looked into (`'items.0'`), so a message about it says which list it is.
      const within = /^'([^']*)'$/.exec(values[0].label)?.[1];
      const found = this.step(values[0], segment, within ? `${within}.${segment.name}` : segment.name);
      if (found?.variable !== undefined) this.used.add(found.variable);
      return found ?? unknownValue;
    }
    return unknownValue;
  }

  private itemOf(value: Value): Value {
    const shape = value.shape;
    const label = `each item of ${value.label}`;
    const base = { isRoot: false, label, ...(value.variable !== undefined ? { variable: value.variable } : {}) };
    if (shape?.kind === 'array') return { ...base, shape: shape.items };
    if (shape?.kind === 'object' && typeof shape.additional === 'object') return { ...base, shape: shape.additional, label: `each value of ${value.label}` };
    return { ...base, shape: undefined };
  }

  private withParams(scope: Scope, params: readonly BlockParam[], values: readonly Value[]): Scope {
    if (params.length === 0) return scope;
    const merged = new Map(scope.params);
    params.forEach((param, index) => merged.set(param.name, { ...(values[index] ?? unknownValue), label: `'${param.name}'` }));
    return { ...scope, params: merged };
  }

  private block(node: BlockNode, scope: Scope): void {
    const callee = node.callee;
    const name = callee.segments[0]?.name ?? '';
    if (node.decorator) {
      this.statements(node.program, scope);
      return;
    }
    const hasArguments = node.params.length > 0 || node.hash.length > 0;
    const isParam = this.isBlockParam(callee, scope);
    const isHelper = !isParam && (hasArguments || (isSimple(callee) && this.helpers.has(name)));
    if (!isHelper) {
      // A block on a plain value is a Mustache section: arrays iterate, objects become the context.
      const value = this.value(callee, scope);
      let inner: Scope = scope;
      if (value.shape?.kind === 'array') inner = { ...scope, contexts: [...scope.contexts, this.itemOf(value)] };
      else if (value.shape?.kind === 'object') inner = { ...scope, contexts: [...scope.contexts, value] };
      else if (!(value.shape?.kind === 'scalar' && value.shape.types.every((type) => type === 'boolean' || type === 'null'))) {
        inner = { ...scope, contexts: [...scope.contexts, { ...unknownValue, label: value.label }] };
      }
      this.statements(node.program, inner);
      this.statements(node.inverse, scope);
      return;
    }
    const arity = helperArity[name];
    if (arity !== undefined && this.helpers.has(name) && node.params.length !== arity) {
      this.problem(
        createDiagnostic(
          this.file,
          node.openRange,
          'template-syntax',
          `#${name} needs exactly ${arity === 1 ? 'one argument' : `${arity} arguments`}, but ${node.params.length} ${node.params.length === 1 ? 'is' : 'are'} given.`,
        ),
      );
    }
    const values = this.callHelper(name, callee, node.params, node.hash, scope);
    const first = values[0] ?? unknownValue;
    if (name === 'each') {
      const item = this.itemOf(first);
      const index: Value = { ...unknownValue, label: '@index' };
      const inner = this.withParams({ ...scope, contexts: [...scope.contexts, item] }, node.blockParams, [item, index]);
      this.statements(node.program, inner);
    } else if (name === 'with') {
      const inner = this.withParams({ ...scope, contexts: [...scope.contexts, first] }, node.blockParams, [first]);
      this.statements(node.program, inner);
    } else {
      this.statements(node.program, this.withParams(scope, node.blockParams, []));
    }
    this.statements(node.inverse, scope);
  }

  private partial(node: PartialNode, scope: Scope): void {
    if (node.dynamicName) {
      this.expression(node.dynamicName, scope);
      this.hasOpaquePartial = true;
    }
    const context = node.params[0] ? this.expression(node.params[0], scope) : undefined;
    for (const pair of node.hash) this.expression(pair.value, scope);
    if (node.program) this.statements(node.program, scope);
    const name = node.name;
    if (name === undefined) return;
    if (this.partialStack.length === 0) this.partialRoot = node;
    const inline = this.inline.has(name);
    this.partials.push(new PartialUseAt(name, inline, node));
    if (name === '@partial-block' || inline) return;
    const exists = this.options.partialExists ? safeCall(() => this.options.partialExists?.(name)) !== false : true;
    if (!exists) {
      this.problem(
        createDiagnostic(
          this.file,
          node.nameRange,
          'missing-partial',
          `No partial named '${name}' was found (dotprompt looks for _${name}.prompt beside the prompt or in a partials/ folder).`,
          { data: { code: 'missing-partial', name } },
        ),
      );
      return;
    }
    this.readPartial(name, node, scope, context);
  }

  private readPartial(name: string, node: PartialNode, scope: Scope, context: Value | undefined): void {
    const cycleStart = this.partialStack.indexOf(name);
    if (cycleStart >= 0 && this.partialRoot) {
      // Reported at the template's own `{{> name}}`, even from inside partials, whose text has no place in this file.
      const cycle = [...this.partialStack.slice(cycleStart), name];
      this.diagnostics.push(createDiagnostic(this.file, this.partialRoot.nameRange, 'partial-cycle', partialCycleMessage(cycle), { data: { code: 'partial-cycle', cycle } }));
    }
    if (cycleStart >= 0 || this.partialStack.length >= maxPartialDepth) return;
    const source = this.options.partialSource ? safeCall(() => this.options.partialSource?.(name)) : undefined;
    if (typeof source !== 'string') {
      this.hasOpaquePartial = true;
      return;
    }
    const model = partialModel(source);
    if (!model.statements) {
      this.hasOpaquePartial = true;
      return;
    }
    const contexts = context ? [...scope.contexts.slice(0, -1), context] : scope.contexts;
    const overlay = new Set(node.hash.map((pair) => pair.key));
    const savedReport = this.report;
    const savedInline = this.inline;
    this.report = false;
    this.inline = new Set();
    collectInlinePartials(model.statements, this.inline);
    this.partialStack.push(name);
    this.statements(model.statements, { contexts, params: new Map(), overlay });
    this.partialStack.pop();
    this.inline = savedInline;
    this.report = savedReport;
  }

  /** Resolves a path read as a value and records the use. */
  private value(path: TemplatePath, scope: Scope): Value {
    const first = path.segments[0];
    let base: Value;
    let rest: readonly PathSegment[] = path.segments;
    let origin: VariableUse['origin'];
    if (path.data) {
      // dotprompt exposes `@metadata` and every key of the render context (Genkit's `@state`, `@auth`),
      // plus Handlebars' `@index`, `@key`, `@first`, `@last`: none of them is the input, so none is checked.
      if (first?.name !== 'root') {
        this.uses.push({ path, declarations: path.segments.map(() => undefined), origin: 'data' });
        return unknownValue;
      }
      base = this.root;
      rest = path.segments.slice(1);
      origin = 'input';
    } else if (!path.scoped && path.depth === 0 && first && scope.params.has(first.name)) {
      base = scope.params.get(first.name) ?? unknownValue;
      rest = path.segments.slice(1);
      origin = 'block-param';
    } else if (!path.scoped && path.depth === 0 && first && scope.overlay.has(first.name)) {
      return unknownValue;
    } else {
      base = scope.contexts[scope.contexts.length - 1 - path.depth] ?? unknownValue;
      origin = base.isRoot ? 'input' : 'block-context';
    }
    const declarations: (DeclaredProperty | undefined)[] = path.segments.slice(0, path.segments.length - rest.length).map(() => undefined);
    let current: Value | undefined = base;
    let variable = base.isRoot ? undefined : base.variable;
    let written = path.data ? '@root' : origin === 'block-param' ? (first?.name ?? '') : '';
    for (const segment of rest) {
      written = written ? `${written}.${segment.name}` : segment.name;
      current = this.step(current, segment, written, scope);
      declarations.push(current?.declaration);
      if (!current) break;
      // `person.nmae` still uses `person`, even though `nmae` is reported.
      variable = current.variable;
    }
    while (declarations.length < path.segments.length) declarations.push(undefined);
    if (current?.isRoot) this.usesWholeInput = true;
    if (variable !== undefined) this.used.add(variable);
    this.uses.push({ path, ...(variable !== undefined ? { variable } : {}), declarations, origin });
    return current ?? unknownValue;
  }

  /** Moves from a value to one of its properties, reporting paths the schema does not allow. */
  private step(current: Value, segment: PathSegment, written: string, scope?: Scope): Value | undefined {
    const shape = current.shape;
    const variable = current.isRoot ? segment.name : current.variable;
    const next = (nextShape: SchemaShape | undefined, declaration?: DeclaredProperty): Value => ({
      shape: nextShape,
      isRoot: false,
      label: `'${written}'`,
      ...(variable !== undefined ? { variable } : {}),
      ...(declaration ? { declaration } : {}),
    });
    if (!shape) return next(undefined);
    switch (shape.kind) {
      case 'any':
      case 'enum':
        return next(undefined);
      case 'object': {
        const found = lookupProperty(shape, segment.name);
        if (found) return next(found.shape, found.property);
        this.reportMissing(current, shape, segment, written, scope);
        return undefined;
      }
      case 'array':
        if (/^\d+$/.test(segment.name)) return next(shape.items);
        if (segment.name === 'length') return next({ kind: 'scalar', types: ['integer'] });
        this.reportNotAnObject(current, shape, segment, written);
        return undefined;
      case 'scalar':
        if (segment.name === 'length' && shape.types.includes('string')) return next({ kind: 'scalar', types: ['integer'] });
        this.reportNotAnObject(current, shape, segment, written);
        return undefined;
    }
  }

  private reportMissing(current: Value, shape: ObjectShape, segment: PathSegment, written: string, scope: Scope | undefined): void {
    const name = segment.name;
    const suggestion = closestName(name, shape.properties.keys());
    const suggested = suggestion === undefined ? undefined : shape.properties.get(suggestion);
    if (current.isRoot) {
      this.undeclaredUses.push(segment);
      this.problem(
        createDiagnostic(
          this.file,
          segment.range,
          'undeclared-variable',
          `'${name}' is not declared in the input schema${suggestion ? `; did you mean '${suggestion}'?` : '.'}`,
          {
            related: this.declaredHere(suggested),
            data: { code: 'undeclared-variable', name, ...(suggestion ? { suggestion } : {}) },
          },
        ),
      );
      return;
    }
    const rootShape = this.root.shape;
    const topLevel = scope && scope.contexts.length > 1 && rootShape?.kind === 'object' ? rootShape.properties.get(name) : undefined;
    const severity = shape.additional === 'unspecified' ? 'warning' : 'error';
    const related = [...this.declaredHere(current.declaration)];
    let message: string;
    let replacement = suggestion;
    if (topLevel && written === name) {
      // Handlebars does not fall back to outer contexts, so a top-level name inside #each renders empty.
      replacement = `@root.${name}`;
      related.push(...this.declaredHere(topLevel));
      message = `${capitalise(current.label)} has no property '${name}'; the top-level variable is @root.${name} (or ../${name}).`;
    } else {
      related.push(...this.declaredHere(suggested));
      message = `${capitalise(current.label)} has no property '${name}'${suggestion ? `; did you mean '${suggestion}'?` : '.'}`;
    }
    this.problem(
      createDiagnostic(this.file, segment.range, 'unknown-property', message, {
        severity,
        related,
        data: { code: 'unknown-property', path: written, property: name, ...(replacement ? { suggestion: replacement } : {}) },
      }),
    );
  }

  private reportNotAnObject(current: Value, shape: SchemaShape, segment: PathSegment, written: string): void {
    if (current.isRoot) {
      this.undeclaredUses.push(segment);
      this.problem(
        createDiagnostic(this.file, segment.range, 'undeclared-variable', `'${segment.name}' is not declared: the input schema describes ${describeShapeWithArticle(shape)}, not an object.`, {
          data: { code: 'undeclared-variable', name: segment.name },
        }),
      );
      return;
    }
    const hint = shape.kind === 'array' ? `; loop over it with {{#each}}` : '';
    this.problem(
      createDiagnostic(
        this.file,
        segment.range,
        'unknown-property',
        `${capitalise(current.label)} is ${describeShapeWithArticle(shape)}, so it has no property '${segment.name}'${hint}.`,
        {
          related: this.declaredHere(current.declaration),
          data: { code: 'unknown-property', path: written, property: segment.name },
        },
      ),
    );
  }
}

function safeCall<T>(call: () => T): T | undefined {
  try {
    return call();
  } catch {
    return undefined;
  }
}

/** Walks a parsed template with Handlebars' scoping rules, resolving every path against the input schema shape. */
export function analyzeTemplate(
  file: string,
  statements: readonly TemplateStatement[],
  schema: SchemaShape | undefined,
  options: TemplateAnalysisOptions = {},
): TemplateAnalysis {
  const analyzer = new TemplateAnalyzer(file, schema, options);
  analyzer.run(statements);
  return {
    uses: analyzer.uses,
    usedVariables: analyzer.used,
    usesWholeInput: analyzer.usesWholeInput,
    hasOpaquePartial: analyzer.hasOpaquePartial,
    helperCalls: analyzer.helperCalls,
    partials: analyzer.partials,
    undeclaredUses: analyzer.undeclaredUses,
    diagnostics: analyzer.diagnostics,
  };
}
