import { scanHandlebarsTags } from '../handlebarsTags';
import type { PathToResolve } from './blockScope';

/**
 * Where the cursor is inside a Handlebars tag, read from the text alone: completion runs while
 * the tag is half typed, so the parsed template cannot say.
 */

/** The kind of tag the cursor is in: `{{x`, `{{#x`, `{{^x`, `{{/x` or `{{> x`. */
export type Sigil = 'plain' | 'block' | 'inverse' | 'close' | 'partial';

/** The tag the cursor is in and what has been typed in it. */
export interface MustacheContext {
  readonly sigil: Sigil;
  /** Text of the tag after its sigil, up to the cursor. */
  readonly typed: string;
}

/** Whether a local offset lies inside a comment or the content of a raw block, where nothing is completed. */
function inCommentOrRaw(text: string, local: number): boolean {
  const tags = scanHandlebarsTags(text).tags;
  for (let index = 0; index < tags.length; index++) {
    const tag = tags[index];
    if (!tag || tag.start >= local) break;
    if (tag.kind === 'comment' && local < tag.end + (tag.closed ? 0 : 1)) return true;
    if (tag.kind === 'raw-open' && local >= tag.end) {
      const close = tags.slice(index + 1).find((candidate) => candidate.kind === 'raw-close');
      if (!close || local <= close.start) return true;
    }
  }
  return false;
}

function insideString(text: string): boolean {
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    }
  }
  return quote !== undefined;
}

/** Finds the mustache a template-local offset is in and what kind of tag it is; undefined outside tags, in comments and strings. */
export function mustacheAt(text: string, local: number): MustacheContext | undefined {
  if (local < 2) return undefined;
  let open = text.lastIndexOf('{{', local - 2);
  if (open < 0) return undefined;
  while (open > 0 && text[open - 1] === '{') open--;
  // `\{{` is literal text.
  if (text[open - 1] === '\\' && text[open - 2] !== '\\') return undefined;
  const close = text.indexOf('}}', open);
  if (close >= 0 && close < local) return undefined;
  let bodyStart = open;
  while (text[bodyStart] === '{' && bodyStart - open < 4) bodyStart++;
  if (text[bodyStart] === '~') bodyStart++;
  const body = text.slice(bodyStart, local);
  if (insideString(body) || inCommentOrRaw(text, local)) return undefined;
  const sigils: readonly [RegExp, Sigil | undefined][] = [
    [/^!/, undefined],
    [/^#\*/, undefined],
    [/^#>/, 'partial'],
    [/^#/, 'block'],
    [/^\//, 'close'],
    [/^>/, 'partial'],
    [/^\^/, 'inverse'],
    [/^&/, 'plain'],
    [/^\s*else\s+/, 'block'],
  ];
  for (const [pattern, sigil] of sigils) {
    const match = pattern.exec(body);
    if (match) return sigil ? { sigil, typed: body.slice(match[0].length) } : undefined;
  }
  return { sigil: 'plain', typed: body };
}

/** Parses a path typed before the last `.` or `/` (`../customer`, `@root`, `this`) for resolution. */
export function parseTypedPath(prefix: string): PathToResolve | undefined {
  if (/[[\]]/.test(prefix)) return undefined;
  let rest = prefix;
  const data = rest.startsWith('@');
  if (data) rest = rest.slice(1);
  let depth = 0;
  let scoped = false;
  while (rest.startsWith('../') || rest === '..') {
    depth++;
    scoped = true;
    rest = rest.slice(3);
  }
  if (rest.startsWith('./') || rest === '.') {
    scoped = true;
    rest = rest.slice(2);
  } else if (/^this(?:[./]|$)/.test(rest)) {
    scoped = true;
    rest = rest.slice(5);
  }
  const names = rest === '' ? [] : rest.split(/[./]/);
  if (names.some((name) => name === '') || (data && names.length === 0)) return undefined;
  return { data, depth, scoped, segments: names.map((name) => ({ name })) };
}
