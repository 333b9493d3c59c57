import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq, type Document, type ParsedNode } from 'yaml';
import { createDiagnostic, type PromptDiagnostic } from './promptDiagnostic';
import type { Range, TextDocument } from './textDocument';

/** A YAML text parsed with source ranges, sitting at `offset` in a larger document. */
export interface YamlSource {
  readonly file: string;
  readonly document: TextDocument;
  readonly offset: number;
  readonly length: number;
  readonly yaml: Document.Parsed;
  /** True when the yaml library reported errors; values read from it are then unreliable. */
  readonly hasErrors: boolean;
  readonly diagnostics: readonly PromptDiagnostic[];
}

/** A map entry whose key is a scalar, with its key and value nodes. */
export interface YamlEntry {
  readonly key: string;
  readonly keyNode: ParsedNode;
  readonly value: ParsedNode | null;
}

/**
 * yaml builds a node per item and needs about a kilobyte of memory for each, so text with more
 * lines and commas than this is refused rather than risking the editor's memory.
 */
export const maxYamlItems = 200_000;

function countItems(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0 && count <= maxYamlItems; at = text.indexOf('\n', at + 1)) count++;
  for (let at = text.indexOf(','); at >= 0 && count <= maxYamlItems; at = text.indexOf(',', at + 1)) count++;
  return count;
}

/** Maps up to this size (nearly all of a front matter's) compare their keys pairwise instead of hashing them. */
const smallMapSize = 8;

/** The keys of a small map that repeat an earlier one: as the hashed walk finds them (same type, same text), without building a string per key. */
function duplicatesInSmallMap(items: readonly { readonly key: unknown }[], duplicates: ParsedNode[]): void {
  for (let index = 1; index < items.length; index++) {
    const key = items[index]?.key;
    if (!isScalar(key) || !isParsedNode(key)) continue;
    const text = String(key.value);
    for (let before = 0; before < index; before++) {
      const earlier = items[before]?.key;
      if (isScalar(earlier) && isParsedNode(earlier) && typeof earlier.value === typeof key.value && String(earlier.value) === text) {
        duplicates.push(key);
        break;
      }
    }
  }
}

/** Reports repeated keys in every map, as yaml's `uniqueKeys` would (which compares each key with all before it). */
function duplicateKeys(yaml: Document.Parsed): ParsedNode[] {
  const duplicates: ParsedNode[] = [];
  // A direct walk in yaml's `visit` order (a map, then each key and value): `visit` costs several
  // times more per node, and this runs on every prompt's front matter.
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      if (node.items.length <= smallMapSize) duplicatesInSmallMap(node.items, duplicates);
      else {
        const seen = new Set<string>();
        for (const pair of node.items) {
          const key: unknown = pair.key;
          if (!isScalar(key) || !isParsedNode(key)) continue;
          const identity = `${typeof key.value}:${String(key.value)}`;
          if (seen.has(identity)) duplicates.push(key);
          seen.add(identity);
        }
      }
      for (const pair of node.items) {
        walk(pair.key);
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    }
  };
  walk(yaml.contents);
  return duplicates;
}

