/**
 * A tolerant, linear scan of Handlebars tags. Handlebars' own parser stops at the first error and
 * does not say which block is unclosed, and it slows down quadratically with nesting depth; this
 * scan answers both questions cheaply and never fails.
 */

/** A `{{...}}` tag found by the scan; offsets are relative to the template source. */
export interface HandlebarsTag {
  readonly kind: 'open' | 'close' | 'else' | 'mustache' | 'partial' | 'comment' | 'raw-open' | 'raw-close';
  readonly start: number;
  readonly end: number;
  /** For open, close and raw tags: the block name as written (`each`, `layout` for `{{#> layout}}`). */
  readonly name: string;
  /** False when the tag runs to the end of the text without its closing braces. */
  readonly closed: boolean;
  /** Deepest sub-expression nesting inside the tag. */
  readonly parenDepth: number;
}

/** An open block tag paired (structurally, like Handlebars does) with its close tag. */
export interface BlockPair {
  readonly open: HandlebarsTag;
  readonly close: HandlebarsTag | undefined;
  readonly depth: number;
}

/** What the scan learnt about a template's blocks. */
export interface TagScan {
  readonly tags: readonly HandlebarsTag[];
  readonly pairs: readonly BlockPair[];
  /** Open tags left without a close tag, innermost last. */
  readonly unclosed: readonly HandlebarsTag[];
  /** The first tag at which block or sub-expression nesting exceeds the limit given to the scan. */
  readonly tooDeep: HandlebarsTag | undefined;
  /** The first tag beyond the tag limit given to the scan; the scan stops there. */
  readonly tooMany: HandlebarsTag | undefined;
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f' || char === '\v';
}

/** Finds the end of a tag that starts at `start` (on `{{`), skipping strings and `[literal]` segments. */
export function findTagEnd(source: string, start: number): { end: number; closed: boolean; parenDepth: number } {
  let i = start;
  while (source[i] === '{') i++;
  const braces = Math.min(i - start, 4);
  let depth = 0;
  let maxDepth = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === '"' || char === "'") {
      i++;
      while (i < source.length && source[i] !== char) i += source[i] === '\\' && source[i + 1] === char ? 2 : 1;
      if (i >= source.length) return { end: source.length, closed: false, parenDepth: maxDepth };
      i++;
    } else if (char === '[') {
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' && source[i + 1] === ']' ? 2 : 1;
      if (i >= source.length) return { end: source.length, closed: false, parenDepth: maxDepth };
      i++;
    } else if (char === '(') {
      depth++;
      maxDepth = Math.max(maxDepth, depth);
      i++;
    } else if (char === ')') {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (char === '}' && source[i + 1] === '}') {
      let end = i + 2;
      const wanted = braces >= 4 ? 4 : braces === 3 ? 3 : 2;
      while (end - i < wanted && source[end] === '}') end++;
      return { end, closed: true, parenDepth: maxDepth };
    } else {
      i++;
    }
  }
  return { end: source.length, closed: false, parenDepth: maxDepth };
}

function readName(source: string, from: number, end: number): string {
  let i = from;
  while (i < end && isSpace(source[i])) i++;
  let j = i;
  while (j < end && !isSpace(source[j]) && source[j] !== '}' && source[j] !== '~' && source[j] !== '(') j++;
  return source.slice(i, j);
}

function classify(source: string, start: number, end: number, closed: boolean, parenDepth: number): HandlebarsTag {
  let i = start + 2;
  if (source[i] === '~') i++;
  const sigil = source[i];
  const tag = (kind: HandlebarsTag['kind'], name = ''): HandlebarsTag => ({ kind, start, end, name, closed, parenDepth });
  if (sigil === '#') {
    let j = i + 1;
    if (source[j] === '>' || source[j] === '*') j++;
    return tag('open', readName(source, j, end));
  }
  if (sigil === '/') return tag('close', readName(source, i + 1, end));
  if (sigil === '>') return tag('partial', readName(source, i + 1, end));
  if (sigil === '^') {
    const rest = source.slice(i + 1, end).replace(/[~}\s]/g, '');
    return rest === '' ? tag('else') : tag('open', readName(source, i + 1, end));
  }
  let word = i;
  while (word < end && isSpace(source[word])) word++;
  const after = source[word + 4];
  if (source.startsWith('else', word) && (isSpace(after) || after === '}' || after === '~')) return tag('else');
  return tag('mustache');
}

