import { isMap, isSeq, type ParsedNode } from 'yaml';
import { readInputValues, type InputValues } from '../document/inputValues';
import { compileJsonSchema, validateWithSchema, type ValidationFailure } from '../schema/jsonSchemaValidation';
import { closestName } from '../checks/nameSuggestion';
import { compareDiagnostics, createDiagnostic, type PromptDiagnostic, type RelatedInformation } from '../document/promptDiagnostic';
import type { PromptDocument } from '../document/promptDocument';
import { defaultSetName, type SampleFile } from './sampleSets';
import { lookupProperty, type DeclaredProperty, type SchemaShape } from '../schema/schemaShape';
import type { TemplateAnalysis } from '../checks/templateAnalysis';
import { createTextDocument, type Range } from '../document/textDocument';
import { describeValue, isParsedNode, parseYamlSource, yamlMapEntries, yamlNodeRange } from '../document/yamlSource';

interface Expectations {
  /** Variables every set must provide. */
  readonly required: readonly string[];
  /** Names a set may provide; undefined when anything goes. */
  readonly allowed: ReadonlySet<string> | undefined;
  /** Where each expected name is declared or first used, for related information. */
  readonly whereDefined: (name: string) => RelatedInformation[];
  readonly basis: 'schema' | 'template';
}

function decodePointer(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Reflect.get(current, segment);
  }
  return current;
}

/** The YAML node a path leads to, with the key node of its last step. */
function nodeAt(root: ParsedNode, path: readonly string[]): { node: ParsedNode; key: ParsedNode | undefined; reached: number } {
  let node = root;
  let key: ParsedNode | undefined;
  let reached = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const entry = yamlMapEntries(node).find((candidate) => candidate.key === segment);
      if (!entry || !isParsedNode(entry.value)) {
        if (entry) key = entry.keyNode;
        break;
      }
      key = entry.keyNode;
      node = entry.value;
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(segment)];
      if (!isParsedNode(item)) break;
      key = undefined;
      node = item;
    } else {
      break;
    }
    reached++;
  }
  return { node, key, reached };
}

function declarationAt(shape: SchemaShape | undefined, path: readonly string[]): DeclaredProperty | undefined {
  let current = shape;
  let found: DeclaredProperty | undefined;
  for (const segment of path) {
    if (!current) break;
    if (current.kind === 'object') {
      const next = lookupProperty(current, segment);
      if (!next) break;
      if (next.property) found = next.property;
      current = next.shape;
    } else if (current.kind === 'array') {
      current = current.items;
    } else {
      break;
    }
  }
  return found;
}

const typeArticles: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

