import Handlebars from 'handlebars';
import { findTagEnd, type TagScan } from './handlebarsTags';

/** Where the Handlebars lexer stood when parsing failed: the text consumed and the last token. */
export interface LexerState {
  readonly matched: string;
  readonly match: string;
}

/** A syntax problem in template-local offsets. */
export interface TemplateSyntaxProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly related?: { readonly start: number; readonly end: number; readonly message: string };
}

/**
 * What the Handlebars parser knew when it failed, as jison hands it to `parseError` (Handlebars' own
 * error keeps only the English message text): the token it got, the tokens it expected, and where
 * the token it got is, in template lines (1-based) and columns (0-based).
 */
export interface ParserFailure {
  /** E.g. `CLOSE`, `EOF`, `INVALID`; undefined for a lexical error, where no token was read. */
  readonly got: string | undefined;
  /** Quoted token names, e.g. `'ID'`, `'STRING'`. */
  readonly expected: readonly string[];
  readonly at: { readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number } | undefined;
}

function objectOf(value: unknown): object | undefined {
  return typeof value === 'object' && value !== null ? value : undefined;
}

/** The lexer's location of the token it read last (jison's `yylloc`): the token the parser did not expect. */
function lookaheadLocation(parser: object): ParserFailure['at'] {
  const location = objectOf(Reflect.get(objectOf(Reflect.get(parser, 'lexer')) ?? {}, 'yylloc'));
  if (!location) return undefined;
  const [line, column, endLine, endColumn] = ['first_line', 'first_column', 'last_line', 'last_column'].map((key): unknown => Reflect.get(location, key));
  if (typeof line !== 'number' || typeof column !== 'number' || typeof endLine !== 'number' || typeof endColumn !== 'number') return undefined;
  return { line, column, endLine, endColumn };
}

/**
 * Runs a Handlebars parse and, when it throws, also returns the parser's structured failure: the
 * shared parser's `parseError` is replaced for the (synchronous) call and put back after it.
 */
export function parseKeepingFailure<T>(parse: () => T): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown; readonly failure: ParserFailure | undefined } {
  const parser = objectOf(Reflect.get(Handlebars, 'Parser'));
  let failure: ParserFailure | undefined;
  const own = parser ? Object.getOwnPropertyDescriptor(parser, 'parseError') : undefined;
  if (parser) {
    Reflect.set(parser, 'parseError', (message: string, hash: unknown): never => {
      const details = objectOf(hash) ?? {};
      const token: unknown = Reflect.get(details, 'token');
      const expected: unknown = Reflect.get(details, 'expected');
      failure = {
        got: typeof token === 'string' ? token : undefined,
        expected: Array.isArray(expected) ? expected.filter((name): name is string => typeof name === 'string') : [],
        at: typeof token === 'string' ? lookaheadLocation(parser) : undefined,
      };
      throw new Error(message);
    });
  }
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    return { ok: false, error, failure };
  } finally {
    if (parser && own) Object.defineProperty(parser, 'parseError', own);
    else if (parser) Reflect.deleteProperty(parser, 'parseError');
  }
}

/** Reads the shared Handlebars lexer's position; call it right after `Handlebars.parse` throws. */
export function readLexerState(): LexerState | undefined {
  const parser: unknown = Reflect.get(Handlebars, 'Parser');
  if (typeof parser !== 'object' || parser === null) return undefined;
  const lexer: unknown = Reflect.get(parser, 'lexer');
  if (typeof lexer !== 'object' || lexer === null) return undefined;
  const matched: unknown = Reflect.get(lexer, 'matched');
  const match: unknown = Reflect.get(lexer, 'match');
  return typeof matched === 'string' && typeof match === 'string' ? { matched, match } : undefined;
}

