import { listDeclaredVariables } from '../../../schema/declaredVariables';
import { CompletionCollector, describeVariable, propertyDocs, type CompletionEntry, type CompletionKind, type CompletionOptions } from '../../../languageService/completions';
import type { PromptDocument } from '../../../document/promptDocument';
import { describeShape } from '../../../schema/schemaShape';
import { resolveInScope, scopeAt, templateRegion, type ScopeValue, type TemplateScope } from './blockScope';
import { dataVariableDocs, helperDocs } from './helperDocs';
import { mustacheAt, parseTypedPath } from './mustacheAtCursor';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class CompletionBuilder {
  constructor(
    private readonly document: PromptDocument,
    private readonly scope: TemplateScope,
    private readonly options: CompletionOptions,
    private readonly out: CompletionCollector,
  ) {}

  /** The input's top-level variables: the schema's, or the sample keys when there is no schema. */
  inputVariables(kind: CompletionKind = 'variable'): void {
    const declared = listDeclaredVariables(this.document);
    for (const variable of declared) this.out.add(variable.name, kind, 0, variable.type, describeVariable(variable));
    if (this.document.inputSchema) return;
    const samples = this.options.samples?.sets ?? [];
    const keys = [...(this.document.inputDefaults?.keys.keys() ?? []), ...samples.flatMap((set) => [...set.values.keys.keys()])];
    for (const key of keys) this.out.add(key, kind, 0, 'from the sample sets');
  }

  /** The properties of a value: from its schema shape, else from its sample values. */
  propertiesOf(value: ScopeValue): void {
    if (value.isRoot) {
      this.inputVariables();
      return;
    }
    const shape = value.shape;
    if (shape?.kind === 'object') {
      for (const property of shape.properties.values()) this.out.add(property.name, 'property', 0, describeShape(property.shape), propertyDocs(property));
      return;
    }
    if (shape?.kind === 'array' || (shape?.kind === 'scalar' && shape.types.includes('string'))) {
      this.out.add('length', 'property', 0, 'integer');
      return;
    }
    if (shape !== undefined) return;
    for (const sample of value.samples) {
      if (isRecord(sample)) for (const key of Object.keys(sample)) this.out.add(key, 'property', 0, 'from the sample set');
    }
  }

  /** Names a bare path may start with here: the context's names, block parameters, `this` and data variables. */
  namesInScope(): void {
    const context = this.scope.contexts[this.scope.contexts.length - 1];
    if (context) this.propertiesOf(context);
    for (const [name, param] of this.scope.params) {
      const type = param.value.shape ? describeShape(param.value.shape) : undefined;
      this.out.add(name, 'block-parameter', 0, `block parameter of #${param.helper}${type ? `: ${type}` : ''}`);
    }
    if (this.scope.contexts.length > 1) {
      this.out.add('this', 'keyword', 1, 'the current context');
      this.dataVariables();
    }
  }

  dataVariables(): void {
    this.out.add('@root', 'data-variable', 1, 'data variable', dataVariableDocs['@root']);
    if (!this.scope.inLoop) return;
    for (const name of ['@index', '@key', '@first', '@last']) this.out.add(name, 'data-variable', 1, 'data variable', dataVariableDocs[name]);
  }

  helpers(onlyBlocks: boolean): void {
    for (const doc of helperDocs) {
      if (onlyBlocks && !doc.block) continue;
      this.out.add(doc.name, 'helper', 2, `${doc.origin} helper`, `\`${doc.usage}\`\n\n${doc.summary}`);
    }
    if (onlyBlocks) return;
    for (const name of this.options.helpers ?? []) this.out.add(name, 'helper', 2, 'helper');
  }

  partials(): void {
    const inline = [...templateInlinePartials(this.document)];
    let names: readonly string[] = [];
    try {
      names = this.options.partialNames?.() ?? [];
    } catch {
      names = [];
    }
    for (const name of inline) this.out.add(name, 'partial', 0, 'inline partial');
    for (const name of names) this.out.add(name, 'partial', 0, 'partial');
  }
}

/** Inline partials the template defines with `{{#*inline "name"}}`, read from the text so it works mid-edit. */
function templateInlinePartials(document: PromptDocument): Set<string> {
  const names = new Set<string>();
  for (const match of templateRegion(document).text.matchAll(/\{\{~?#\*inline\s+["']([^"']+)["']/g)) if (match[1]) names.add(match[1]);
  return names;
}

/** Suggestions inside `{{ }}` of a dotprompt template (see `completionsAt`). */
export function handlebarsCompletionsAt(document: PromptDocument, offset: number, options: CompletionOptions): CompletionEntry[] {
  const region = templateRegion(document);
  const local = offset - region.start;
  if (!Number.isInteger(offset) || local < 0 || local > region.text.length) return [];
  const mustache = mustacheAt(region.text, local);
  if (!mustache) return [];
  const token = /[^\s(){}|="'~]*$/.exec(mustache.typed)?.[0] ?? '';
  const before = mustache.typed.slice(0, mustache.typed.length - token.length);
  // Block parameter names are being declared, and `..` is half of `../`.
  if (/\bas\s+\|[^|]*$/.test(before) || token.endsWith('..')) return [];
  const first = before.trim() === '';
  const afterParen = /\(\s*$/.test(before);
  const separator = Math.max(token.lastIndexOf('.'), token.lastIndexOf('/'));
  const nameStart = offset - (separator < 0 ? token.length : token.length - separator - 1);
  const out = new CompletionCollector(document.text.rangeAt(nameStart, offset));
  const scope = scopeAt(document, offset, options);
  const builder = new CompletionBuilder(document, scope, options, out);

  if (mustache.sigil === 'close') {
    const innermost = scope.openBlocks[scope.openBlocks.length - 1];
    if (first && separator < 0 && innermost !== undefined) out.add(innermost, 'keyword', 0, 'closes the open block');
    return out.entries;
  }
  if (mustache.sigil === 'partial' && first) {
    // Partial names may have folders (`email/footer`), so the whole typed name is replaced.
    const partials = new CompletionCollector(document.text.rangeAt(offset - token.length, offset));
    new CompletionBuilder(document, scope, options, partials).partials();
    return partials.entries;
  }
  if (separator >= 0) {
    const path = parseTypedPath(token.slice(0, separator));
    if (path) builder.propertiesOf(resolveInScope(scope, path));
    return out.entries;
  }
  if (token.startsWith('@')) {
    builder.dataVariables();
    return out.entries;
  }
  if (afterParen) {
    builder.helpers(false);
    return out.entries;
  }
  builder.namesInScope();
  if (first && mustache.sigil === 'block') builder.helpers(true);
  else if (first && mustache.sigil === 'plain') builder.helpers(false);
  return out.entries;
}
