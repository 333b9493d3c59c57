import { GitError } from './gitError';
import { startGit, type GitChild, type GitInvocation } from './gitProcess';
import { createCatFileBatchParser, type CatFileBatchEntry } from './catFileBatchParser';

interface Waiting {
  readonly name: string;
  resolve(content: Buffer): void;
  reject(error: Error): void;
}

/**
 * One long-running `git cat-file` that reads many objects, so a history of thousands of versions
 * costs one process instead of one per version. Answers come back in request order.
 *
 * Requests made in one go (say, for one chunk of `git log` output) are written in one go: each
 * write to another process costs a wake-up, which for thousands of small blobs costs more than
 * reading them. With `buffered` (git 2.36+) it runs `--batch-command --buffer` and ends each group
 * with `flush`, so git also answers a group in a few large writes rather than several per object;
 * this halves the cost of hashing a long history. Otherwise it runs plain `--batch`.
 */
export class CatFileBatch {
  private readonly child: GitChild;
  private readonly waiting: Waiting[] = [];
  private failure: Error | undefined;
  private unsent: string[] = [];

  constructor(
    invocation: GitInvocation,
    private readonly buffered: boolean,
  ) {
    const args = buffered ? ['cat-file', '--batch-command', '--buffer'] : ['cat-file', '--batch'];
    this.child = startGit(args, invocation, { keepStdinOpen: true });
    const parser = createCatFileBatchParser();
    this.child.process.stdout.on('data', (chunk: Buffer) => {
      for (const entry of parser.push(chunk)) this.answer(entry);
    });
    this.child.completion.then(
      () => this.failAll(new GitError('failed', 'git cat-file stopped before answering.')),
      (error: unknown) => this.failAll(error instanceof Error ? error : new Error(String(error))),
    );
  }

  /** The bytes of an object given by id (or `<commit>:<path>`); rejects with a GitError when it does not exist. */
  read(name: string): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    // The batch protocol is line-based: a newline would be taken as the end of the name.
    if (name.includes('\n')) return Promise.reject(new GitError('unknownRevision', 'An object name cannot contain a line break.'));
    return new Promise<Buffer>((resolve, reject) => {
      if (this.unsent.length === 0) queueMicrotask(() => this.send());
      this.waiting.push({ name, resolve, reject });
      this.unsent.push(name);
    });
  }

  /** Ends the process once it has answered what was asked. */
  close(): void {
    this.send();
    this.child.process.stdin.end();
  }

  private send(): void {
    if (this.unsent.length === 0 || this.failure) return;
    const requests = this.buffered ? `${this.unsent.map((name) => `contents ${name}\n`).join('')}flush\n` : `${this.unsent.join('\n')}\n`;
    this.child.process.stdin.write(requests);
    this.unsent = [];
  }

  private answer(entry: CatFileBatchEntry): void {
    const waiting = this.waiting.shift();
    if (!waiting) return;
    if (entry.kind === 'object') waiting.resolve(entry.content);
    else waiting.reject(new GitError('unknownRevision', `"${waiting.name}" does not exist in this repository.`));
  }

  private failAll(error: Error): void {
    this.failure = error;
    for (const waiting of this.waiting.splice(0)) waiting.reject(error);
  }
}
