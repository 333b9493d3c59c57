import { isSeq, type ParsedNode } from 'yaml';
import { closestName } from '../checks/nameSuggestion';
import type { PromptDiagnostic } from '../document/promptDiagnostic';
import type { PromptDocument } from '../document/promptDocument';
import { resolveSampleSets, type SampleFile } from '../samples/sampleSets';
import { describeShape, lookupProperty, type SchemaShape } from '../schema/schemaShape';
import type { TemplateAnalysis } from '../checks/templateAnalysis';
import type { Range } from '../document/textDocument';
import { isParsedNode, yamlNodeRange, yamlToPlain, type YamlSource } from '../document/yamlSource';
import { inferType, yamlKey, type InferredType } from './inferredSchema';
import { nodeAtDataPath, parseDataPath } from './inputValueEdits';
import { placeholderYaml } from './samplePlaceholder';
import { convertedSampleValue } from './sampleValueConversion';
import type { VariableToDeclare } from '../formats/promptFormat';
import type { FileEdits, TextEdit } from './textEdits';
import { deleteMapEntry, insertMapEntry } from './yamlEdits';

/** A fix for one diagnostic: a title for the light bulb and the edits, possibly in two files. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly FileEdits[];
  /** The obvious fix, which the editor's "auto fix" applies. */
  readonly preferred: boolean;
}

/** The parsed files a fix reads. */
export interface QuickFixContext {
  readonly document: PromptDocument;
  readonly samples?: SampleFile;
  /** The template analysis, for fixes that look at how a variable is used. */
  readonly analysis?: TemplateAnalysis;
}

const stringType: InferredType = { kind: 'scalar', type: 'string' };

function describeInferred(type: InferredType): string {
  switch (type.kind) {
    case 'scalar':
      return type.type;
    case 'any':
      return 'any';
    case 'object':
      return 'object';
    case 'array':
      return `array of ${describeInferred(type.items)}`;
  }
}

function fileEdit(path: string, edits: readonly TextEdit[]): FileEdits[] {
  return [{ path, edits }];
}

/** How to declare a variable: the type its sample values share (or its uses suggest), optional when some set lacks it. */
function variableToDeclare(context: QuickFixContext, name: string): VariableToDeclare {
  const sets = resolveSampleSets(context.document, context.samples);
  const values = sets.filter((set) => Object.prototype.hasOwnProperty.call(set.input, name)).map((set) => set.input[name]);
  const type = inferType(values) ?? context.document.format.languageService.typeFromTemplate(context.document, context.analysis, name) ?? stringType;
  return { name, type, optional: sets.some((set) => !Object.prototype.hasOwnProperty.call(set.input, name) || set.input[name] === null) };
}

function declareFix(context: QuickFixContext, name: string, preferred: boolean): QuickFix[] {
  const variable = variableToDeclare(context, name);
  const edits = context.document.format.languageService.declareVariablesEdits(context.document, [variable]);
  if (!edits) return [];
  return [{ title: `Declare '${name}' (${describeInferred(variable.type)}) in ${context.document.format.inputsNoun}`, edits: fileEdit(context.document.path, edits), preferred }];
}

/** Replaces a misspelt name, also in the closing tag of a section it opens. */
function replaceNameFix(context: QuickFixContext, range: Range, replacement: string): QuickFix {
  const { document, analysis } = context;
  const edits = document.format.languageService.replaceNameEdits(document, analysis, range, replacement);
  return { title: `Change to '${replacement}'`, edits: fileEdit(document.path, edits), preferred: true };
}

/** Replaces a whole path (`name` inside a block → `@root.name`). */
function replacePathFix(context: QuickFixContext, range: Range, replacement: string): QuickFix {
  const { document, analysis } = context;
  const whole = document.format.languageService.pathRangeAt(document, analysis, range);
  return { title: `Change to '${replacement}'`, edits: fileEdit(document.path, [{ range: whole, newText: replacement }]), preferred: true };
}

/** The text a diagnostic's range covers now, in the prompt or the sample file. */
function writtenAt(diagnostic: PromptDiagnostic, context: QuickFixContext): string | undefined {
  const { document, samples } = context;
  const text = diagnostic.file === document.path ? document.text : samples && diagnostic.file === samples.path ? samples.text : undefined;
  if (!text) return undefined;
  return text.text.slice(text.offsetAt(diagnostic.range.start), text.offsetAt(diagnostic.range.end));
}

