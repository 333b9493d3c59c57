import { threadId } from 'node:worker_threads';

/** The work of threadPool.test.ts: squares a number and names its thread; 13 throws, and 99 needs about 100 MB. */
export function square(n: number): { n: number; square: number; thread: number } {
  if (n === 13) throw new Error('13 is unlucky');
  if (n === 99) {
    const big = Array.from({ length: 1_000_000 }, (_, i) => ({ i, text: `item ${i}` }));
    return { n, square: big.length > 0 ? n * n : 0, thread: threadId };
  }
  return { n, square: n * n, thread: threadId };
}
