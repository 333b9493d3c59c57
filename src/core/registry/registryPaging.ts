/** Runs `work` on every item with at most `limit` calls in flight; results keep the items' order. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** A page as a paged list returns it: its items and how many pages there are in all. */
export interface FetchedPage<T> {
  readonly items: readonly T[];
  readonly totalPages: number;
}

/**
 * Reads a paged list to the end: page 1 first (it tells how many pages there are), then the rest
 * with at most `concurrency` requests in flight; items come back in page order.
 */
export async function collectAllPages<T>(fetchPage: (page: number) => Promise<FetchedPage<T>>, concurrency: number): Promise<T[]> {
  const first = await fetchPage(1);
  const rest = Array.from({ length: Math.max(0, first.totalPages - 1) }, (_, index) => index + 2);
  const pages = await mapWithConcurrency(rest, concurrency, (page) => fetchPage(page));
  return [first, ...pages].flatMap((page) => page.items);
}
