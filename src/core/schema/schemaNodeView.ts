import { isAlias, isScalar, isSeq, type ParsedNode } from 'yaml';
import type { Declaration } from './schemaShape';
import type { Range } from '../document/textDocument';
import { isParsedNode, yamlMapEntries, yamlNodeOffsets, yamlNodeRange, yamlToPlain, type YamlSource } from '../document/yamlSource';

/**
 * A read-only view of schema data that is either YAML from the front matter (with ranges) or a
 * plain value from a schema resolver (without), so one converter serves both.
 */
export interface SchemaNodeView {
  readonly kind: 'map' | 'seq' | 'string' | 'number' | 'boolean' | 'null' | 'other';
  readonly range: Range | undefined;
  /** The scalar value (string, number, boolean, null); undefined for maps and lists. */
  readonly scalar: unknown;
  /** The whole value as plain data; undefined when it cannot be converted. */
  plain(): unknown;
  entries(): readonly SchemaEntryView[];
  get(key: string): SchemaNodeView | undefined;
  items(): readonly SchemaNodeView[];
}

/** A key of a map view with its value. */
export interface SchemaEntryView {
  readonly key: string;
  readonly keyRange: Range | undefined;
  readonly value: SchemaNodeView;
  /** Where `name` is written inside this key, for "declared here" links. */
  declarationOf(name: string): Declaration | undefined;
}

function kindOfPlain(value: unknown): SchemaNodeView['kind'] {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'seq';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'map';
    default:
      return 'other';
  }
}

/** Wraps a plain value (e.g. a resolved named schema) as a view without ranges. */
export function plainSchemaView(value: unknown): SchemaNodeView {
  const kind = kindOfPlain(value);
  const entries = (): SchemaEntryView[] =>
    kind === 'map' && typeof value === 'object' && value !== null
      ? Object.entries(value).map(([key, child]) => ({
          key,
          keyRange: undefined,
          value: plainSchemaView(child),
          declarationOf: () => undefined,
        }))
      : [];
  return {
    kind,
    range: undefined,
    scalar: kind === 'map' || kind === 'seq' ? undefined : value,
    plain: () => value,
    entries,
    get: (key) => entries().find((entry) => entry.key === key)?.value,
    items: () => (Array.isArray(value) ? value.map((item: unknown) => plainSchemaView(item)) : []),
  };
}

/** Wraps a YAML node of `source` as a view with document ranges. */
export function yamlSchemaView(source: YamlSource, node: ParsedNode | null | undefined, depth = 0): SchemaNodeView {
  // An alias stands for its anchor's node; following a bounded number keeps self-references finite.
  let target: ParsedNode | null | undefined = node;
  for (let hops = 0; isAlias(target) && hops < 16; hops++) {
    const resolved: unknown = target.resolve(source.yaml);
    target = isParsedNode(resolved) ? resolved : undefined;
  }
  const range = node ? yamlNodeRange(source, node) : undefined;
  if (depth > 64 || target === null || target === undefined || isAlias(target)) {
    return { ...plainSchemaView(null), range };
  }
  if (isScalar(target)) {
    const kind = kindOfPlain(target.value);
    return { ...plainSchemaView(target.value), kind: kind === 'map' || kind === 'seq' ? 'other' : kind, range };
  }
  const plain = (): unknown => {
    const converted = yamlToPlain(source, target);
    return converted.ok ? converted.value : undefined;
  };
  if (isSeq(target)) {
    const items = target.items.map((item) => (isParsedNode(item) ? yamlSchemaView(source, item, depth + 1) : plainSchemaView(null)));
    return { kind: 'seq', range, scalar: undefined, plain, entries: () => [], get: () => undefined, items: () => items };
  }
  const entries: SchemaEntryView[] = yamlMapEntries(target).map((entry) => ({
    key: entry.key,
    keyRange: yamlNodeRange(source, entry.keyNode),
    value: entry.value ? yamlSchemaView(source, entry.value, depth + 1) : { ...plainSchemaView(null), range: yamlNodeRange(source, entry.keyNode) },
    declarationOf: (name: string) => {
      const { start, end } = yamlNodeOffsets(source, entry.keyNode);
      const keyRange = source.document.rangeAt(start, end);
      const at = source.document.text.slice(start, end).indexOf(name);
      const nameRange = at < 0 || name === '' ? keyRange : source.document.rangeAt(start + at, start + at + name.length);
      return { nameRange, keyRange };
    },
  }));
  return {
    kind: 'map',
    range,
    scalar: undefined,
    plain,
    entries: () => entries,
    get: (key) => entries.find((entry) => entry.key === key)?.value,
    items: () => [],
  };
}

/** Follows a JSON pointer (`/properties/name/type`) as far as it goes and returns the deepest view reached. */
export function schemaViewAt(view: SchemaNodeView, pointer: string): SchemaNodeView {
  let node = view;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const next = node.kind === 'seq' ? node.items()[Number(segment)] : node.get(segment);
    if (!next) break;
    node = next;
  }
  return node;
}
