import { isMap, isScalar, isSeq, type ParsedNode } from 'yaml';
import { closestName } from '../../checks/nameSuggestion';
import { createDiagnostic, type PromptDiagnostic } from '../../document/promptDiagnostic';
import type { Range } from '../../document/textDocument';
import { describeYamlNode, isParsedNode, yamlMapEntries, yamlMapGet, yamlNodeRange, yamlToPlain, type YamlSource } from '../../document/yamlSource';
import { walkYamlNodes } from '../../document/yamlWalk';

/** The input kinds Prompty v2 documents. */
export const inputKinds = ['string', 'integer', 'number', 'boolean', 'array', 'object', 'thread', 'image', 'file', 'audio'] as const;
export type InputKind = (typeof inputKinds)[number];

/** The template languages Prompty renders. */
export type PromptyTemplateKind = 'jinja2' | 'mustache';

/** One declared input, with where its parts are written. */
export interface PromptyInput {
  readonly name: string;
  readonly nameRange: Range;
  /** The whole declaration (the list item, or the map entry's key). */
  readonly keyRange: Range;
  readonly kind: InputKind | undefined;
  readonly required: boolean;
  readonly description: string | undefined;
  readonly enumValues: readonly unknown[] | undefined;
  /** `default`, else `example`: the value of the default sample set. */
  readonly value: { readonly value: unknown; readonly node: ParsedNode; readonly keyRange: Range } | undefined;
}

/** A `${file:path}` reference in the front matter. */
export interface FileReference {
  readonly path: string;
  readonly range: Range;
}

/** What Prompty's front matter says about inputs, the template language and referenced files. */
export interface PromptyFrontMatter {
  readonly inputs: readonly PromptyInput[];
  /** The `inputs` key, absent when the file declares none. */
  readonly inputsKey: { readonly keyRange: Range; readonly node: ParsedNode } | undefined;
  readonly templateKind: PromptyTemplateKind;
  /** Prompty v1 `sample:` values, which Prompty v2 reads from `default`/`example` instead. */
  readonly legacySample: { readonly node: ParsedNode; readonly keyRange: Range } | undefined;
  readonly fileReferences: readonly FileReference[];
  /** Inputs a tool's `bindings` hand to the tool (`bindings: {unit: {input: preferred_unit}}`): used without the template reading them. */
  readonly boundInputs: readonly string[];
  readonly diagnostics: readonly PromptDiagnostic[];
}

const referencePattern = /^\$\{(env|file):([^}]*)\}$/;

function isInputKind(value: string): value is InputKind {
  return inputKinds.some((kind) => kind === value);
}

function stringOf(node: ParsedNode | null | undefined): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

function templateKindOf(source: YamlSource, root: ParsedNode, diagnostics: PromptDiagnostic[]): PromptyTemplateKind {
  const template = yamlMapGet(root, 'template');
  if (!template?.value) return 'jinja2';
  // v2 writes `template: {format: {kind: jinja2}}`; v1 and shorthands write `template: jinja2` or `format: jinja2`.
  const format = yamlMapGet(template.value, 'format')?.value;
  const kindNode = isScalar(template.value) ? template.value : isScalar(format) ? format : yamlMapGet(format, 'kind')?.value;
  if (!kindNode) return 'jinja2';
  const kind = stringOf(kindNode);
  if (kind === 'jinja2' || kind === 'mustache') return kind;
  diagnostics.push(
    createDiagnostic(source.file, yamlNodeRange(source, kindNode), 'front-matter-schema', `Prompty renders templates in jinja2 or mustache, not ${kind === undefined ? describeYamlNode(kindNode) : `'${kind}'`}.`),
  );
  return 'jinja2';
}