/** Parses YAML that occupies `[offset, offset + text.length)` of `document`; errors become `yaml-syntax` diagnostics. */
export function parseYamlSource(file: string, document: TextDocument, offset: number, text: string): YamlSource {
  const diagnostics: PromptDiagnostic[] = [];
  const whole = document.rangeAt(offset, offset + text.length);
  let yaml: Document.Parsed;
  if (countItems(text) > maxYamlItems) {
    yaml = parseDocument('');
    diagnostics.push(createDiagnostic(file, document.rangeAt(offset, offset), 'yaml-syntax', `This YAML has more than ${maxYamlItems} lines and items, which PromptOps does not read.`));
    return { file, document, offset, length: text.length, yaml, hasErrors: true, diagnostics };
  }
  try {
    // Offsets are mapped through TextDocument, not yaml's LineCounter: the YAML is a slice of the
    // prompt, and LineCounter only knows `\n` while editors also break lines on a lone `\r`.
    // uniqueKeys is checked below in linear time; yaml's own check is quadratic in the map size.
    yaml = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'silent' });
  } catch (error: unknown) {
    yaml = parseDocument('');
    const reason = error instanceof RangeError ? 'it is nested too deeply' : messageOf(error);
    diagnostics.push(createDiagnostic(file, whole, 'yaml-syntax', `The YAML cannot be read: ${reason}.`));
    return { file, document, offset, length: text.length, yaml, hasErrors: true, diagnostics };
  }
  const rangeOfPos = (pos: readonly [number, number]): Range => {
    let start = Math.min(Math.max(pos[0], 0), text.length);
    let end = Math.min(Math.max(pos[1], start), text.length);
    if (start === end) {
      // An error at the very end (an unclosed `[`) gets the last character written instead of nothing.
      while (start > 0 && /\s/.test(text.charAt(start - 1))) start--;
      start = Math.max(0, start - 1);
      end = Math.min(start + 1, text.length);
    }
    // yaml marks many errors with one character; widen that to the plain word it starts (a key, a value).
    if (end - start <= 1 && /[^\s:,[\]{}#"']/.test(text.charAt(start))) {
      end = start;
      while (end < text.length && /[^\s:,[\]{}#]/.test(text.charAt(end))) end++;
    }
    return document.rangeAt(offset + start, offset + end);
  };
  for (const error of yaml.errors) {
    diagnostics.push(createDiagnostic(file, rangeOfPos(error.pos), 'yaml-syntax', sentence(error.message)));
  }
  for (const warning of yaml.warnings) {
    diagnostics.push(createDiagnostic(file, rangeOfPos(warning.pos), 'yaml-syntax', sentence(warning.message), { severity: 'warning' }));
  }
  try {
    for (const key of duplicateKeys(yaml)) {
      diagnostics.push(createDiagnostic(file, rangeOfPos([key.range[0], key.range[1]]), 'yaml-syntax', 'Map keys must be unique.'));
    }
  } catch {
    diagnostics.push(createDiagnostic(file, whole, 'yaml-syntax', 'The YAML is nested too deeply to check.'));
  }
  return { file, document, offset, length: text.length, yaml, hasErrors: diagnostics.some((diagnostic) => diagnostic.severity === 'error'), diagnostics };
}

/** Tells whether a value is a YAML node that came out of the parser (and so has a source range). */
export function isParsedNode(value: unknown): value is ParsedNode {
  return (isMap(value) || isSeq(value) || isScalar(value) || isAlias(value)) && Array.isArray(value.range);
}

/** Returns the document range of a YAML node (its value, without trailing comments). */
export function yamlNodeRange(source: YamlSource, node: ParsedNode | null | undefined): Range {
  if (!node?.range) return source.document.rangeAt(source.offset, source.offset);
  const { start, end } = yamlNodeOffsets(source, node);
  return source.document.rangeAt(start, end);
}

/** Returns the document offsets of a YAML node's value, without the line break a block collection ends with. */
export function yamlNodeOffsets(source: YamlSource, node: ParsedNode): { start: number; end: number } {
  const start = source.offset + Math.min(Math.max(node.range[0], 0), source.length);
  let end = source.offset + Math.min(Math.max(node.range[1], node.range[0], 0), source.length);
  const text = source.document.text;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

/** Lists the entries of a YAML map whose keys are scalars, in source order. */
export function yamlMapEntries(node: ParsedNode | null | undefined): YamlEntry[] {
  if (!isMap(node)) return [];
  const entries: YamlEntry[] = [];
  for (const pair of node.items) {
    const keyNode = pair.key;
    if (!isScalar(keyNode)) continue;
    entries.push({ key: String(keyNode.value), keyNode, value: pair.value });
  }
  return entries;
}

/** Finds the entry of a YAML map with the given key. */
export function yamlMapGet(node: ParsedNode | null | undefined, key: string): YamlEntry | undefined {
  if (!isMap(node)) return undefined;
  // Without listing every entry first: front matter readers ask for a handful of keys per map.
  for (const pair of node.items) {
    const keyNode = pair.key;
    if (isScalar(keyNode) && String(keyNode.value) === key) return { key, keyNode, value: pair.value };
  }
  return undefined;
}

/** Describes the kind of a YAML node for messages ("a list", "a number", ...). */
export function describeYamlNode(node: ParsedNode | null | undefined): string {
  if (node === null || node === undefined) return 'empty';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isAlias(node)) return 'an alias';
  return describeValue(node.value);
}

/** Describes a plain value's kind for messages. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'a map';
    default:
      return typeof value;
  }
}

/** The outcome of converting YAML to plain data. */
export type PlainValue = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/** Marks a tree `treePlain` leaves to yaml's own conversion. */
const notATree = Symbol('not a plain tree');
/** Trees deeper or larger than this are left to yaml's conversion and the cycle and size checks after it. */
const treeDepthLimit = 64;
const treeNodeLimit = 10_000;

/**
 * The plain data of a tree of plain maps, lists and scalars, built as yaml's `toJS` builds it;
 * `notATree` for anything else (an anchor, an alias, a tag that builds another class, a merge or
 * non-scalar key, a deep or large tree). Defaults, examples and sample values are nearly always
 * such trees, and yaml's generic conversion cost several times more on each in `check`'s profile.
 */
function treePlain(node: unknown, depth: number, budget: { left: number }): unknown {
  if (node === null || node === undefined) return node;
  if (--budget.left < 0 || depth > treeDepthLimit) return notATree;
  if (isScalar(node)) return node.anchor ? notATree : node.value;
  if (isMap(node) && Object.getPrototypeOf(node) === YAMLMap.prototype && !node.anchor) {
    const map: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key: unknown = pair.key;
      let name: string;
      if (key === null || key === undefined) name = '';
      else if (isScalar(key) && !key.anchor && !('addToJSMap' in key)) {
        const value: unknown = key.value;
        if (value === '<<' || typeof value === 'symbol' || (typeof value === 'object' && value !== null)) return notATree;
        name = value === null ? '' : String(value);
      } else return notATree;
      const value = treePlain(pair.value, depth + 1, budget);
      if (value === notATree) return notATree;
      // As yaml does: a name the object already answers (`__proto__`, `constructor`) becomes an own property.
      if (name in map) Object.defineProperty(map, name, { value, writable: true, enumerable: true, configurable: true });
      else map[name] = value;
    }
    return map;
  }
  if (isSeq(node) && Object.getPrototypeOf(node) === YAMLSeq.prototype && !node.anchor) {
    const list: unknown[] = [];
    for (const item of node.items) {
      const value = treePlain(item, depth + 1, budget);
      if (value === notATree) return notATree;
      list.push(value);
    }
    return list;
  }
  return notATree;
}

/** Converts a YAML node to plain data without throwing, refusing alias bombs and self-referencing anchors. */
export function yamlToPlain(source: YamlSource, node: ParsedNode | null | undefined): PlainValue {
  if (node === null || node === undefined) return { ok: true, value: null };
  const tree = treePlain(node, 0, { left: treeNodeLimit });
  return tree === notATree ? yamlToPlainByYaml(source, node) : { ok: true, value: tree };
}

/** `yamlToPlain` through yaml's own conversion, for any node: what the shortcut for plain trees must agree with. */
export function yamlToPlainByYaml(source: YamlSource, node: ParsedNode): PlainValue {
  let value: unknown;
  try {
    value = node.toJS(source.yaml, { maxAliasCount: 100 });
  } catch (error: unknown) {
    return { ok: false, reason: messageOf(error) };
  }
  return isAcyclic(value) ? { ok: true, value } : { ok: false, reason: 'an anchor refers to itself or the data is nested too deeply' };
}

function isAcyclic(value: unknown): boolean {
  const onPath = new Set<object>();
  let budget = 1_000_000;
  const visit = (item: unknown, depth: number): boolean => {
    if (typeof item !== 'object' || item === null) return true;
    if (onPath.has(item) || depth > 1000 || --budget < 0) return false;
    onPath.add(item);
    let ok = true;
    // Children are read in place: copying them into a list cost more than the walk on every front matter.
    if (item instanceof Map || item instanceof Set) {
      for (const child of item.values()) if (!(ok = visit(child, depth + 1))) break;
    } else if (Array.isArray(item)) {
      for (const child of item) if (!(ok = visit(child, depth + 1))) break;
    } else {
      for (const child of Object.values(item)) if (!(ok = visit(child, depth + 1))) break;
    }
    onPath.delete(item);
    return ok;
  };
  return visit(value, 0);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function sentence(message: string): string {
  const trimmed = message.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return 'The YAML is invalid.';
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