const tokenNames: Readonly<Record<string, string>> = {
  ID: 'a name',
  STRING: 'a value',
  NUMBER: 'a value',
  BOOLEAN: 'a value',
  UNDEFINED: 'a value',
  NULL: 'a value',
  DATA: 'an @variable',
  OPEN_SEXPR: '(',
  CLOSE_SEXPR: ')',
  CLOSE: '}}',
  CLOSE_UNESCAPED: '}}}',
  CLOSE_RAW_BLOCK: '}}}}',
  EQUALS: '=',
  SEP: '.',
  OPEN_BLOCK_PARAMS: 'as |',
  CLOSE_BLOCK_PARAMS: '|',
  OPEN_ENDBLOCK: 'a closing {{/…}} tag',
  INVERSE: '{{else}}',
  OPEN_INVERSE_CHAIN: '{{else …}}',
  EOF: 'the end of the template',
};

function describeExpected(list: string): string {
  const names = [...list.matchAll(/'([A-Z_]+)'/g)].map((match) => tokenNames[match[1] ?? ''] ?? 'text or a tag');
  const unique = [...new Set(names)];
  return unique.length === 0 ? 'something else' : unique.slice(0, 4).join(' or ');
}

function lineEnd(source: string, from: number): number {
  let end = from;
  while (end < source.length && source[end] !== '\n' && source[end] !== '\r') end++;
  return end;
}

function show(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 24 ? `${oneLine.slice(0, 24)}…` : oneLine;
}

function openTagLabel(source: string, start: number, end: number): string {
  return show(source.slice(start, end));
}

function closeTagFor(source: string, open: { start: number; name: string }): string {
  return source.startsWith('{{{{', open.start) ? `{{{{/${open.name}}}}}` : `{{/${open.name}}}`;
}

