import { isMap, isScalar, isSeq, type ParsedNode } from 'yaml';
import type { PromptDocument } from '../../../document/promptDocument';
import type { Range } from '../../../document/textDocument';
import { isParsedNode, yamlMapGet, yamlNodeOffsets, type YamlEntry, type YamlSource } from '../../../document/yamlSource';

/** The YAML nodes of a prompt's `input` section, for edits that add, remove or rename declarations. */
export interface InputSchemaYaml {
  readonly source: YamlSource;
  /** The front matter's root node (null when it holds only comments). */
  readonly root: ParsedNode | null;
  readonly input: YamlEntry | undefined;
  readonly schema: YamlEntry | undefined;
  readonly defaults: YamlEntry | undefined;
}

/** A schema key found in the YAML, with the map holding it and, in JSON Schema, the object schema that owns that map. */
export interface SchemaKeyLocation {
  readonly map: ParsedNode;
  readonly keyNode: ParsedNode;
  /** The JSON Schema object (`{type: object, properties: …, required: …}`) whose `properties` hold the key. */
  readonly owner: ParsedNode | undefined;
}

/** Finds the `input`, `input.schema` and `input.default` entries of a prompt whose front matter parses. */
export function inputSchemaYaml(document: PromptDocument): InputSchemaYaml | undefined {
  const frontMatter = document.frontMatter;
  if (!frontMatter?.valid) return undefined;
  const source = frontMatter.yaml;
  const contents: unknown = source.yaml.contents;
  const root = isParsedNode(contents) ? contents : null;
  const input = yamlMapGet(root, 'input');
  const inputMap = input?.value;
  return {
    source,
    root,
    input,
    schema: isMap(inputMap) ? yamlMapGet(inputMap, 'schema') : undefined,
    defaults: isMap(inputMap) ? yamlMapGet(inputMap, 'default') : undefined,
  };
}

/** Tells whether a YAML value is absent: no node, or an empty scalar (`schema:` with nothing after it). */
export function isEmptyValue(node: ParsedNode | null | undefined): boolean {
  return node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === undefined || node.value === ''));
}

/** Finds the map entry whose key is written at `keyRange` anywhere under `node`. */
export function findSchemaKey(source: YamlSource, node: ParsedNode | null | undefined, keyRange: Range): SchemaKeyLocation | undefined {
  const wanted = source.document.offsetAt(keyRange.start);
  const search = (current: unknown, parent: ParsedNode | undefined, parentKey: string | undefined, depth: number): SchemaKeyLocation | undefined => {
    if (depth > 64 || !isParsedNode(current)) return undefined;
    if (isSeq(current)) {
      for (const item of current.items) {
        const found = search(item, undefined, undefined, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    if (!isMap(current)) return undefined;
    for (const pair of current.items) {
      const key: unknown = pair.key;
      if (!isParsedNode(key)) continue;
      if (yamlNodeOffsets(source, key).start === wanted) {
        return { map: current, keyNode: key, owner: parentKey === 'properties' ? parent : undefined };
      }
      const found = search(pair.value, current, isScalar(key) ? String(key.value) : undefined, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return search(node, undefined, undefined, 0);
}
