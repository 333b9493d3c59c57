/**
 * Positions are 0-based lines and characters in UTF-16 code units, as VS Code and the Language
 * Server Protocol count them. Line breaks are `\r\n`, `\r` and `\n` (the three the editor knows).
 *
 * A leading byte order mark is not part of the document: VS Code strips it when it opens a file,
 * so the engine strips it too and every offset and range refers to the text after it. A caller
 * that read the file with the BOM therefore gets the same ranges as the editor shows.
 */

/** A place in a document: 0-based line and 0-based UTF-16 character. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A span of a document, `end` exclusive. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A document's text with line and offset bookkeeping. */
export interface TextDocument {
  /** The text without a leading BOM; offsets index into this string. */
  readonly text: string;
  /** True when the text handed in started with U+FEFF. */
  readonly hadBom: boolean;
  readonly lineCount: number;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeAt(startOffset: number, endOffset: number): Range;
  /** Length of a line without its line break. */
  lineLength(line: number): number;
}

const bom = '\uFEFF';

/** Returns the text without a leading byte order mark. */
export function stripBom(text: string): string {
  return text.startsWith(bom) ? text.slice(bom.length) : text;
}

/** Computes the offset at which each line starts, treating `\r\n`, `\r` and `\n` as line breaks. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Creates a text document from raw text, dropping a leading BOM (see the module comment). */
export function createTextDocument(rawText: string): TextDocument {
  const hadBom = rawText.startsWith(bom);
  const text = hadBom ? rawText.slice(bom.length) : rawText;
  const lineStarts = computeLineStarts(text);
  const lineCount = lineStarts.length;

  const lineStart = (line: number): number => lineStarts[line] ?? text.length;

  const lineLength = (line: number): number => {
    if (line < 0 || line >= lineCount) return 0;
    const start = lineStart(line);
    let end = line + 1 < lineCount ? lineStart(line + 1) : text.length;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    return end - start;
  };

  const positionAt = (offset: number): Position => {
    const clamped = Number.isFinite(offset) ? Math.min(Math.max(Math.trunc(offset), 0), text.length) : 0;
    let low = 0;
    let high = lineCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStart(mid) <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset inside a line break (between \r and \n, or on the break itself) belongs to the line's end.
    return { line: low, character: Math.min(clamped - lineStart(low), lineLength(low)) };
  };

  const offsetAt = (position: Position): number => {
    if (!Number.isFinite(position.line) || position.line < 0) return 0;
    if (position.line >= lineCount) return text.length;
    const character = Number.isFinite(position.character) ? Math.max(Math.trunc(position.character), 0) : 0;
    return lineStart(position.line) + Math.min(character, lineLength(position.line));
  };

  const rangeAt = (startOffset: number, endOffset: number): Range => {
    const start = positionAt(Math.min(startOffset, endOffset));
    const end = positionAt(Math.max(startOffset, endOffset));
    return { start, end };
  };

  return { text, hadBom, lineCount, positionAt, offsetAt, rangeAt, lineLength };
}

/** Tells whether a range lies inside the document and starts no later than it ends. */
export function isRangeInside(document: TextDocument, range: Range): boolean {
  const inside = (position: Position): boolean =>
    Number.isInteger(position.line) &&
    Number.isInteger(position.character) &&
    position.line >= 0 &&
    position.line < document.lineCount &&
    position.character >= 0 &&
    position.character <= document.lineLength(position.line);
  const ordered =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  return inside(range.start) && inside(range.end) && ordered;
}
