import { isMap, isScalar, isSeq, type ParsedNode } from 'yaml';
import { isParsedNode, yamlNodeRange, type YamlSource } from '../document/yamlSource';
import type { TextEdit } from './textEdits';
import { nameInScalar } from './yamlEdits';

/**
 * Edits of input values (`input.default` and sample sets) as written in YAML. A property can sit
 * at many places of the data (in every item of a list, under every key of a map), so a property is
 * addressed by the steps from the input's root to it.
 */

/** One step from a value into the values under it: a named key, every list item, or every map value. */
export type DataStep = { readonly kind: 'key'; readonly name: string } | { readonly kind: 'items' } | { readonly kind: 'values' };

/** The YAML nodes a path of steps leads to, following every item where it says so. */
export function nodesAt(node: ParsedNode | null | undefined, steps: readonly DataStep[]): { readonly key: ParsedNode | undefined; readonly value: ParsedNode | undefined }[] {
  const [step, ...rest] = steps;
  if (!step) return [];
  const follow = (key: ParsedNode | undefined, value: unknown): { key: ParsedNode | undefined; value: ParsedNode | undefined }[] => {
    const valueNode = isParsedNode(value) ? value : undefined;
    return rest.length === 0 ? [{ key, value: valueNode }] : nodesAt(valueNode, rest);
  };
  if (step.kind === 'items') return isSeq(node) ? node.items.flatMap((item) => follow(undefined, item)) : [];
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => {
    const key: unknown = pair.key;
    if (!isParsedNode(key) || !isScalar(key)) return [];
    if (step.kind === 'values' || String(key.value) === step.name) return follow(key, pair.value);
    return [];
  });
}

/** Renames a key wherever the steps lead in a set of values, keeping quotes around it. */
export function renameKeyEdits(source: YamlSource, node: ParsedNode | null | undefined, steps: readonly DataStep[], oldName: string, newName: string): TextEdit[] {
  return nodesAt(node, steps).flatMap(({ key }) => {
    if (!key) return [];
    return [{ range: nameInScalar(source, key, oldName) ?? yamlNodeRange(source, key), newText: newName }];
  });
}

/** Parses a data path as sample diagnostics write it (`customer.name`, `items[0].title`) into keys and list indices. */
export function parseDataPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) parts.push(Number(match[2]));
    else if (match[1] !== undefined) parts.push(match[1]);
  }
  return parts;
}

/** The node a data path leads to (a key's value or a list item). */
export function nodeAtDataPath(node: ParsedNode | null | undefined, path: readonly (string | number)[]): ParsedNode | undefined {
  let current: unknown = node;
  for (const part of path) {
    if (typeof part === 'number') {
      current = isSeq(current) ? current.items[part] : undefined;
    } else if (isMap(current)) {
      current = current.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === part)?.value;
    } else {
      return undefined;
    }
  }
  return isParsedNode(current) ? current : undefined;
}
