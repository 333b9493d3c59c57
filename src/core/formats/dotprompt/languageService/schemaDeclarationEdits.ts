import { isMap, isScalar, type ParsedNode } from 'yaml';
import type { PromptDocument } from '../../../document/promptDocument';
import type { VariableToDeclare } from '../../promptFormat';
import type { SampleFile } from '../../../samples/sampleSets';
import { yamlMapGet, yamlNodeOffsets } from '../../../document/yamlSource';
import { jsonSchemaEntry, picoschemaEntry, yamlKey } from '../../../languageService/inferredSchema';
import { findSchemaKey, inputSchemaYaml, isEmptyValue } from './inputSchemaYaml';
import { lineBreakOf, type FileEdits, type TextEdit } from '../../../languageService/textEdits';
import { appendSeqValue, deleteMapEntry, deleteMapEntryAt, deleteSeqValue, insertMapEntry, insertUnderEmptyKey, type YamlEntryText } from '../../../languageService/yamlEdits';

function combine(entries: readonly YamlEntryText[]): YamlEntryText {
  return { block: entries.flatMap((entry) => entry.block), flow: entries.map((entry) => entry.flow).join(', ') };
}

/** An entry with a key whose value is the given entries, nested one level. */
function nest(key: string, entries: readonly YamlEntryText[]): YamlEntryText {
  const inner = combine(entries);
  return { block: [{ level: 0, text: `${key}:` }, ...inner.block.map((line) => ({ level: line.level + 1, text: line.text }))], flow: `${key}: {${inner.flow}}` };
}

function asList(edit: TextEdit | undefined): TextEdit[] | undefined {
  return edit ? [edit] : undefined;
}

/** A new front matter holding only the input schema, for a prompt that has none. */
function newFrontMatter(document: PromptDocument, entries: readonly YamlEntryText[]): TextEdit[] | undefined {
  // Text that opens with `---` but has no valid front matter would turn into a different file.
  if (document.text.text.startsWith('---')) return undefined;
  const eol = lineBreakOf(document.text);
  const lines = nest('input', [nest('schema', entries)]).block.map((line) => `${'  '.repeat(line.level)}${line.text}`);
  const at = { line: 0, character: 0 };
  return [{ range: { start: at, end: at }, newText: ['---', ...lines, '---', ''].join(eol) }];
}

/**
 * Declares variables in the input schema in the form the file uses (Picoschema or JSON Schema),
 * at the end of the declarations with their indentation, creating `schema:`, `input:` or the front
 * matter when absent; undefined when the schema cannot take them (a type name, a non-object schema).
 */
export function declareVariablesEdits(document: PromptDocument, variables: readonly VariableToDeclare[]): TextEdit[] | undefined {
  if (variables.length === 0) return undefined;
  const schemaShape = document.inputSchema?.shape;
  if (document.inputSchema && (document.inputSchema.form === 'type-name' || schemaShape?.kind !== 'object')) return undefined;
  const pico = variables.map((variable) => picoschemaEntry(variable.name, variable.type, variable.optional));
  if (!document.frontMatter) return newFrontMatter(document, pico);
  const yaml = inputSchemaYaml(document);
  if (!yaml) return undefined;
  const { source, root, input, schema } = yaml;
  if (root === null || isEmptyValue(root)) {
    const eol = lineBreakOf(document.text);
    const at = document.frontMatter.closingFence.start;
    const lines = nest('input', [nest('schema', pico)]).block.map((line) => `${'  '.repeat(line.level)}${line.text}${eol}`);
    return [{ range: { start: at, end: at }, newText: lines.join('') }];
  }
  if (!input) return asList(insertMapEntry(source, root, nest('input', [nest('schema', pico)])));
  if (isEmptyValue(input.value)) return asList(insertUnderEmptyKey(source, input.keyNode, nest('schema', pico).block, 1));
  if (!isMap(input.value)) return undefined;
  if (!schema) return asList(insertMapEntry(source, input.value, nest('schema', pico)));
  if (isEmptyValue(schema.value)) return asList(insertUnderEmptyKey(source, schema.keyNode, combine(pico).block, 1));
  if (!isMap(schema.value)) return undefined;
  if (document.inputSchema?.form !== 'json-schema') return asList(insertMapEntry(source, schema.value, combine(pico)));

  const json = variables.map((variable) => jsonSchemaEntry(variable.name, variable.type));
  const required = variables.filter((variable) => !variable.optional).map((variable) => yamlKey(variable.name));
  const properties = yamlMapGet(schema.value, 'properties');
  const requiredEntry = yamlMapGet(schema.value, 'required');
  const additions: YamlEntryText[] = [];
  const edits: TextEdit[] = [];
  if (!properties) additions.push(nest('properties', json));
  else if (isEmptyValue(properties.value)) {
    const edit = insertUnderEmptyKey(source, properties.keyNode, combine(json).block, 1);
    if (!edit) return undefined;
    edits.push(edit);
  } else if (isMap(properties.value)) {
    const edit = insertMapEntry(source, properties.value, combine(json));
    if (!edit) return undefined;
    edits.push(edit);
  } else {
    return undefined;
  }
  if (required.length > 0) {
    if (!requiredEntry) {
      const text = `required: [${required.join(', ')}]`;
      additions.push({ block: [{ level: 0, text }], flow: text });
    } else {
      for (const name of required) {
        const edit = requiredEntry.value ? appendSeqValue(source, requiredEntry.value, name) : undefined;
        if (edit) edits.push(edit);
      }
    }
  }
  if (additions.length > 0) {
    const edit = insertMapEntry(source, schema.value, combine(additions));
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

/**
 * Removes a top-level variable from the input schema (its whole lines, nested fields included,
 * and its JSON Schema `required` entry) and from `input.default`, and, in the sample file, from
 * every set; undefined when its declaration cannot be found.
 */
export function removeVariableEdits(document: PromptDocument, samples: SampleFile | undefined, name: string): FileEdits[] | undefined {
  const shape = document.inputSchema?.shape;
  const declaration = shape?.kind === 'object' ? shape.properties.get(name)?.declaration : undefined;
  const yaml = inputSchemaYaml(document);
  if (!declaration || !yaml) return undefined;
  const location = findSchemaKey(yaml.source, yaml.schema?.value, declaration.keyRange);
  if (!location) return undefined;
  const promptEdits: TextEdit[] = [];
  const removal = deleteMapEntryAt(yaml.source, location.map, yamlNodeOffsets(yaml.source, location.keyNode).start);
  if (!removal) return undefined;
  promptEdits.push(removal);
  const required: ParsedNode | null | undefined = location.owner ? yamlMapGet(location.owner, 'required')?.value : undefined;
  const requiredRemoval = required ? deleteSeqValue(yaml.source, required, name) : undefined;
  if (requiredRemoval) promptEdits.push(requiredRemoval);
  const defaults = yaml.defaults?.value;
  const defaultRemoval = isMap(defaults) && defaults.items.some((pair) => isScalar(pair.key) && String(pair.key.value) === name) ? deleteMapEntry(yaml.source, defaults, name) : undefined;
  if (defaultRemoval) promptEdits.push(defaultRemoval);
  const sampleEdits = (samples?.sets ?? []).flatMap((set) => {
    const edit = set.values.keys.has(name) ? deleteMapEntry(set.values.source, set.values.node, name) : undefined;
    return edit ? [edit] : [];
  });
  const files: FileEdits[] = [{ path: document.path, edits: promptEdits }];
  if (samples && sampleEdits.length > 0) files.push({ path: samples.path, edits: sampleEdits });
  return files;
}
