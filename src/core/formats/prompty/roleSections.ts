/** A role line of a Prompty body: `system:`, `user:`, `assistant:` (with attributes such as `user[name="Ana"]:`). */
export interface RoleLine {
  /** The role as the chat APIs name it. */
  readonly role: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Offsets of the line, without its line break. */
  readonly start: number;
  readonly end: number;
  /** Where the section's content starts: after the line break. */
  readonly contentStart: number;
}

const roleLine = /^[ \t]*#?[ \t]*(system|user|assistant|developer|tool)[ \t]*(\[[^\]\r\n]*\])?[ \t]*:[ \t]*$/gim;
const attribute = /(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^,\s\]]+))/g;

function attributesOf(text: string | undefined): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (text === undefined) return attributes;
  for (const match of text.matchAll(attribute)) {
    const [, key = '', doubleQuoted, singleQuoted, bare] = match;
    attributes[key] = doubleQuoted ?? singleQuoted ?? bare ?? '';
  }
  return attributes;
}

/** The role lines of a Prompty body, in order. */
export function roleLinesOf(body: string): RoleLine[] {
  const lines: RoleLine[] = [];
  for (const match of body.matchAll(roleLine)) {
    const start = match.index;
    const end = start + match[0].length;
    const breakLength = body.startsWith('\r\n', end) ? 2 : end < body.length ? 1 : 0;
    lines.push({ role: (match[1] ?? 'system').toLowerCase(), attributes: attributesOf(match[2]), start, end, contentStart: end + breakLength });
  }
  return lines;
}

/** One message of a Prompty body: its role, attributes and the text up to the next role line. */
export interface BodySection {
  readonly role: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
}

/**
 * Splits a (rendered) Prompty body into messages on its role lines, as Prompty's parser does: text
 * before the first role line is a system message, and empty sections are dropped.
 */
export function splitRoleSections(body: string): BodySection[] {
  const lines = roleLinesOf(body);
  const sections: BodySection[] = [];
  const lead = body.slice(0, lines[0]?.start ?? body.length);
  if (lead.trim() !== '') sections.push({ role: 'system', attributes: {}, text: lead.trim() });
  lines.forEach((line, index) => {
    const text = body.slice(line.contentStart, lines[index + 1]?.start ?? body.length).trim();
    if (text !== '') sections.push({ role: line.role, attributes: line.attributes, text });
  });
  return sections;
}