function readInput(source: YamlSource, name: string, nameNode: ParsedNode, body: ParsedNode | null, keyNode: ParsedNode, diagnostics: PromptDiagnostic[]): PromptyInput {
  const file = source.file;
  let kind: InputKind | undefined;
  let kindEntry = yamlMapGet(body, 'kind');
  const legacyType = yamlMapGet(body, 'type');
  if (!kindEntry && legacyType) {
    kindEntry = legacyType;
    diagnostics.push(
      createDiagnostic(file, yamlNodeRange(source, legacyType.keyNode), 'front-matter-schema', `'type' is how Prompty v1 wrote an input's kind; Prompty v2 reads 'kind'.`, { severity: 'hint' }),
    );
  }
  const kindText = stringOf(kindEntry?.value);
  if (kindEntry && kindText !== undefined && isInputKind(kindText)) kind = kindText;
  else if (kindEntry) {
    const suggestion = kindText === undefined ? undefined : closestName(kindText, inputKinds);
    diagnostics.push(
      createDiagnostic(
        file,
        yamlNodeRange(source, kindEntry.value ?? kindEntry.keyNode),
        'front-matter-schema',
        `'${kindText ?? describeYamlNode(kindEntry.value)}' is not a Prompty input kind${suggestion ? `; did you mean '${suggestion}'?` : `; use one of ${inputKinds.join(', ')}.`}`,
      ),
    );
  }
  const plain = (node: ParsedNode | null | undefined): unknown => {
    const converted = yamlToPlain(source, node);
    return converted.ok ? converted.value : undefined;
  };
  const valueEntry = isMap(body) ? (yamlMapGet(body, 'default') ?? yamlMapGet(body, 'example')) : undefined;
  // A map entry with a plain value (`question: Hello`) declares the input by its default.
  const valueNode = isMap(body) ? valueEntry?.value : body;
  const description = stringOf(yamlMapGet(body, 'description')?.value);
  const enumValues = plain(yamlMapGet(body, 'enumValues')?.value);
  const required = isScalar(yamlMapGet(body, 'required')?.value) && yamlMapGet(body, 'required')?.value?.toJSON() === true;
  return {
    name,
    nameRange: yamlNodeRange(source, nameNode),
    keyRange: yamlNodeRange(source, keyNode),
    kind,
    required,
    description,
    enumValues: Array.isArray(enumValues) ? enumValues : undefined,
    value: isParsedNode(valueNode) ? { value: plain(valueNode), node: valueNode, keyRange: yamlNodeRange(source, valueEntry?.keyNode ?? nameNode) } : undefined,
  };
}

function readInputs(source: YamlSource, node: ParsedNode | null, diagnostics: PromptDiagnostic[]): PromptyInput[] {
  const inputs: PromptyInput[] = [];
  const seen = new Set<string>();
  const add = (input: PromptyInput): void => {
    if (seen.has(input.name)) {
      diagnostics.push(createDiagnostic(source.file, input.nameRange, 'front-matter-schema', `Input '${input.name}' is declared twice.`));
      return;
    }
    seen.add(input.name);
    inputs.push(input);
  };
  if (isSeq(node)) {
    for (const item of node.items) {
      if (!isParsedNode(item)) continue;
      const nameEntry = yamlMapGet(item, 'name');
      const name = stringOf(nameEntry?.value);
      if (!nameEntry?.value || name === undefined || name === '') {
        diagnostics.push(createDiagnostic(source.file, yamlNodeRange(source, item), 'front-matter-schema', `Each input in the 'inputs' list needs a 'name'.`));
        continue;
      }
      add(readInput(source, name, nameEntry.value, item, item, diagnostics));
    }
  } else if (isMap(node)) {
    for (const entry of yamlMapEntries(node)) add(readInput(source, entry.key, entry.keyNode, entry.value, entry.keyNode, diagnostics));
  } else if (node !== null) {
    diagnostics.push(createDiagnostic(source.file, yamlNodeRange(source, node), 'front-matter-schema', `'inputs' is ${describeYamlNode(node)}; Prompty reads a list of inputs or a map from name to input.`));
  }
  return inputs;
}

/**
 * Whether a front matter's YAML text can hold a `${…}` value or a `bindings` key at all: a scalar's
 * value is written out in the text, except what a `\` escape writes. Most front matters hold
 * neither, and then the walk over all their nodes is skipped.
 */