/** The input values a sample diagnostic is about: a set of the sample file, or `input.default`. */
function valuesOf(diagnostic: PromptDiagnostic, context: QuickFixContext, set: string): { source: YamlSource; node: ParsedNode; label: string } | undefined {
  const { document, samples } = context;
  if (samples && diagnostic.file === samples.path) {
    const found = samples.sets.find((candidate) => candidate.name === set);
    return found ? { source: found.values.source, node: found.values.node, label: `sample set '${set}'` } : undefined;
  }
  const defaults = document.inputDefaults;
  return diagnostic.file === document.path && defaults ? { source: defaults.source, node: defaults.node, label: 'input.default' } : undefined;
}

/** The declared shape at a data path (`customer.name`, `items[0].title`). */
function shapeAt(shape: SchemaShape | undefined, path: readonly (string | number)[]): SchemaShape | undefined {
  let current = shape;
  for (const part of path) {
    if (!current) return undefined;
    if (typeof part === 'number') current = current.kind === 'array' ? current.items : undefined;
    else current = current.kind === 'object' ? lookupProperty(current, part)?.shape : undefined;
  }
  return current;
}

function addSampleValueFix(diagnostic: PromptDiagnostic, context: QuickFixContext, set: string, variable: string): QuickFix[] {
  const values = valuesOf(diagnostic, context, set);
  const path = parseDataPath(variable);
  const key = path[path.length - 1];
  if (!values || typeof key !== 'string') return [];
  const parent = path.length === 1 ? values.node : nodeAtDataPath(values.node, path.slice(0, -1));
  const shape = shapeAt(context.document.inputSchema?.shape, path);
  const text = `${yamlKey(key)}: ${shape ? placeholderYaml(shape) : '""'}`;
  const edit = parent ? insertMapEntry(values.source, parent, { block: [{ level: 0, text }], flow: text }) : undefined;
  if (!edit) return [];
  const type = shape ? ` (${describeShape(shape)})` : '';
  return [{ title: `Add '${variable}'${type} to ${values.label}`, edits: fileEdit(values.source.file, [edit]), preferred: true }];
}

function unknownSampleKeyFixes(diagnostic: PromptDiagnostic, context: QuickFixContext, set: string, key: string, suggestion: string | undefined): QuickFix[] {
  const fixes: QuickFix[] = [];
  const values = valuesOf(diagnostic, context, set);
  // Renaming onto a key the set already has would repeat that key.
  const rename = suggestion !== undefined && !(values && nodeAtDataPath(values.node, [suggestion])) ? suggestion : undefined;
  if (rename !== undefined) {
    fixes.push({ title: `Change to '${rename}'`, edits: fileEdit(diagnostic.file, [{ range: diagnostic.range, newText: rename }]), preferred: true });
  }
  // A key the template reads but the schema lacks wants declaring rather than deleting.
  const read = !key.includes('.') && (context.analysis?.undeclaredUses.some((segment) => segment.name === key) ?? false);
  if (read) fixes.push(...declareFix(context, key, rename === undefined));
  const removal = values && !key.includes('.') ? deleteMapEntry(values.source, values.node, key) : undefined;
  if (values && removal) fixes.push({ title: `Remove '${key}' from ${values.label}`, edits: fileEdit(values.source.file, [removal]), preferred: rename === undefined && !read });
  return fixes;
}

/** The YAML node a JSON pointer (`/days/0/city`) leads to in a set's values: list items by index, map entries by key. */
function nodeAtPointer(node: ParsedNode, pointer: string): { node: ParsedNode; path: (string | number)[] } | undefined {
  const segments = pointer === '' ? [] : pointer.split('/').slice(1).map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
  let current: ParsedNode = node;
  const path: (string | number)[] = [];
  for (const segment of segments) {
    const step = isSeq(current) && /^\d+$/.test(segment) ? Number(segment) : segment;
    const next = nodeAtDataPath(current, [step]);
    if (!next) return undefined;
    current = next;
    path.push(step);
  }
  return { node: current, path };
}

/**
 * For a sample value of the wrong type: the same value in the declared type when it converts
 * (`"14"` → `14`), else an example of the declared type in its place.
 */
