/**
 * Splits a `.prompt` text into front matter and template exactly as dotprompt does with
 * `/^---\s*(?:\r\n|\r|\n)([\s\S]*?)(?:\r\n|\r|\n)---\s*(?:\r\n|\r|\n)([\s\S]*)$/`.
 * The regex is emulated by hand because running it backtracks quadratically on a long run of
 * blank lines after the opening `---`; a property test checks the emulation against the regex.
 */

/** Where the front matter and the template lie in a prompt text (offsets, end exclusive). */
export interface FrontMatterSplit {
  /** The YAML between the fences; absent when dotprompt sees no front matter. */
  readonly yaml?: { readonly start: number; readonly end: number };
  /** The closing `---` (three characters); present with `yaml`. */
  readonly closingFence?: { readonly start: number; readonly end: number };
  /** Where the template text starts: after the closing fence line, or 0 without front matter. */
  readonly bodyStart: number;
  /**
   * Set when the text opens with a `---` line but dotprompt does not read front matter from it:
   * `unclosed` (no closing fence) or `empty` (nothing between the fences).
   */
  readonly fenceProblem?: 'unclosed' | 'empty';
}

function isRegexWhitespace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function whitespaceRunEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isRegexWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** The closing fence whose line break starts at `k`, with where the body then starts. */
function closingAt(text: string, k: number): { dashes: number; body: number } | undefined {
  const code = text.charCodeAt(k);
  if (!isBreak(code)) return undefined;
  const dashes = code === 13 && text.charCodeAt(k + 1) === 10 ? k + 2 : k + 1;
  if (!text.startsWith('---', dashes)) return undefined;
  const runEnd = whitespaceRunEnd(text, dashes + 3);
  // `\s*` is greedy, so the body starts after the last line break of the run.
  for (let i = runEnd - 1; i >= dashes + 3; i--) {
    if (isBreak(text.charCodeAt(i))) return { dashes, body: i + 1 };
  }
  return undefined;
}

function firstClosing(text: string, from: number, limit: number): { k: number; dashes: number; body: number } | undefined {
  for (let k = text.indexOf('\n', from), r = text.indexOf('\r', from); ; ) {
    const next = k < 0 ? r : r < 0 ? k : Math.min(k, r);
    if (next < 0 || next >= limit) return undefined;
    const found = closingAt(text, next);
    if (found) return { k: next, ...found };
    if (next === k) k = text.indexOf('\n', next + 1);
    else r = text.indexOf('\r', next + 1);
  }
}

/** Splits a prompt text into front matter and template following dotprompt's rules. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  if (!text.startsWith('---')) return { bodyStart: 0 };
  const runEnd = whitespaceRunEnd(text, 3);
  let attemptedAny = false;
  // Later candidates start inside the blank run after `---`; there a closing fence can only come
  // from the line break that ends the run, so each of them costs O(1).
  const runClosing = (start: number): { k: number; dashes: number; body: number } | undefined => {
    for (const k of [runEnd - 2, runEnd - 1]) {
      if (k < start) continue;
      const found = closingAt(text, k);
      if (found) return { k, ...found };
    }
    return undefined;
  };
  // Candidate YAML starts in the order the regex backtracks: longest `\s*` first, `\r\n` before `\r`.
  for (let j = runEnd; j >= 3; j--) {
    const code = text.charCodeAt(j);
    const starts = code === 13 && text.charCodeAt(j + 1) === 10 ? [j + 2, j + 1] : isBreak(code) ? [j + 1] : [];
    for (const start of starts) {
      const closing = attemptedAny ? runClosing(start) : firstClosing(text, start, text.length);
      attemptedAny = true;
      if (!closing) continue;
      if (closing.k === start) {
        // dotprompt drops front matter that is the empty string and renders the whole file.
        return { bodyStart: 0, fenceProblem: 'empty' };
      }
      return {
        yaml: { start, end: closing.k },
        closingFence: { start: closing.dashes, end: closing.dashes + 3 },
        bodyStart: closing.body,
      };
    }
  }
  if (!attemptedAny) return { bodyStart: 0 };
  // `---` directly followed by `---` never matches dotprompt's regex: that is empty front matter too.
  return { bodyStart: 0, fenceProblem: runClosing(3) ? 'empty' : 'unclosed' };
}
