// A worker script for threadPool.test.ts: squares numbers, names its thread, and throws on 13.
import { threadId } from 'node:worker_threads';
import { serveBatches } from '../../../../src/node/threadPool';

serveBatches((n: number) => {
  if (n === 13) throw new Error('13 is unlucky');
  return { n, square: n * n, thread: threadId };
});