function lineColumnToOffset(source: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line && offset < source.length; current++) {
    const next = source.slice(offset).search(/\r\n?|\n/);
    if (next < 0) return source.length;
    offset += next + (source.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return Math.min(offset + Math.max(column, 0), source.length);
}

function numberProperty(error: unknown, key: string): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value: unknown = Reflect.get(error, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Turns whatever `Handlebars.parse` threw into the most precise problem we can derive: from the
 * parser's structured failure when there is one, else from its message text and the lexer's state.
 */
export function describeTemplateError(error: unknown, source: string, scan: TagScan, lexer: LexerState | undefined, failure?: ParserFailure): TemplateSyntaxProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError) {
    return { start: 0, end: Math.min(lineEnd(source, 0), source.length), message: 'The template is nested too deeply for Handlebars to parse.' };
  }

  const line = numberProperty(error, 'lineNumber');
  const column = numberProperty(error, 'column');
  if (line !== undefined && column !== undefined) {
    const at = lineColumnToOffset(source, line, column);
    const endLine = numberProperty(error, 'endLineNumber') ?? line;
    const endColumn = numberProperty(error, 'endColumn') ?? column;
    const mismatch = /^(.*) doesn't match (.*) - \d+:\d+$/.exec(message);
    if (mismatch) {
      const pair = scan.pairs.find((candidate) => candidate.open.start <= at && at < candidate.open.end);
      if (pair?.close) {
        return {
          start: pair.close.start,
          end: pair.close.end,
          message: `${show(source.slice(pair.close.start, pair.close.end))} does not close the open block ${openTagLabel(source, pair.open.start, pair.open.end)}; close it with ${closeTagFor(source, pair.open)}.`,
          related: { start: pair.open.start, end: pair.open.end, message: 'The block is opened here.' },
        };
      }
    }
    const end = Math.max(lineColumnToOffset(source, endLine, endColumn), at);
    const text = message.replace(/ - \d+:\d+$/, '');
    return { start: at, end, message: sentence(text) };
  }

  const lexical = failure ? failure.got === undefined : /^Lexical error/.test(message);
  const parse = failure ? failure.got !== undefined : /^Parse error/.test(message);
  const position = lexer && source.startsWith(lexer.matched) ? lexer.matched.length : undefined;

  if (lexical) {
    const at = position ?? 0;
    if (source.charCodeAt(at) === 0) {
      return { start: at, end: at + 1, message: 'The template contains a NUL character, which Handlebars cannot read (is this a binary file?).' };
    }
    const comment = scan.tags.find((tag) => tag.kind === 'comment' && !tag.closed);
    if (comment) {
      const long = /^\{\{~?!--/.test(source.slice(comment.start));
      return {
        start: comment.start,
        end: lineEnd(source, comment.start),
        message: `This comment is never closed; end it with ${long ? '--}}' : '}}'}.`,
      };
    }
    return { start: at, end: Math.min(at + 1, source.length), message: 'Handlebars cannot read the text here.' };
  }

  if (parse) {
    const got = failure?.got ?? /got '([A-Z_]+)'\s*$/.exec(message)?.[1] ?? '';
    const expected = failure ? failure.expected.join(', ') : (/Expecting (.*), got '[A-Z_]+'\s*$/.exec(message)?.[1] ?? '');
    // The end of the template has no token of its own: it is where the source ends.
    const at = got === 'EOF' ? undefined : failure?.at;
    const fallbackEnd = position ?? source.length;
    const tokenStart = at ? lineColumnToOffset(source, at.line, at.column) : lexer && position !== undefined ? Math.max(0, position - lexer.match.length) : fallbackEnd;
    const tokenEnd = at ? Math.max(lineColumnToOffset(source, at.endLine, at.endColumn), tokenStart) : fallbackEnd;

    if (got === 'EOF') {
      const innermost = scan.unclosed[scan.unclosed.length - 1];
      if (/OPEN_ENDBLOCK/.test(expected) && innermost) {
        return {
          start: innermost.start,
          end: innermost.end,
          message: `${openTagLabel(source, innermost.start, innermost.end)} is never closed; add ${closeTagFor(source, innermost)} after its content.`,
        };
      }
      const openTag = [...scan.tags].reverse().find((tag) => !tag.closed);
      if (openTag) return { start: openTag.start, end: lineEnd(source, openTag.start), message: 'This tag is never closed with }}.' };
      return { start: tokenStart, end: tokenEnd, message: `The template ends too early; expected ${describeExpected(expected)}.` };
    }
    if (got === 'OPEN_ENDBLOCK') {
      const end = findTagEnd(source, tokenStart).end;
      return { start: tokenStart, end, message: `${show(source.slice(tokenStart, end))} closes a block that was never opened.` };
    }
    if (got === 'INVERSE' || got === 'OPEN_INVERSE_CHAIN' || got === 'OPEN_INVERSE') {
      const end = findTagEnd(source, tokenStart).end;
      const insideBlock = scan.pairs.some((pair) => pair.open.end <= tokenStart && (!pair.close || pair.close.start >= end));
      return {
        start: tokenStart,
        end,
        message: insideBlock
          ? `${show(source.slice(tokenStart, end))} cannot follow another {{else}}: a block has at most one plain {{else}}, and it comes last.`
          : `${show(source.slice(tokenStart, end))} is only allowed inside a block.`,
      };
    }
    if (got === 'INVALID') {
      const char = source[tokenStart] ?? '';
      const tagStart = source.lastIndexOf('{{', tokenStart);
      if (char === '"' || char === "'") {
        return { start: tokenStart, end: Math.max(lineEnd(source, tokenStart), tokenStart + 1), message: 'This string is never closed.' };
      }
      if (tagStart >= 0 && !findTagEnd(source, tagStart).closed) {
        return { start: tagStart, end: lineEnd(source, tagStart), message: 'This tag is never closed with }}.' };
      }
      return { start: tokenStart, end: Math.max(tokenEnd, tokenStart + 1), message: `Handlebars cannot read ${show(char)} here; expected ${describeExpected(expected)}.` };
    }
    const text = source.slice(tokenStart, tokenEnd);
    // Without a location there is no text to quote; the token's name says what was found.
    const found = text === '' ? (tokenNames[got] ?? 'text') : show(text);
    return { start: tokenStart, end: tokenEnd, message: `Unexpected ${found} here; expected ${describeExpected(expected)}.` };
  }

  return { start: 0, end: lineEnd(source, 0), message: sentence(`Handlebars cannot parse the template: ${message}`) };
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
