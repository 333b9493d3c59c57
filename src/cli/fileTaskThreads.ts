import * as os from 'node:os';
import * as path from 'node:path';
import { mapOnThreads } from '../node/threadPool';
import type { PromptFileArgument } from './promptPathArguments';

/** The per-file steps that fileTaskWorker.ts runs: the name crosses to the worker, the function does not. */
export type FileTaskName = 'check' | 'test';

/** The worker's data: which per-file step it runs. */
export interface FileTaskWorkerData {
  readonly task: FileTaskName;
}

// dist/fileTaskWorker.js beside the bundled CLI; out/src/cli/fileTaskWorker.js beside this module under tsc.
const workerScript = path.join(__dirname, 'fileTaskWorker.js');

// By default a worker starts only when it gets this many files: each worker pays for its own start
// and JIT warm-up (the first thousand files run several times slower than the next), and V8
// already uses a second core for garbage collection and compiling, so on two cores threads
// measured slower than one thread below about 4,000 files and 1.5x faster at 20,000 (npm run bench).
const filesPerWorker = 2000;
const maxBatchSize = 32;
// Each worker's heap is capped so that N workers cannot each grow to V8's default limit; the caps
// are generous, as tight ones made workers slower than one thread. A file too big for a worker
// (a sample file with a hundred thousand sets) is checked in this thread instead.
const heapLimitsMb = { young: 32, old: 512 };

/**
 * How many worker threads check `fileCount` files: `jobs` when given (none for 1), else one per
 * core once each gets enough files to pay for starting it; never a lone worker, which would only
 * leave this thread waiting.
 */
export function workersFor(fileCount: number, jobs: number | undefined): number {
  const workers = jobs !== undefined ? Math.min(jobs, fileCount) : Math.min(os.availableParallelism(), Math.floor(fileCount / filesPerWorker));
  return workers >= 2 ? workers : 0;
}

/**
 * Runs a per-file step over `files` on worker threads (fileTaskWorker.ts runs `task` there; see
 * workersFor), or in this thread; the results come in the files' order, the same either way.
 * `stepHere` loads the step for this thread, so a parallel run leaves its code to the workers.
 */
export async function runFileTask<F extends PromptFileArgument, R>(
  task: FileTaskName,
  files: readonly F[],
  jobs: number | undefined,
  stepHere: () => Promise<(file: F) => R | Promise<R>>,
): Promise<R[]> {
  const workers = workersFor(files.length, jobs);
  if (workers === 0) {
    const step = await stepHere();
    const results: R[] = [];
    for (const file of files) results.push(await step(file));
    return results;
  }
  const batchSize = Math.max(1, Math.min(maxBatchSize, Math.ceil(files.length / (workers * 16))));
  return mapOnThreads(files, { script: workerScript, workerData: { task } satisfies FileTaskWorkerData, workers, batchSize, heapLimitsMb, workHere: stepHere });
}
