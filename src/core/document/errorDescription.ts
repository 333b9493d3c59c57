import { escapeControlCharacters } from './controlCharacters';

/**
 * Whether an error is a defect in PromptOps itself (a TypeError, a ReferenceError) rather than a
 * failure the user can act on (git missing, not a repository, a manifest that does not parse).
 */
export function isProgrammingError(error: unknown): boolean {
  return error instanceof TypeError || error instanceof ReferenceError;
}

/** The one sentence a notification shows for a failure: the first line of its message, control characters escaped. */
export function failureSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n').find((line) => line.trim() !== '') ?? (error instanceof Error ? error.name : 'Unknown error');
  return escapeControlCharacters(firstLine.trim());
}

/**
 * Everything a log should keep about a failure, one fact per line: its name and message, the
 * program output it carries (git's stderr), each cause in turn, and the stack of a programming
 * error. Lines are escaped so text from git or files cannot forge a log line.
 */
export function errorDescription(error: unknown): string {
  const lines: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  for (let depth = 0; current !== undefined && !seen.has(current) && depth < 8; depth += 1) {
    seen.add(current);
    const prefix = depth === 0 ? '' : 'caused by: ';
    if (!(current instanceof Error)) {
      lines.push(`${prefix}${escapeControlCharacters(String(current))}`);
      break;
    }
    lines.push(`${prefix}${escapeControlCharacters(`${current.name}: ${current.message}`)}`);
    const output = 'stderr' in current && typeof current.stderr === 'string' ? current.stderr.trim() : '';
    if (output) lines.push(...output.split('\n').map((line) => `  stderr: ${escapeControlCharacters(line)}`));
    if (isProgrammingError(current) && current.stack) lines.push(...current.stack.split('\n').slice(1).map((line) => `  ${escapeControlCharacters(line.trim())}`));
    current = current.cause;
  }
  return lines.join('\n');
}
