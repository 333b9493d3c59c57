// C0 controls, DEL, C1 controls, the Unicode line and paragraph separators, and the bidirectional
// overrides and isolates: each can move the cursor, end a line or reorder what a reader sees.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Makes text from files, notes, author names or git safe to print on one line of a terminal or a
 * view: control characters become visible escapes (`\n`, `\r`, `\t`, `\x1b`, `\u202e`), so a note
 * cannot clear the screen, recolour output or forge a line of its own. Everything else is kept.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(unsafe, visibleEscape);
}

// The same set less the line breaks and tabs a multi-line text is made of (a CR only before an LF).
const unsafeInLines = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * escapeControlCharacters for text printed as several lines (a diff of a prompt, a message over
 * lines): its line ends and tabs stay as they are, every other control character becomes visible.
 */
export function escapeControlCharactersInLines(text: string): string {
  return text.replace(unsafeInLines, visibleEscape);
}

function visibleEscape(character: string): string {
  const known = named[character];
  if (known !== undefined) return known;
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