export function mayHoldReferences(yamlText: string): boolean {
  return yamlText.includes('$') || yamlText.includes('bindings') || yamlText.includes('\\');
}

/** The `${file:}` references of the front matter (checking `${env:}` ones) and the inputs tools are bound to, in one walk over every node. */
export function frontMatterReferences(source: YamlSource, diagnostics: PromptDiagnostic[]): { fileReferences: FileReference[]; boundInputs: string[] } {
  const fileReferences: FileReference[] = [];
  const boundInputs: string[] = [];
  walkYamlNodes(source.yaml.contents, {
    scalar(node) {
      if (typeof node.value !== 'string' || !isParsedNode(node)) return;
      const match = referencePattern.exec(node.value);
      if (!match) return;
      const [, kind, argument = ''] = match;
      const range = yamlNodeRange(source, node);
      if (kind === 'file' && argument.trim() !== '') fileReferences.push({ path: argument.trim(), range });
      else if (argument.trim() === '' || (kind === 'env' && !/^[A-Za-z_][\w.-]*(:.*)?$/s.test(argument))) {
        diagnostics.push(createDiagnostic(source.file, range, 'front-matter-schema', `'${node.value}' names no ${kind === 'env' ? 'environment variable' : 'file'}; write \${${kind}:${kind === 'env' ? 'NAME' : 'path'}}.`));
      }
    },
    pair(pair) {
      // A tool's `bindings: {param: {input: name}}` hands an input to the tool.
      if (!isScalar(pair.key) || pair.key.value !== 'bindings' || !isMap(pair.value)) return;
      for (const binding of pair.value.items) {
        const input = isMap(binding.value) ? binding.value.get('input') : undefined;
        if (typeof input === 'string') boundInputs.push(input);
      }
    },
  });
  return { fileReferences, boundInputs };
}

/** Reads a Prompty front matter (parsed YAML without errors): inputs, template language, references; never throws. */
export function readPromptyFrontMatter(source: YamlSource): PromptyFrontMatter {
  const diagnostics: PromptDiagnostic[] = [];
  const root = source.yaml.contents;
  if (!isParsedNode(root) || !isMap(root)) {
    if (isParsedNode(root)) diagnostics.push(createDiagnostic(source.file, yamlNodeRange(source, root), 'front-matter-schema', `The front matter is ${describeYamlNode(root)}; Prompty reads a map of fields.`));
    return { inputs: [], inputsKey: undefined, templateKind: 'jinja2', legacySample: undefined, fileReferences: [], boundInputs: [], diagnostics };
  }
  const inputsEntry = yamlMapGet(root, 'inputs');
  const inputs = inputsEntry ? readInputs(source, inputsEntry.value, diagnostics) : [];
  const sampleEntry = yamlMapGet(root, 'sample');
  let legacySample: PromptyFrontMatter['legacySample'];
  if (sampleEntry && isParsedNode(sampleEntry.value) && isMap(sampleEntry.value)) {
    legacySample = { node: sampleEntry.value, keyRange: yamlNodeRange(source, sampleEntry.keyNode) };
    diagnostics.push(
      createDiagnostic(source.file, legacySample.keyRange, 'front-matter-schema', `'sample' is Prompty v1; Prompty v2 reads each input's 'default' or 'example' (the values still serve as the default sample set).`, { severity: 'hint' }),
    );
  }
  return {
    inputs,
    inputsKey: inputsEntry ? { keyRange: yamlNodeRange(source, inputsEntry.keyNode), node: inputsEntry.value ?? inputsEntry.keyNode } : undefined,
    templateKind: templateKindOf(source, root, diagnostics),
    legacySample,
    ...(mayHoldReferences(source.document.text.slice(source.offset, source.offset + source.length)) ? frontMatterReferences(source, diagnostics) : { fileReferences: [], boundInputs: [] }),
    diagnostics,
  };
}