/** Scans a template's tags, pairs blocks and notes nesting deeper than `depthLimit` and more tags than `tagLimit`. */
export function scanHandlebarsTags(source: string, depthLimit = Number.POSITIVE_INFINITY, tagLimit = Number.POSITIVE_INFINITY): TagScan {
  const tags: HandlebarsTag[] = [];
  const pairs: BlockPair[] = [];
  const stack: HandlebarsTag[] = [];
  let tooDeep: HandlebarsTag | undefined;
  let tooMany: HandlebarsTag | undefined;
  const pairIndex = new Map<HandlebarsTag, number>();

  let at = source.indexOf('{{');
  while (at >= 0) {
    // `\{{` is an escaped, literal mustache; `\\{{` is a backslash followed by a real one.
    if (source[at - 1] === '\\' && source[at - 2] !== '\\') {
      at = source.indexOf('{{', at + 2);
      continue;
    }
    let tag: HandlebarsTag;
    if (source.startsWith('{{!', at) || source.startsWith('{{~!', at)) {
      const bang = source[at + 2] === '~' ? at + 3 : at + 2;
      const long = source.startsWith('--', bang + 1);
      const openerEnd = long ? bang + 3 : bang + 1;
      const closer = long ? source.indexOf('--', openerEnd) : source.indexOf('}}', openerEnd);
      let end = -1;
      if (long) {
        for (let c = closer; c >= 0; c = source.indexOf('--', c + 1)) {
          const after = source[c + 2] === '~' ? c + 3 : c + 2;
          if (source.startsWith('}}', after)) {
            end = after + 2;
            break;
          }
        }
      } else if (closer >= 0) {
        end = closer + 2;
      }
      tag = { kind: 'comment', start: at, end: end < 0 ? source.length : end, name: '', closed: end >= 0, parenDepth: 0 };
    } else if (source.startsWith('{{{{', at)) {
      const found = findTagEnd(source, at);
      const closing = source[at + 4] === '/';
      tag = {
        kind: closing ? 'raw-close' : 'raw-open',
        start: at,
        end: found.end,
        name: readName(source, closing ? at + 5 : at + 4, found.end),
        closed: found.closed,
        parenDepth: found.parenDepth,
      };
    } else {
      const found = findTagEnd(source, at);
      tag = classify(source, at, found.end, found.closed, found.parenDepth);
    }
    if (tags.length >= tagLimit) {
      tooMany = tag;
      break;
    }
    tags.push(tag);
    if (tag.kind === 'open' || tag.kind === 'raw-open') {
      stack.push(tag);
      pairIndex.set(tag, pairs.length);
      pairs.push({ open: tag, close: undefined, depth: stack.length });
    } else if (tag.kind === 'close' || tag.kind === 'raw-close') {
      const open = stack.pop();
      const index = open ? pairIndex.get(open) : undefined;
      const pair = index === undefined ? undefined : pairs[index];
      if (pair && index !== undefined) pairs[index] = { ...pair, close: tag };
    }
    if (!tooDeep && (stack.length > depthLimit || tag.parenDepth > depthLimit)) tooDeep = tag;
    if (tag.kind === 'raw-open' && tag.closed) {
      // Raw block content is not scanned: it runs to the next `{{{{/`.
      const rawEnd = source.indexOf('{{{{/', tag.end);
      at = rawEnd;
      continue;
    }
    if (!tag.closed) break;
    at = source.indexOf('{{', tag.end);
  }
  return { tags, pairs, unclosed: [...stack], tooDeep, tooMany };
}
