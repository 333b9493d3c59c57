import { parentPort, Worker } from 'node:worker_threads';
import { errorCode } from './errorCode';

/** How `mapOnThreads` spreads its items. */
export interface ThreadPoolOptions<T, R> {
  /** The worker script: a CommonJS file that calls `serveBatches` with the same work as `workHere`. */
  readonly script: string;
  /** Passed to every worker (tells the script which work to do). */
  readonly workerData: unknown;
  readonly workers: number;
  /** Items per message; batches keep the messaging cost small against the work. */
  readonly batchSize: number;
  /** Caps on each worker's heap, in megabytes; a worker that runs out gives its batches back to this thread. */
  readonly heapLimitsMb?: { readonly young: number; readonly old: number };
  /** Loads the work for this thread, which takes over the batches of a worker that ran out of memory. */
  readonly workHere?: () => Promise<(item: T) => R | Promise<R>>;
  /** This thread works through batches too (with `workHere`) instead of only handing out and collecting. */
  readonly shareHere?: boolean;
}

interface BatchRequest {
  readonly batch: number;
  readonly items: readonly unknown[];
}

type BatchReply = { readonly batch: number; readonly results: readonly unknown[] } | { readonly batch: number; readonly error: string };

// Each worker holds this many batches, so it starts the next one while its last results travel.
const batchesPerWorker = 2;

function isBatchReply(value: unknown): value is BatchReply {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'batch') === 'number';
}

function isOutOfMemory(error: unknown): boolean {
  return errorCode(error) === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * Maps `items` on `workers` worker threads running `script` (which calls `serveBatches` with the
 * work) and returns the results in the items' order, exactly as `items.map(work)` would. Batches are
 * handed out as workers become free, so a slow item does not hold up the rest. With `shareHere` this
 * thread takes batches from the same queue between handing them out; otherwise it only hands out
 * and collects, so its heap stays small. Either way, when a worker runs out of its capped heap this
 * thread works through that worker's batches itself. Any other failure fails the whole map.
 */
export async function mapOnThreads<T, R>(items: readonly T[], options: ThreadPoolOptions<T, R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const queue: number[] = [];
  for (let start = 0; start < items.length; start += options.batchSize) queue.push(start);
  const itemsOf = (batch: number): readonly T[] => items.slice(batch, batch + options.batchSize);
  let pending = queue.length;
  let failure: { readonly error: unknown } | undefined;
  const leftHere: number[] = [];
  const held = new Map<Worker, Set<number>>();
  let wake: () => void = () => undefined;
  const notify = (): void => wake();

  function send(worker: Worker): void {
    const batch = queue.shift();
    if (batch === undefined) return;
    held.get(worker)?.add(batch);
    worker.postMessage({ batch, items: itemsOf(batch) } satisfies BatchRequest);
  }

  const resourceLimits = options.heapLimitsMb && { maxYoungGenerationSizeMb: options.heapLimitsMb.young, maxOldGenerationSizeMb: options.heapLimitsMb.old };
  // Sharing, this thread takes a batch of its own, so a worker more than the batches left would idle.
  const workerCount = Math.min(options.workers, queue.length - (options.shareHere ? 1 : 0));
  for (let i = 0; i < workerCount; i++) {
    const worker = new Worker(options.script, { workerData: options.workerData, ...(resourceLimits ? { resourceLimits } : {}) });
    held.set(worker, new Set());
    worker.on('message', (reply: unknown) => {
      if (!isBatchReply(reply)) failure ??= { error: new Error('A worker thread sent a message that is not a batch reply.') };
      else if ('error' in reply) failure ??= { error: new Error(reply.error) };
      else {
        // The worker ran the work on these items: its results are R, sent by `serveBatches`.
        (reply.results as readonly R[]).forEach((result, index) => (results[reply.batch + index] = result));
        held.get(worker)?.delete(reply.batch);
        pending--;
        send(worker);
      }
      notify();
    });
    worker.on('error', (error) => {
      const batches = held.get(worker);
      if (isOutOfMemory(error) && options.workHere && batches) leftHere.push(...batches);
      else failure ??= { error };
      held.delete(worker);
      notify();
    });
    worker.on('exit', (code) => {
      // An exit after an error was handled there; one without is a worker that stopped on its own.
      if (held.delete(worker) && pending > 0) failure ??= { error: new Error(`A worker thread stopped (exit code ${code}) before finishing its items.`) };
      notify();
    });
  }
  // Round by round, so that a few batches go to different workers.
  for (let round = 0; round < batchesPerWorker; round++) for (const worker of held.keys()) send(worker);

  const workers = [...held.keys()];
  try {
    let work: ((item: T) => R | Promise<R>) | undefined;
    while (pending > 0 && failure === undefined) {
      // With every worker gone, the batches nobody holds are this thread's too.
      if (held.size === 0) leftHere.push(...queue.splice(0));
      const batch = leftHere.shift() ?? (options.shareHere ? queue.shift() : undefined);
      if (batch === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      work ??= await options.workHere?.();
      if (!work) throw new Error('Every worker thread stopped before finishing its items.');
      const here: R[] = [];
      for (const item of itemsOf(batch)) here.push(await work(item));
      here.forEach((result, index) => (results[batch + index] = result));
      pending--;
      // Between batches, let the workers' replies in so that each gets its next batch without waiting for this one.
      if (options.shareHere) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (failure) throw failure.error;
    return results;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * The worker side of `mapOnThreads`: runs `work` on every batch it is sent and replies with the
 * results in order; an exception is sent back as the error that fails the map.
 */
export function serveBatches<T, R>(work: (item: T) => R | Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serveBatches runs in a worker thread started by mapOnThreads.');
  port.on('message', (request: BatchRequest) => {
    void (async () => {
      try {
        const results: R[] = [];
        // mapOnThreads sends the items it was given, which are T.
        for (const item of request.items as readonly T[]) results.push(await work(item));
        port.postMessage({ batch: request.batch, results });
      } catch (error) {
        port.postMessage({ batch: request.batch, error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
}
