import type { CheckOptions } from '../../../checks/checkPrompt';
import type { TemplateAnalysis, VariableUse } from '../../../checks/templateAnalysis';
import type { PromptDocument } from '../../../document/promptDocument';
import type { Range } from '../../../document/textDocument';
import { CompletionCollector, propertyDocs, type CompletionEntry, type CompletionOptions } from '../../../languageService/completions';
import type { InferredType } from '../../../languageService/inferredSchema';
import type { DefinitionTarget } from '../../../languageService/definitions';
import { codeSpan, sampleLine, typeLine, type HoverInfo, type HoverOptions } from '../../../languageService/hoverInfo';
import { renameKeyEdits } from '../../../languageService/inputValueEdits';
import { dedupeEdits, problemAfterRename, refuseRename, type PrepareRenameResult, type RenameResult } from '../../../languageService/renameEdits';
import { groupEdits, type TextEdit } from '../../../languageService/textEdits';
import { resolveSampleSets, type SampleFile } from '../../../samples/sampleSets';
import { describeShape, type SchemaShape } from '../../../schema/schemaShape';
import type { FormatLanguageService } from '../../promptFormat';
import { jinjaFilters } from '../jinjaTemplate';
import { jinjaFilterDoc } from './jinjaFilterDocs';

function inside(range: Range, document: PromptDocument, offset: number): boolean {
  return document.text.offsetAt(range.start) <= offset && offset <= document.text.offsetAt(range.end);
}

/** The use and segment index under an offset. */
function useAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number): { use: VariableUse; index: number } | undefined {
  for (const use of analysis?.uses ?? []) {
    const index = use.path.segments.findIndex((segment) => inside(segment.range, document, offset));
    if (index >= 0) return { use, index };
  }
  return undefined;
}

/** The open tag around an offset (`{{ … }}` or `{% … %}`), from its opening to the offset. */
function tagBefore(text: string, offset: number): string | undefined {
  const before = text.slice(Math.max(0, offset - 2000), offset);
  const open = Math.max(before.lastIndexOf('{{'), before.lastIndexOf('{%'));
  if (open < 0) return undefined;
  const typed = before.slice(open);
  return /\}\}|%\}/.test(typed) ? undefined : typed;
}

/** Loop variables of `{% for %}` tags still open at an offset, with the list they loop over. */
function openLoops(text: string, offset: number): { name: string; list: string }[] {
  const loops: { name: string; list: string }[] = [];
  for (const match of text.slice(0, offset).matchAll(/\{%-?\s*(for\s+([\w\s,]+?)\s+in\s+([\w.]+)|endfor)\b[^%]*%\}/g)) {
    if (match[1] === 'endfor') loops.pop();
    else for (const name of (match[2] ?? '').split(',')) loops.push({ name: name.trim(), list: match[3] ?? '' });
  }
  return loops;
}

function shapeOfPath(document: PromptDocument, names: readonly string[]): SchemaShape | undefined {
  let shape: SchemaShape | undefined = document.inputSchema?.shape;
  for (const name of names) {
    if (shape?.kind === 'array' && /^\d+$/.test(name)) shape = shape.items;
    else shape = shape?.kind === 'object' ? shape.properties.get(name)?.shape : undefined;
  }
  return shape;
}

