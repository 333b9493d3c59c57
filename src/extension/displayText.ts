import { escapeControlCharacters } from '../core/document/controlCharacters';

/** Text from files, notes, author names or git as a view shows it: control characters escaped, so it cannot forge a line. */
export function displayText(text: string): string {
  return escapeControlCharacters(text);
}

/** The same, for a Markdown tooltip or document: also Markdown's own characters escaped, so it is shown, never interpreted. */
export function markdownText(text: string): string {
  return escapeControlCharacters(text).replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