/** Turns JSON Schema type names into words: `number or null` → `a number or null`. */
function typeWords(expected: string): string {
  return expected
    .split(' or ')
    .map((type) => typeArticles[type] ?? type)
    .join(' or ');
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Writes a data path the way a template would read it: `items[0].title`. */
function dotted(path: readonly string[]): string {
  return path.reduce((written, segment) => (/^\d+$/.test(segment) ? `${written}[${segment}]` : written ? `${written}.${segment}` : segment), '');
}

class SampleChecker {
  readonly diagnostics: PromptDiagnostic[] = [];

  constructor(
    private readonly document: PromptDocument,
    private readonly expectations: Expectations | undefined,
    private readonly validate: ((data: unknown) => ValidationFailure[]) | undefined,
  ) {}

  private related(property: DeclaredProperty | undefined): RelatedInformation[] {
    return property?.declaration ? [{ file: this.document.path, range: property.declaration.nameRange, message: `'${property.name}' is declared here.` }] : [];
  }

  /** Reports keys of `values` that nothing expects. */
  unknownKeys(set: string, values: InputValues, label: string): void {
    const allowed = this.expectations?.allowed;
    if (!allowed) return;
    for (const key of values.keys.values()) {
      if (allowed.has(key.name)) continue;
      const suggestion = closestName(key.name, allowed);
      const reason = this.expectations?.basis === 'schema' ? 'the input schema does not declare' : 'the template never uses';
      this.diagnostics.push(
        createDiagnostic(
          values.source.file,
          key.keyRange,
          'unknown-sample-key',
          `${label} sets '${key.name}', which ${reason}${suggestion ? `; did you mean '${suggestion}'?` : '.'}`,
          {
            related: suggestion ? (this.expectations?.whereDefined(suggestion) ?? []) : [],
            data: { code: 'unknown-sample-key', set, key: key.name, ...(suggestion ? { suggestion } : {}) },
          },
        ),
      );
    }
  }

  /** Reports required variables that neither the set nor the defaults provide. */
  missing(set: string, provided: Readonly<Record<string, unknown>>, file: string, range: Range, severity: 'error' | 'warning', label: string): void {
    for (const name of this.expectations?.required ?? []) {
      if (Object.prototype.hasOwnProperty.call(provided, name)) continue;
      this.diagnostics.push(
        createDiagnostic(file, range, 'missing-sample-value', `${label} has no value for required variable '${name}'.`, {
          severity,
          related: this.expectations?.whereDefined(name) ?? [],
          data: { code: 'missing-sample-value', set, variable: name },
        }),
      );
    }
  }

  /** Validates data with the schema and reports failures located in `values` (other keys are someone else's). */
  types(set: string, data: Readonly<Record<string, unknown>>, values: InputValues, label: string): void {
    if (!this.validate) return;
    const shape = this.document.inputSchema?.shape;
    for (const failure of this.validate(data)) {
      const path = decodePointer(failure.instancePath);
      const top = path[0] ?? failure.property;
      // Top-level required and unknown keys are reported by `missing` and `unknownKeys`.
      if (path.length === 0 && (failure.keyword === 'required' || failure.keyword === 'additionalProperties')) continue;
      if (top === undefined || !values.keys.has(top)) continue;
      const located = nodeAt(values.node, path);
      const file = values.source.file;
      if (failure.keyword === 'required' && failure.property !== undefined) {
        const variable = dotted([...path, failure.property]);
        this.diagnostics.push(
          createDiagnostic(file, yamlNodeRange(values.source, located.key ?? located.node), 'missing-sample-value', `${label} gives '${dotted(path)}' without its required property '${failure.property}'.`, {
            related: this.related(declarationAt(shape, [...path, failure.property])),
            data: { code: 'missing-sample-value', set, variable },
          }),
        );
      } else if (failure.keyword === 'additionalProperties' && failure.property !== undefined) {
        const keyPath = [...path, failure.property];
        const keyNode = nodeAt(values.node, keyPath);
        const allowedHere = declarationAt(shape, path);
        this.diagnostics.push(
          createDiagnostic(
            file,
            yamlNodeRange(values.source, keyNode.reached === keyPath.length ? (keyNode.key ?? keyNode.node) : (keyNode.key ?? located.node)),
            'unknown-sample-key',
            `${label} sets '${dotted(keyPath)}', which the input schema does not declare.`,
            { related: this.related(allowedHere), data: { code: 'unknown-sample-key', set, key: dotted(keyPath) } },
          ),
        );
      } else {
        const actual = valueAt(data, path);
        const where = `In ${label.charAt(0).toLowerCase()}${label.slice(1)}, '${dotted(path)}'`;
        let message = `${where} ${failure.message}.`;
        if (failure.keyword === 'type') message = `${where} must be ${typeWords(failure.expected)}, not ${describeValue(actual)}.`;
        else if (failure.keyword === 'enum') message = `${where} must be ${failure.expected}, not ${shortJson(actual)}.`;
        this.diagnostics.push(
          createDiagnostic(
            file,
            yamlNodeRange(values.source, located.node),
            'sample-type-mismatch',
            message,
            {
              related: this.related(declarationAt(shape, path)),
              data: { code: 'sample-type-mismatch', set, path: failure.instancePath, keyword: failure.keyword, expected: failure.expected },
            },
          ),
        );
      }
    }
  }
}

function expectationsFor(document: PromptDocument, analysis: TemplateAnalysis | undefined): Expectations | undefined {
  const shape = document.inputSchema?.shape;
  if (shape?.kind === 'object') {
    const open = shape.additional !== 'forbidden' && shape.additional !== 'unspecified';
    return {
      required: [...shape.properties.values()].filter((property) => property.required).map((property) => property.name),
      allowed: open ? undefined : new Set(shape.properties.keys()),
      whereDefined: (name) => {
        const declaration = shape.properties.get(name)?.declaration;
        return declaration ? [{ file: document.path, range: declaration.nameRange, message: `'${name}' is declared here.` }] : [];
      },
      basis: 'schema',
    };
  }
  if (shape !== undefined || !analysis) return undefined;
  const opaque = analysis.usesWholeInput || analysis.hasOpaquePartial;
  return {
    required: [...analysis.usedVariables],
    allowed: opaque ? undefined : analysis.usedVariables,
    whereDefined: (name) => {
      const use = analysis.uses.find((candidate) => candidate.variable === name && candidate.origin === 'input');
      const segment = use?.path.segments.find((candidate) => candidate.name === name);
      return segment ? [{ file: document.path, range: segment.range, message: `'${name}' is used here.` }] : [];
    },
    basis: 'template',
  };
}

/**
 * Checks `input.default` and every sample set against the input schema (or, without one, against
 * the variables the template reads): `missing-sample-value`, `unknown-sample-key`, `sample-type-mismatch`.
 */
export function checkSampleSets(document: PromptDocument, samples: SampleFile | undefined, analysis: TemplateAnalysis | undefined): PromptDiagnostic[] {
  if (document.frontMatter && !document.frontMatter.valid) return [];
  const defaults = document.inputDefaults;
  const fileSets = samples?.sets ?? [];
  // Compiling costs about a millisecond, so only schemas with values to check are compiled.
  const validate = defaults || fileSets.length > 0 ? schemaValidator(document) : undefined;
  const checker = new SampleChecker(document, expectationsFor(document, analysis), validate);

  if (defaults) {
    const label = `The default set (input.default)`;
    checker.unknownKeys(defaultSetName, defaults, label);
    checker.types(defaultSetName, defaults.value, defaults, label);
    // Defaults are usually partial; they only have to be complete when they are the only set.
    if (!samples || (fileSets.length === 0 && samples.diagnostics.length === 0)) checker.missing(defaultSetName, defaults.value, document.path, defaults.keyRange, 'warning', label);
  }
  for (const set of fileSets) {
    const label = `Sample set '${set.name}'`;
    const merged = { ...(defaults?.value ?? {}), ...set.values.value };
    checker.unknownKeys(set.name, set.values, label);
    checker.missing(set.name, merged, set.values.source.file, set.nameRange, 'error', label);
    checker.types(set.name, merged, set.values, label);
  }
  return checker.diagnostics;
}

function schemaValidator(document: PromptDocument): ((data: unknown) => ValidationFailure[]) | undefined {
  const schema = document.inputSchema;
  if (!schema || schema.form === 'type-name') return undefined;
  const validator = compileJsonSchema(schema.json).validate;
  return validator ? (data) => validateWithSchema(validator, data) : undefined;
}

/** The name custom-input findings carry as their file: the text is the preview's, not a file's. */
export const customInputFile = 'custom input';

/**
 * Checks a custom input (JSON text, as the preview takes it) the way sample sets are checked, with
 * the same sentences: against the input schema, or without one against the variables the template
 * reads; required variables may come from `input.default`. Ranges count in the JSON text. Text that
 * is not a JSON object gives nothing here (the preview says so itself).
 */
export function checkCustomInput(document: PromptDocument, analysis: TemplateAnalysis | undefined, json: string): PromptDiagnostic[] {
  if (document.frontMatter && !document.frontMatter.valid) return [];
  const text = createTextDocument(json);
  const source = parseYamlSource(customInputFile, text, 0, text.text);
  const root = source.yaml.contents;
  if (source.hasErrors || !isParsedNode(root) || !isMap(root)) return [];
  const values = readInputValues(source, root);
  const label = 'The custom input';
  const checker = new SampleChecker(document, expectationsFor(document, analysis), schemaValidator(document));
  const merged = { ...(document.inputDefaults?.value ?? {}), ...values.value };
  checker.unknownKeys('custom', values, label);
  checker.missing('custom', merged, customInputFile, yamlNodeRange(source, root), 'error', label);
  checker.types('custom', merged, values, label);
  return checker.diagnostics.sort(compareDiagnostics);
}
