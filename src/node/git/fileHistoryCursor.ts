import type { FileHistoryEnd, FileHistoryPage, FileVersion } from './fileHistory';
import { fileHistory } from './fileHistory';
import type { GitCallOptions, GitRepository } from './gitRepository';

// A page or two ahead: enough that the next page is ready, little work wasted if none is asked for.
const readAhead = 200;

/**
 * A file's history read page by page from one walk of `git log --follow`: each page continues where
 * the last one stopped, so page ten costs what page one does instead of re-walking and re-hashing
 * the versions already shown. `close()` ends the git processes; a cursor read to the end closes itself.
 */
export class FileHistoryCursor {
  private readonly history: AsyncGenerator<FileVersion, FileHistoryEnd, undefined>;
  /** The version read to learn whether more follow, handed out first by the next page. */
  private peeked: FileVersion | undefined;
  private end: FileHistoryEnd | undefined;
  /** Pages are read one after another even when asked for at once. */
  private reading: Promise<unknown> = Promise.resolve();

  constructor(repository: GitRepository, filePath: string, options: GitCallOptions = {}) {
    this.history = fileHistory(repository, filePath, { ...options, readAhead });
  }

  /** The next `limit` versions, newest first, and whether more follow. */
  nextPage(limit: number): Promise<FileHistoryPage> {
    const page = this.reading.then(() => this.read(limit));
    this.reading = page.catch(() => undefined);
    return page;
  }

  private async read(limit: number): Promise<FileHistoryPage> {
    const versions: FileVersion[] = [];
    if (this.peeked) versions.push(this.peeked);
    this.peeked = undefined;
    while (this.end === undefined) {
      const step = await this.history.next();
      if (step.done) {
        this.end = step.value;
        break;
      }
      if (versions.length === limit) {
        this.peeked = step.value;
        return { versions, hasMore: true, truncated: false };
      }
      versions.push(step.value);
    }
    return { versions, hasMore: false, truncated: this.end.truncated };
  }

  /** Stops the walk (git need not read the rest); the cursor has no more pages after it. */
  async close(): Promise<void> {
    this.end ??= { truncated: false };
    this.peeked = undefined;
    await this.reading;
    await this.history.return({ truncated: false });
  }
}