function completionsAt(document: PromptDocument, offset: number, options: CompletionOptions): CompletionEntry[] {
  const text = document.text.text;
  const tag = tagBefore(text, offset);
  if (tag === undefined || offset < document.template.offset) return [];
  const typed = /[\w]*$/.exec(tag)?.[0] ?? '';
  const collector = new CompletionCollector(document.text.rangeAt(offset - typed.length, offset));
  const before = tag.slice(0, tag.length - typed.length);
  if (/\|\s*$/.test(before)) {
    for (const filter of jinjaFilters) {
      const doc = jinjaFilterDoc(filter);
      collector.add(filter, 'helper', 3, 'Jinja filter', doc ? `\`${doc.usage}\`\n\n${doc.summary}` : undefined);
    }
    return collector.entries;
  }
  const loops = openLoops(text, offset);
  const dotted = /([\w.]+)\.$/.exec(before)?.[1];
  if (dotted !== undefined) {
    const [first = '', ...rest] = dotted.split('.');
    const loop = [...loops].reverse().find((candidate) => candidate.name === first);
    const list = loop ? shapeOfPath(document, loop.list.split('.')) : undefined;
    const base = loop ? (list?.kind === 'array' ? list.items : undefined) : shapeOfPath(document, [first]);
    const reached = rest.reduce<SchemaShape | undefined>((current, name) => (current?.kind === 'object' ? current.properties.get(name)?.shape : undefined), base);
    if (reached?.kind === 'object') for (const property of reached.properties.values()) collector.add(property.name, 'property', 0, describeShape(property.shape), propertyDocs(property));
    if (first === 'loop' && loops.length > 0) for (const name of ['index', 'index0', 'first', 'last', 'length', 'revindex', 'revindex0']) collector.add(name, 'data-variable', 1, 'loop');
    return collector.entries;
  }
  for (const loop of [...loops].reverse()) collector.add(loop.name, 'block-parameter', 0, `item of ${loop.list}`);
  if (loops.length > 0 && document.template.kind === 'jinja2') collector.add('loop', 'data-variable', 1, 'the loop: index, first, last, length');
  const shape = document.inputSchema?.shape;
  if (shape?.kind === 'object') for (const property of shape.properties.values()) collector.add(property.name, 'variable', 0, describeShape(property.shape), propertyDocs(property));
  else for (const set of options.samples?.sets ?? []) for (const key of set.values.keys.keys()) collector.add(key, 'variable', 0);
  return collector.entries;
}

function valuesAt(value: unknown, names: readonly string[]): unknown[] {
  let current: unknown[] = [value];
  for (const name of names) {
    current = current.flatMap((item) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? [Reflect.get(item, name)] : [])).filter((item) => item !== undefined);
  }
  return current;
}

/** A filter's hover: its usage and sentence when nunjucks ships it, else that it is unknown. */
function filterMarkdown(name: string, known: boolean): string {
  const doc = known ? jinjaFilterDoc(name) : undefined;
  if (doc) return `**Jinja filter** ${codeSpan(doc.usage)}\n\n${doc.summary}`;
  return `**${known ? 'Jinja filter' : 'unknown filter'}** ${codeSpan(name)}`;
}

function hoverAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number, options: HoverOptions): HoverInfo | undefined {
  const filter = analysis?.helperCalls.find((call) => inside(call.range, document, offset));
  if (filter) return { range: filter.range, markdown: filterMarkdown(filter.name, filter.known) };
  const found = useAt(document, analysis, offset);
  if (!found) return undefined;
  const { use, index } = found;
  const segment = use.path.segments[index];
  if (!segment) return undefined;
  const declaration = use.declarations[index];
  const written = use.path.segments.slice(0, index + 1).map((part) => part.name).join('.');
  const lines = [typeLine(written, declaration?.shape, declaration)];
  if (use.origin === 'block-param') lines.push('Loop or `set` variable.');
  if (use.origin === 'data') lines.push('Jinja loop data.');
  if (declaration?.description) lines.push(declaration.description);
  if (use.origin === 'input') {
    const sets = resolveSampleSets(document, options.samples);
    const set = sets.find((candidate) => candidate.name === options.sampleSet) ?? sets[0];
    if (set) lines.push(sampleLine(set.name, valuesAt(set.input, use.path.segments.slice(0, index + 1).map((part) => part.name))));
  }
  return { range: segment.range, markdown: lines.join('\n\n') };
}

function definitionsAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number): DefinitionTarget[] {
  const found = useAt(document, analysis, offset);
  const declaration = found ? found.use.declarations[found.index]?.declaration : undefined;
  return declaration ? [{ path: document.path, range: declaration.nameRange }] : [];
}

/** The input variable a rename at an offset would rename: a top-level use or its declaration. */
function inputAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number): { name: string; range: Range } | undefined {
  const found = useAt(document, analysis, offset);
  if (found) {
    const segment = found.use.path.segments[0];
    return found.index === 0 && found.use.origin === 'input' && segment ? { name: segment.name, range: segment.range } : undefined;
  }
  const shape = document.inputSchema?.shape;
  if (shape?.kind !== 'object') return undefined;
  for (const property of shape.properties.values()) {
    if (property.declaration && inside(property.declaration.nameRange, document, offset)) return { name: property.name, range: property.declaration.nameRange };
  }
  return undefined;
}

