import { parentPort, Worker } from 'node:worker_threads';

/** How `mapOnThreads` spreads its items. */
export interface ThreadPoolOptions {
  /** The worker script: a CommonJS file that calls `serveBatches`. */
  readonly script: string;
  /** Passed to every worker (tells the script which work to do). */
  readonly workerData: unknown;
  readonly workers: number;
  /** Items per message; batches keep the messaging cost small against the work. */
  readonly batchSize: number;
  /** The young generation of each worker's heap, in megabytes: small, as short-lived garbage needs little. */
  readonly youngGenerationMb?: number;
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

/**
 * Maps `items` on `workers` worker threads running `script` (which calls `serveBatches` with the
 * work) and returns the results in the items' order, exactly as `items.map(work)` would. Batches are
 * handed out as workers become free, so a slow item does not hold up the rest; this thread only
 * hands out and collects, so its heap stays small. A worker that fails fails the whole map.
 */
export async function mapOnThreads<R>(items: readonly unknown[], options: ThreadPoolOptions): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const batches: number[] = [];
  for (let start = 0; start < items.length; start += options.batchSize) batches.push(start);
  let pending = batches.length;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      if (pending === 0) return resolve();
      const resourceLimits = options.youngGenerationMb === undefined ? {} : { resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb } };
      const sends: (() => void)[] = [];
      for (let i = 0; i < Math.min(options.workers, batches.length); i++) {
        const worker = new Worker(options.script, { workerData: options.workerData, ...resourceLimits });
        const send = (): void => {
          const batch = batches.shift();
          if (batch !== undefined) worker.postMessage({ batch, items: items.slice(batch, batch + options.batchSize) } satisfies BatchRequest);
        };
        worker.on('message', (reply: unknown) => {
          if (!isBatchReply(reply)) return reject(new Error('A worker thread sent a message that is not a batch reply.'));
          if ('error' in reply) return reject(new Error(reply.error));
          // The worker ran the work on these items: its results are R, sent by `serveBatches`.
          (reply.results as readonly R[]).forEach((result, index) => (results[reply.batch + index] = result));
          if (--pending === 0) return resolve();
          send();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (pending > 0) reject(new Error(`A worker thread stopped (exit code ${code}) before finishing its items.`));
        });
        workers.push(worker);
        sends.push(send);
      }
      // Round by round, so that a few batches go to different workers.
      for (let held = 0; held < batchesPerWorker; held++) for (const send of sends) send();
    });
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
