import { isMap, isScalar, isSeq, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { isParsedNode, yamlNodeOffsets, type YamlSource } from '../document/yamlSource';
import { lineBreakOf, type TextEdit } from './textEdits';

/**
 * Text edits on YAML that keep the file as written: entries are added and removed line by line
 * (or item by item in flow collections) rather than by re-serialising, so comments, quoting and
 * indentation survive.
 */

/** One line of a block-style entry and how many indentation steps it sits below the entry's key. */
export interface YamlLine {
  readonly level: number;
  readonly text: string;
}

/** A map entry to insert, written both ways: block lines and a flow `key: value` fragment. */
export interface YamlEntryText {
  readonly block: readonly YamlLine[];
  readonly flow: string;
}

type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

interface Span {
  readonly start: number;
  readonly end: number;
}

function spanOf(source: YamlSource, node: unknown): Span | undefined {
  return isParsedNode(node) ? yamlNodeOffsets(source, node) : undefined;
}

/** Each item of a collection as offsets: from its key (or the item) to the end of its value. */
function itemSpans(source: YamlSource, node: Collection): Span[] | undefined {
  const spans: (Span | undefined)[] = isMap(node)
    ? node.items.map((pair) => {
        const key = spanOf(source, pair.key);
        const value = pair.value === null ? undefined : spanOf(source, pair.value);
        return key ? { start: key.start, end: Math.max(key.end, value?.end ?? key.end) } : undefined;
      })
    : node.items.map((item) => spanOf(source, item));
  return spans.every((span): span is Span => span !== undefined) ? spans : undefined;
}

function isFlow(node: Collection): boolean {
  return node.flow === true;
}

function lineStartOffset(source: YamlSource, offset: number): number {
  const document = source.document;
  return document.offsetAt({ line: document.positionAt(offset).line, character: 0 });
}

/** The column where a block collection's items start (a key, or the `-` of a list item). */
function blockColumn(source: YamlSource, node: Collection, first: Span): number {
  const document = source.document;
  const column = document.positionAt(first.start).character;
  if (isMap(node)) return column;
  const line = document.text.slice(lineStartOffset(source, first.start), first.start);
  const dash = line.lastIndexOf('-');
  return dash < 0 ? column : dash;
}

/** The indentation step the file uses for nested block maps (two spaces when it has none). */
export function indentUnitOf(source: YamlSource): string {
  let found: number | undefined;
  const visit = (node: unknown, depth: number): void => {
    if (found !== undefined || depth > 32 || !isMap(node) || isFlow(node)) return;
    const spans = itemSpans(source, node);
    const first = spans?.[0];
    if (!first) return;
    const column = source.document.positionAt(first.start).character;
    for (const pair of node.items) {
      const value: unknown = pair.value;
      if (isMap(value) && !isFlow(value)) {
        const child = itemSpans(source, value)?.[0];
        const childColumn = child ? source.document.positionAt(child.start).character : column;
        if (childColumn > column) {
          found = childColumn - column;
          return;
        }
      }
      visit(value, depth + 1);
    }
  };
  visit(source.yaml.contents, 0);
  return ' '.repeat(found ?? 2);
}

/** Whether only indentation precedes an offset on its line, i.e. a block item starts its own line. */
function startsLine(source: YamlSource, offset: number): boolean {
  return source.document.text.slice(lineStartOffset(source, offset), offset).trim() === '';
}

/** Indents block lines: the entry's indentation plus one step per nesting level. */
function renderBlockLines(lines: readonly YamlLine[], indent: string, unit: string): string[] {
  return lines.map((line) => `${indent}${unit.repeat(line.level)}${line.text}`);
}

/** Inserts whole lines after the line holding `offset`, or at the end of the document. */
function insertLinesAfter(source: YamlSource, offset: number, lines: readonly string[]): TextEdit {
  const document = source.document;
  const eol = lineBreakOf(document);
  const line = document.positionAt(offset).line;
  if (line + 1 < document.lineCount) {
    const at = { line: line + 1, character: 0 };
    return { range: { start: at, end: at }, newText: lines.map((text) => `${text}${eol}`).join('') };
  }
  const end = document.positionAt(document.text.length);
  return { range: { start: end, end }, newText: lines.map((text) => `${eol}${text}`).join('') };
}

/** Adds an entry at the end of a map, in the map's own style; undefined when the map cannot be edited safely. */
export function insertMapEntry(source: YamlSource, map: ParsedNode, entry: YamlEntryText): TextEdit | undefined {
  if (!isMap(map)) return undefined;
  const spans = itemSpans(source, map);
  const mapSpan = spanOf(source, map);
  if (!spans || !mapSpan) return undefined;
  const document = source.document;
  if (isFlow(map)) {
    const last = spans[spans.length - 1];
    if (last) {
      const at = document.positionAt(last.end);
      return { range: { start: at, end: at }, newText: `, ${entry.flow}` };
    }
    const brace = document.text.indexOf('{', mapSpan.start);
    if (brace < 0 || brace >= mapSpan.end) return undefined;
    const at = document.positionAt(brace + 1);
    return { range: { start: at, end: at }, newText: entry.flow };
  }
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (!first || !last) return undefined;
  const indent = ' '.repeat(blockColumn(source, map, first));
  return insertLinesAfter(source, last.end, renderBlockLines(entry.block, indent, indentUnitOf(source)));
}

/** Adds block lines as the first entries under a key whose value is empty (`schema:`). */
export function insertUnderEmptyKey(source: YamlSource, key: ParsedNode, lines: readonly YamlLine[], levelOfKey: number): TextEdit | undefined {
  const keySpan = spanOf(source, key);
  if (!keySpan || !startsLine(source, keySpan.start)) return undefined;
  const unit = indentUnitOf(source);
  const column = source.document.positionAt(keySpan.start).character;
  const indent = `${' '.repeat(column)}${unit.repeat(levelOfKey)}`;
  return insertLinesAfter(source, keySpan.end, renderBlockLines(lines, indent, unit));
}

/** Removes the whole lines of a block item, or the item and its comma in a flow collection. */
function deleteItem(source: YamlSource, node: Collection, index: number): TextEdit | undefined {
  const spans = itemSpans(source, node);
  const span = spans?.[index];
  if (!spans || !span) return undefined;
  const document = source.document;
  const range = (start: number, end: number): TextEdit => ({ range: document.rangeAt(start, end), newText: '' });
  if (isFlow(node)) {
    const previous = spans[index - 1];
    const next = spans[index + 1];
    if (previous) return range(previous.end, span.end);
    if (next) return range(span.start, next.start);
    return range(span.start, span.end);
  }
  const itemStart = isMap(node) ? span.start : document.text.lastIndexOf('-', span.start - 1);
  // A map that is a list item (`- key: value`) shares its first line with the dash; leave it alone.
  if (itemStart < 0 || !startsLine(source, itemStart)) return undefined;
  if (spans.length === 1) {
    // A block map or list cannot be empty; `{}` / `[]` keeps the parent a map or list.
    return { range: document.rangeAt(itemStart, span.end), newText: isMap(node) ? '{}' : '[]' };
  }
  const startLine = document.positionAt(itemStart).line;
  const endLine = document.positionAt(span.end).line;
  if (endLine + 1 < document.lineCount) {
    return range(document.offsetAt({ line: startLine, character: 0 }), document.offsetAt({ line: endLine + 1, character: 0 }));
  }
  const start = startLine > 0 ? document.offsetAt({ line: startLine - 1, character: document.lineLength(startLine - 1) }) : 0;
  return range(start, document.text.length);
}

/** Removes the entry with a key from a map: its whole lines in block style, the pair and a comma in flow style. */
export function deleteMapEntry(source: YamlSource, map: ParsedNode, key: string): TextEdit | undefined {
  if (!isMap(map)) return undefined;
  return deleteMapItem(source, map, map.items.findIndex((pair) => isScalar(pair.key) && String(pair.key.value) === key));
}

/** Removes the entry whose key starts at a document offset (a Picoschema key such as `name?(string)`). */
export function deleteMapEntryAt(source: YamlSource, map: ParsedNode, keyStart: number): TextEdit | undefined {
  if (!isMap(map)) return undefined;
  return deleteMapItem(source, map, map.items.findIndex((pair) => spanOf(source, pair.key)?.start === keyStart));
}

function deleteMapItem(source: YamlSource, map: YAMLMap<unknown, unknown>, index: number): TextEdit | undefined {
  return index < 0 ? undefined : deleteItem(source, map, index);
}

/** Removes the list item equal to a string (a JSON Schema `required` entry). */
export function deleteSeqValue(source: YamlSource, seq: ParsedNode, value: string): TextEdit | undefined {
  if (!isSeq(seq)) return undefined;
  const index = seq.items.findIndex((item) => isScalar(item) && item.value === value);
  return index < 0 ? undefined : deleteItem(source, seq, index);
}

/** Removes the list item at an index: its whole lines in block style, the item and a comma in flow style. */
export function deleteSeqItem(source: YamlSource, seq: ParsedNode, index: number): TextEdit | undefined {
  return isSeq(seq) && index >= 0 && index < seq.items.length ? deleteItem(source, seq, index) : undefined;
}

/** Appends a scalar to a list in its own style. */
export function appendSeqValue(source: YamlSource, seq: ParsedNode, text: string): TextEdit | undefined {
  if (!isSeq(seq)) return undefined;
  const spans = itemSpans(source, seq);
  const seqSpan = spanOf(source, seq);
  if (!spans || !seqSpan) return undefined;
  const document = source.document;
  const last = spans[spans.length - 1];
  if (isFlow(seq)) {
    if (last) {
      const at = document.positionAt(last.end);
      return { range: { start: at, end: at }, newText: `, ${text}` };
    }
    const bracket = document.text.indexOf('[', seqSpan.start);
    if (bracket < 0) return undefined;
    const at = document.positionAt(bracket + 1);
    return { range: { start: at, end: at }, newText: text };
  }
  const first = spans[0];
  if (!first || !last) return undefined;
  return insertLinesAfter(source, last.end, [`${' '.repeat(blockColumn(source, seq, first))}- ${text}`]);
}

/** The range of a name inside a scalar as written, so quotes around a key are kept when it is renamed. */
export function nameInScalar(source: YamlSource, node: unknown, name: string): TextEdit['range'] | undefined {
  const span = spanOf(source, node);
  if (!span) return undefined;
  const written = source.document.text.slice(span.start, span.end);
  const at = written.indexOf(name);
  if (at < 0 || name === '') return undefined;
  return source.document.rangeAt(span.start + at, span.start + at + name.length);
}
