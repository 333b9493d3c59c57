// Text from outcome files and the audit log (units, metric names, notes, authors) is data: printed
// raw, an escape sequence in it could rewrite the terminal or forge lines of the report.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Escapes control characters (C0, DEL, C1, line separators, bidirectional overrides) as `\n`, `\t` or `\u001b`, so printed text stays one line of plain text. */
export function escapeControlCharacters(text: string): string {
  return text.replace(controlCharacters, (character) => named[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