function sampleTypeFix(diagnostic: PromptDiagnostic, context: QuickFixContext, set: string, pointer: string, expected: string): QuickFix[] {
  const values = valuesOf(diagnostic, context, set);
  const found = values ? nodeAtPointer(values.node, pointer) : undefined;
  if (!values || !found || !isParsedNode(found.node)) return [];
  const range = yamlNodeRange(values.source, found.node);
  // Reported before the latest edit, the range may cover other text now.
  if (JSON.stringify(range) !== JSON.stringify(diagnostic.range)) return [];
  const written = writtenAt(diagnostic, context) ?? '';
  const plain = yamlToPlain(values.source, found.node);
  const conversion = plain.ok ? convertedSampleValue(plain.value, expected) : undefined;
  if (conversion !== undefined) {
    return [{ title: `Convert ${written} to ${conversion} (${expected})`, edits: fileEdit(values.source.file, [{ range, newText: conversion }]), preferred: true }];
  }
  const shape = shapeAt(context.document.inputSchema?.shape, found.path);
  if (!shape) return [];
  return [{ title: `Replace with an example of type ${describeShape(shape)}`, edits: fileEdit(values.source.file, [{ range, newText: placeholderYaml(shape) }]), preferred: false }];
}

function removeUnusedFix(context: QuickFixContext, name: string): QuickFix[] {
  const edits = context.document.format.languageService.removeVariableEdits(context.document, context.samples, name);
  if (!edits) return [];
  const sets = edits.find((file) => file.path !== context.document.path)?.edits.length ?? 0;
  const where = sets > 0 ? ` and ${sets === 1 ? 'its sample set' : `${sets} sample sets`}` : '';
  // When the template reads a near miss ('plna' for 'plan'), the typo is the likelier mistake.
  const nearMiss = context.analysis?.undeclaredUses.some((segment) => closestName(segment.name, [name]) === name) ?? false;
  return [{ title: `Remove unused '${name}' from ${context.document.format.inputsNoun}${where}`, edits, preferred: !nearMiss }];
}

/**
 * The fixes for a diagnostic, from the machine-readable data it carries: declare an undeclared
 * variable (with a type inferred from the sample values), fix a misspelt variable, property,
 * sample key or helper, add a missing sample value, remove an unused declaration or sample key.
 */
export function quickFixesFor(diagnostic: PromptDiagnostic, context: QuickFixContext): QuickFix[] {
  const data = diagnostic.data;
  if (!data) return [];
  const named = 'name' in data ? data.name : 'property' in data ? data.property : 'key' in data && !data.key.includes('.') ? data.key : undefined;
  // A diagnostic reported before the latest edit may point at other text now; fixing it would corrupt that text.
  if (named !== undefined && writtenAt(diagnostic, context)?.replace(/^(["'[])(.*)["'\]]$/, '$2') !== named) return [];
  try {
    switch (data.code) {
      case 'undeclared-variable':
        return [
          ...(data.suggestion !== undefined ? [replaceNameFix(context, diagnostic.range, data.suggestion)] : []),
          ...declareFix(context, data.name, data.suggestion === undefined),
        ];
      case 'unknown-property':
        if (data.suggestion === undefined) return [];
        return [data.suggestion.startsWith('@') ? replacePathFix(context, diagnostic.range, data.suggestion) : replaceNameFix(context, diagnostic.range, data.suggestion)];
      case 'unused-variable':
        return removeUnusedFix(context, data.name);
      case 'missing-sample-value':
        return addSampleValueFix(diagnostic, context, data.set, data.variable);
      case 'unknown-sample-key':
        return unknownSampleKeyFixes(diagnostic, context, data.set, data.key, data.suggestion);
      case 'sample-type-mismatch':
        return data.keyword === 'type' ? sampleTypeFix(diagnostic, context, data.set, data.path, data.expected) : [];
      case 'unknown-helper':
        return data.suggestion === undefined ? [] : [replaceNameFix(context, diagnostic.range, data.suggestion)];
      default:
        return [];
    }
  } catch {
    // A fix that cannot be computed is not offered; the diagnostic stays.
    return [];
  }
}

/**
 * For a prompt without an input schema: declares one with every variable the template reads,
 * typed from the sample values; undefined when there is a schema or nothing to declare.
 */
export function declareInputSchemaFix(context: QuickFixContext): QuickFix | undefined {
  const { document, analysis } = context;
  if (document.inputSchema || !analysis || analysis.usedVariables.size === 0) return undefined;
  const variables = [...analysis.usedVariables].sort().map((name) => variableToDeclare(context, name));
  const edits = document.format.languageService.declareVariablesEdits(document, variables);
  if (!edits) return undefined;
  return { title: `Declare an input schema for ${variables.map((variable) => `'${variable.name}'`).join(', ')}`, edits: fileEdit(document.path, edits), preferred: false };
}
