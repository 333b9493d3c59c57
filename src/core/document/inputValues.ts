import type { ParsedNode } from 'yaml';
import type { Range } from './textDocument';
import { yamlMapEntries, yamlNodeRange, yamlToPlain, type YamlSource } from './yamlSource';

/** One key of an input object as written in YAML. */
export interface InputValueKey {
  readonly name: string;
  readonly keyRange: Range;
  /** The value, or the key itself when the value is empty. */
  readonly valueRange: Range;
  readonly node: ParsedNode | null;
}

/** An input object (`input.default` or one sample set) with where each of its keys is written. */
export interface InputValues {
  readonly source: YamlSource;
  readonly node: ParsedNode;
  readonly value: Readonly<Record<string, unknown>>;
  readonly keys: ReadonlyMap<string, InputValueKey>;
  /** Set when the YAML could not be turned into data (e.g. an alias bomb); `value` is then empty. */
  readonly conversionError?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
}

/** Reads a YAML map of input values with the range of every key. */
export function readInputValues(source: YamlSource, node: ParsedNode): InputValues {
  const keys = new Map<string, InputValueKey>();
  for (const entry of yamlMapEntries(node)) {
    keys.set(entry.key, {
      name: entry.key,
      keyRange: yamlNodeRange(source, entry.keyNode),
      valueRange: yamlNodeRange(source, entry.value ?? entry.keyNode),
      node: entry.value,
    });
  }
  const plain = yamlToPlain(source, node);
  if (!plain.ok) return { source, node, value: {}, keys, conversionError: plain.reason };
  return { source, node, value: isRecord(plain.value) ? plain.value : {}, keys };
}