function prepareRename(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number): PrepareRenameResult {
  if (!analysis) return refuseRename('The template does not parse; fix it before renaming.');
  const found = useAt(document, analysis, offset);
  if (found && found.use.origin !== 'input') return refuseRename('Only inputs are renamed across files; loop and set variables live in the template alone.');
  if (found && found.index > 0) return refuseRename('Properties come from a default or example value; rename them there.');
  const input = inputAt(document, analysis, offset);
  if (!input) return refuseRename('Put the cursor on an input to rename it.');
  if (!document.inputSchema?.shape || document.inputSchema.shape.kind !== 'object' || !document.inputSchema.shape.properties.has(input.name)) {
    return refuseRename(`'${input.name}' is not declared in inputs; declare it before renaming it.`);
  }
  return { ok: true, range: input.range, placeholder: input.name };
}

function renameEdits(document: PromptDocument, samples: SampleFile | undefined, analysis: TemplateAnalysis | undefined, offset: number, newName: string, options: CheckOptions): RenameResult {
  const prepared = prepareRename(document, analysis, offset);
  if (!prepared.ok) return prepared;
  const oldName = prepared.placeholder;
  if (!/^[A-Za-z_]\w*$/.test(newName)) return refuseRename(`'${newName}' is not a name a template can read; use letters, digits and _.`);
  const shape = document.inputSchema?.shape;
  if (shape?.kind === 'object' && shape.properties.has(newName)) return refuseRename(`'${newName}' is already declared in inputs.`);
  const edits: { path: string; edit: TextEdit }[] = [];
  const promptEdit = (range: Range): void => void edits.push({ path: document.path, edit: { range, newText: newName } });
  for (const use of analysis?.uses ?? []) {
    const first = use.path.segments[0];
    if (use.origin === 'input' && first?.name === oldName) promptEdit(first.range);
  }
  const declaration = shape?.kind === 'object' ? shape.properties.get(oldName)?.declaration : undefined;
  if (declaration) promptEdit(declaration.nameRange);
  const steps = [{ kind: 'key' as const, name: oldName }];
  const defaults = document.inputDefaults;
  // Defaults sit in each input's own entry, except Prompty v1 `sample:` values, which are a map.
  if (defaults && defaults.keys.get(oldName)?.keyRange !== declaration?.nameRange) {
    for (const edit of renameKeyEdits(defaults.source, defaults.node, steps, oldName, newName)) edits.push({ path: document.path, edit });
  }
  for (const set of samples?.sets ?? []) for (const edit of renameKeyEdits(set.values.source, set.values.node, steps, oldName, newName)) edits.push({ path: set.values.source.file, edit });
  const grouped = groupEdits(dedupeEdits(edits));
  const problem = problemAfterRename(document, samples, analysis, grouped, options);
  if (problem) return refuseRename(`Renaming '${oldName}' to '${newName}' would break the prompt: ${problem.message}`);
  return { ok: true, edits: grouped };
}

/** A type from how the template reads an input when no sample has a value: looped over, a list; read with `.name`, an object with those properties. */
function typeFromTemplate(_document: PromptDocument, analysis: TemplateAnalysis | undefined, name: string): InferredType | undefined {
  const uses = analysis?.uses.filter((use) => use.variable === name) ?? [];
  if (uses.some((use) => use.origin === 'block-param' || use.origin === 'block-context')) return { kind: 'array', items: { kind: 'any' } };
  const properties = [...new Set(uses.flatMap((use) => (use.origin === 'input' && use.path.segments[0]?.name === name ? use.path.segments.slice(1, 2).map((segment) => segment.name) : [])))];
  return properties.length > 0 ? { kind: 'object', properties: properties.map((property) => ({ name: property, type: { kind: 'any' }, optional: false })) } : undefined;
}

/** Completion, hover, definition and rename for Prompty templates (Jinja and mustache), from the neutral analysis. */
export const promptyLanguageService: Omit<FormatLanguageService, 'declareVariablesEdits' | 'removeVariableEdits'> = {
  completionsAt,
  hoverAt,
  definitionsAt,
  prepareRename,
  renameEdits,
  replaceNameEdits: (_document, _analysis, range, replacement) => [{ range, newText: replacement }],
  pathRangeAt: (_document, _analysis, range) => range,
  typeFromTemplate,
};
