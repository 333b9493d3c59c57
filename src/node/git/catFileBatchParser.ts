/** One answer of `git cat-file --batch`: an object's type and bytes, or a name git could not find. */
export type CatFileBatchEntry =
  | { readonly kind: 'object'; readonly oid: string; readonly type: string; readonly content: Buffer }
  | { readonly kind: 'missing'; readonly name: string };

/** Parses `git cat-file --batch` output fed in chunks of any size, returning each entry once its bytes are all in. */
export interface CatFileBatchParser {
  push(chunk: Uint8Array): CatFileBatchEntry[];
}

/** Creates a parser for `<oid> SP <type> SP <size> LF <content> LF` and `<name> SP missing LF` answers. */
export function createCatFileBatchParser(): CatFileBatchParser {
  const queue = new ByteQueue();
  let header: { oid: string; type: string; size: number } | undefined;
  return {
    push(chunk) {
      queue.append(chunk);
      const entries: CatFileBatchEntry[] = [];
      for (;;) {
        if (!header) {
          const line = queue.takeLine();
          if (line === undefined) break;
          const parts = line.split(' ');
          const [oid = '', type = '', size = ''] = parts;
          // Anything but `<oid> <type> <size>` is `<name> missing` (or `ambiguous`); a name may hold spaces.
          if (parts.length === 3 && /^\d+$/.test(size)) header = { oid, type, size: Number(size) };
          else entries.push({ kind: 'missing', name: line.slice(0, line.lastIndexOf(' ')) });
          continue;
        }
        const content = queue.take(header.size + 1);
        if (!content) break;
        entries.push({ kind: 'object', oid: header.oid, type: header.type, content: content.subarray(0, header.size) });
        header = undefined;
      }
      return entries;
    },
  };
}

/** Bytes received but not parsed yet, joined only when a whole piece is available so large objects are copied once. */
class ByteQueue {
  private chunks: Buffer[] = [];
  private length = 0;

  append(chunk: Uint8Array): void {
    // Not copied: stream chunks are never reused, and answers are views into them.
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  takeLine(): string | undefined {
    let scanned = 0;
    for (const chunk of this.chunks) {
      const newline = chunk.indexOf(10);
      if (newline >= 0) {
        const line = this.take(scanned + newline + 1);
        return line?.subarray(0, line.length - 1).toString('utf8');
      }
      scanned += chunk.length;
    }
    return undefined;
  }

  take(count: number): Buffer | undefined {
    if (this.length < count) return undefined;
    const all = this.chunks.length === 1 ? (this.chunks[0] ?? Buffer.alloc(0)) : Buffer.concat(this.chunks);
    const taken = all.subarray(0, count);
    const rest = all.subarray(count);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return taken;
  }
}
