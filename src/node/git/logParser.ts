/** One file's change in a commit, as `git log --raw -z` reports it. */
export interface RawFileChange {
  /** `A`, `M`, `D`, `T`, `R100`, `C75`…; a merge's combined status has one letter per parent (`MM`). */
  readonly status: string;
  /** The path after the change (the new name of a rename). */
  readonly path: string;
  /** The path before a rename or copy. */
  readonly previousPath?: string;
  /** The object id of the file after the change; all zeros when the change deletes it. */
  readonly blob: string;
}

/** One commit of `git log` output: the requested fields by name, then its raw file changes. */
export interface LogRecord<K extends string> {
  readonly fields: Readonly<Record<K, string>>;
  readonly changes: readonly RawFileChange[];
}

/** Parses log output fed in chunks of any size, returning each record once it is complete. */
export interface LogStreamParser<K extends string> {
  push(chunk: Uint8Array): LogRecord<K>[];
  end(): LogRecord<K>[];
}

/** The `git log` arguments of a format and the parser of exactly that format, declared together so they cannot drift apart. */
export interface LogParser<K extends string> {
  readonly args: readonly string[];
  createStream(): LogStreamParser<K>;
  parse(output: Uint8Array): LogRecord<K>[];
}

const recordStart = '\x1E';

/**
 * Builds the `--format` argument (`-z`, fields separated by NUL, each record opened by 0x1E) and its
 * parser from one mapping of field name to git placeholder, e.g. `{ id: '%H', subject: '%s' }`.
 * Fields are NUL-separated because git allows no NUL in messages or names, so subjects and names
 * may contain any other character, the separators included.
 */
export function createLogParser<M extends Readonly<Record<string, string>>>(mapping: M): LogParser<Extract<keyof M, string>> {
  type K = Extract<keyof M, string>;
  const keys = Object.keys(mapping) as K[];
  if (keys.length === 0) throw new Error('A log format needs at least one field.');
  const format = `%x1E${keys.map((key) => mapping[key]).join('%x00')}`;
  const createStream = (): LogStreamParser<K> => new LogRecordStream<K>(keys);
  return {
    args: ['-z', `--format=${format}`],
    createStream,
    parse(output) {
      const stream = createStream();
      return [...stream.push(output), ...stream.end()];
    },
  };
}

interface PendingChange {
  readonly status: string;
  readonly blob: string;
  readonly pathCount: number;
  readonly paths: string[];
}

class LogRecordStream<K extends string> implements LogStreamParser<K> {
  private readonly tokens = new NulSeparatedTokens();
  private header: string[] | undefined;
  private current: { fields: Record<K, string>; changes: RawFileChange[] } | undefined;
  private change: PendingChange | undefined;

  constructor(private readonly keys: readonly K[]) {}

  push(chunk: Uint8Array): LogRecord<K>[] {
    const done: LogRecord<K>[] = [];
    for (const token of this.tokens.push(chunk)) this.take(token, done);
    return done;
  }

  end(): LogRecord<K>[] {
    const done: LogRecord<K>[] = [];
    const last = this.tokens.end();
    if (last !== undefined) this.take(last, done);
    if (this.current) done.push(this.current);
    this.current = undefined;
    this.header = undefined;
    this.change = undefined;
    return done;
  }

  private take(token: string, done: LogRecord<K>[]): void {
    if (this.change) {
      this.change.paths.push(token);
      if (this.change.paths.length === this.change.pathCount) this.finishChange(this.change);
      return;
    }
    if (this.header) {
      this.header.push(token);
      if (this.header.length === this.keys.length) this.finishHeader(this.header);
      return;
    }
    // Between records git puts a newline before the raw lines and nothing before the next record.
    const text = token.startsWith('\n') ? token.slice(1) : token;
    if (text.startsWith(recordStart)) {
      if (this.current) done.push(this.current);
      this.current = undefined;
      this.header = [text.slice(recordStart.length)];
      if (this.keys.length === 1) this.finishHeader(this.header);
    } else if (text.startsWith(':') && this.current) {
      this.change = parseRawMeta(text);
    }
  }

  private finishHeader(header: readonly string[]): void {
    const fields = {} as Record<K, string>;
    this.keys.forEach((key, index) => (fields[key] = header[index] ?? ''));
    this.current = { fields, changes: [] };
    this.header = undefined;
  }

  private finishChange(change: PendingChange): void {
    const [first = '', second] = change.paths;
    const parsed: RawFileChange =
      second === undefined ? { status: change.status, path: first, blob: change.blob } : { status: change.status, path: second, previousPath: first, blob: change.blob };
    this.current?.changes.push(parsed);
    this.change = undefined;
  }
}

/** Reads `:100644 100644 <old> <new> M` (or a merge's `::` combined form) up to its paths. */
function parseRawMeta(text: string): PendingChange {
  const parents = /^:+/.exec(text)?.[0].length ?? 1;
  const parts = text.slice(parents).split(' ');
  const status = parts[parts.length - 1] ?? '';
  // Modes of every parent and the result come first, then their object ids; the result is last.
  const blob = parts[2 * parents + 1] ?? '';
  const pathCount = parents === 1 && /^[RC]/.test(status) ? 2 : 1;
  return { status, blob, pathCount, paths: [] };
}

/** Splits a byte stream on NUL and decodes each whole token, so a chunk may end inside a character. */
class NulSeparatedTokens {
  private carry: Buffer[] = [];

  push(chunk: Uint8Array): string[] {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const tokens: string[] = [];
    let start = 0;
    for (let nul = bytes.indexOf(0, start); nul >= 0; nul = bytes.indexOf(0, start)) {
      const piece = bytes.subarray(start, nul);
      tokens.push(this.carry.length === 0 ? piece.toString('utf8') : Buffer.concat([...this.carry, piece]).toString('utf8'));
      this.carry = [];
      start = nul + 1;
    }
    // Copied because the caller may reuse the chunk's memory.
    if (start < bytes.length) this.carry.push(Buffer.from(bytes.subarray(start)));
    return tokens;
  }

  end(): string | undefined {
    if (this.carry.length === 0) return undefined;
    const last = Buffer.concat(this.carry).toString('utf8');
    this.carry = [];
    return last;
  }
}
