import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { mapOnThreads } from '../../../../src/node/threadPool';

const script = path.join(__dirname, 'squareWorker.js');

/** Counts the worker threads started and still running while `work` runs. */
async function watchingWorkers<T>(work: () => Promise<T>): Promise<{ result: T; started: number; running: number } | { error: unknown; started: number; running: number }> {
  let started = 0;
  let running = 0;
  const onWorker = (worker: Worker) => {
    started++;
    running++;
    worker.once('exit', () => running--);
  };
  process.on('worker', onWorker);
  try {
    return { result: await work(), started, running };
  } catch (error) {
    return { error, started, running };
  } finally {
    process.off('worker', onWorker);
  }
}

describe('mapOnThreads', () => {
  it('returns every result in the order of the items, worked out on the worker threads', async () => {
    const items = Array.from({ length: 500 }, (_, i) => (i === 13 ? 12 : i));
    const watched = await watchingWorkers(() => mapOnThreads<{ n: number; square: number; thread: number }>(items, { script, workerData: undefined, workers: 3, batchSize: 7 }));
    if (!('result' in watched)) throw watched.error;
    assert.deepEqual(
      watched.result.map(({ n, square }) => [n, square]),
      items.map((n) => [n, n * n]),
    );
    assert.equal(watched.started, 3);
    assert.equal(watched.running, 0);
    const threads = new Set(watched.result.map(({ thread }) => thread));
    assert.ok(threads.size >= 2, `the work ran on threads ${[...threads].join(', ')}`);
    assert.ok(!threads.has(0), 'the main thread only hands out and collects');
  });

  it('starts no more workers than there are batches, and none for no items', async () => {
    const few = await watchingWorkers(() => mapOnThreads<unknown>([1, 2, 3], { script, workerData: undefined, workers: 4, batchSize: 2 }));
    assert.equal(few.started, 2);
    const none = await watchingWorkers(() => mapOnThreads<unknown>([], { script, workerData: undefined, workers: 4, batchSize: 2 }));
    assert.ok('result' in none);
    assert.deepEqual(none.result, []);
    assert.equal(none.started, 0);
  });

  it('fails with the error an item threw in a worker, and stops every worker', async () => {
    const items = Array.from({ length: 200 }, (_, i) => i);
    const watched = await watchingWorkers(() => mapOnThreads<unknown>(items, { script, workerData: undefined, workers: 2, batchSize: 5 }));
    assert.ok('error' in watched);
    assert.ok(watched.error instanceof Error);
    assert.equal(watched.error.message, '13 is unlucky');
    assert.equal(watched.running, 0);
  });

  it('fails, rather than waits, when the worker script cannot be loaded', async () => {
    const watched = await watchingWorkers(() => mapOnThreads<unknown>([1, 2, 3], { script: path.join(__dirname, 'missingWorker.js'), workerData: undefined, workers: 2, batchSize: 1 }));
    assert.ok('error' in watched);
    assert.match(String(watched.error), /Cannot find module/);
    assert.equal(watched.running, 0);
  });
});
