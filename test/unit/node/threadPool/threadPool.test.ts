import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { mapOnThreads } from '../../../../src/node/threadPool';
import { square } from './squareWork';

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
    const items = Array.from({ length: 500 }, (_, i) => (i === 13 || i === 99 ? 12 : i));
    const watched = await watchingWorkers(() => mapOnThreads<number, ReturnType<typeof square>>(items, { script, workerData: undefined, workers: 3, batchSize: 7 }));
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

  it('sharing, works through batches in this thread too and still returns the results in order', async () => {
    const items = Array.from({ length: 400 }, (_, i) => (i === 13 ? 12 : i));
    const watched = await watchingWorkers(() =>
      mapOnThreads(items, { script, workerData: undefined, workers: 1, batchSize: 5, workHere: () => Promise.resolve(square), shareHere: true }),
    );
    if (!('result' in watched)) throw watched.error;
    assert.deepEqual(
      watched.result.map(({ n, square }) => [n, square]),
      items.map((n) => [n, n * n]),
    );
    assert.equal(watched.started, 1);
    assert.equal(watched.running, 0);
    const here = watched.result.filter(({ thread }) => thread === 0).length;
    assert.ok(here > 0 && here < items.length, `${here} of ${items.length} items ran here`);
  });

  it('sharing, starts no worker for a single batch, which this thread works through alone', async () => {
    const watched = await watchingWorkers(() => mapOnThreads([1, 2, 3], { script, workerData: undefined, workers: 2, batchSize: 5, workHere: () => Promise.resolve(square), shareHere: true }));
    if (!('result' in watched)) throw watched.error;
    assert.deepEqual(
      watched.result.map(({ square, thread }) => [square, thread]),
      [
        [1, 0],
        [4, 0],
        [9, 0],
      ],
    );
    assert.equal(watched.started, 0);
  });

  it('starts no more workers than there are batches, and none for no items', async () => {
    const few = await watchingWorkers(() => mapOnThreads([1, 2, 3], { script, workerData: undefined, workers: 4, batchSize: 2 }));
    assert.equal(few.started, 2);
    const none = await watchingWorkers(() => mapOnThreads([], { script, workerData: undefined, workers: 4, batchSize: 2 }));
    assert.ok('result' in none);
    assert.deepEqual(none.result, []);
    assert.equal(none.started, 0);
  });

  it('works through the batches of a worker that runs out of its capped heap in this thread', async () => {
    const items = Array.from({ length: 300 }, (_, i) => (i === 13 ? 12 : i));
    const watched = await watchingWorkers(() =>
      mapOnThreads(items, { script, workerData: undefined, workers: 2, batchSize: 10, heapLimitsMb: { young: 2, old: 16 }, workHere: () => Promise.resolve(square) }),
    );
    if (!('result' in watched)) throw watched.error;
    assert.deepEqual(
      watched.result.map(({ n, square }) => [n, square]),
      items.map((n) => [n, n * n]),
    );
    // The batches the worker held when 99 exhausted its heap (90 to 99, and the one it had next) ran here.
    const here = watched.result.filter(({ thread }) => thread === 0).map(({ n }) => n);
    assert.deepEqual(here.slice(0, 10), [90, 91, 92, 93, 94, 95, 96, 97, 98, 99]);
    assert.ok(here.length === 10 || here.length === 20, `${here.length} items ran here`);
    assert.equal(watched.running, 0);
  });

  it('fails with the error an item threw in a worker, and stops every worker', async () => {
    const items = Array.from({ length: 200 }, (_, i) => i);
    const watched = await watchingWorkers(() => mapOnThreads(items, { script, workerData: undefined, workers: 2, batchSize: 5 }));
    assert.ok('error' in watched);
    assert.ok(watched.error instanceof Error);
    assert.equal(watched.error.message, '13 is unlucky');
    assert.equal(watched.running, 0);
  });

  it('fails, rather than waits, when the worker script cannot be loaded', async () => {
    const watched = await watchingWorkers(() => mapOnThreads([1, 2, 3], { script: path.join(__dirname, 'missingWorker.js'), workerData: undefined, workers: 2, batchSize: 1 }));
    assert.ok('error' in watched);
    assert.match(String(watched.error), /Cannot find module/);
    assert.equal(watched.running, 0);
  });
});
