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

// A worker costs about as much to start as checking this many files: fewer files stay in this thread.
const filesPerWorker = 200;
const maxBatchSize = 32;
// Each worker's heap is capped, so that two workers together take little more memory than one
// thread alone: a small young generation suffices for one file's short-lived garbage, and the old
// generation is collected before it grows far. A file too big for the cap (a sample file with tens
// of thousands of sets) is checked in this thread instead.
const heapLimitsMb = { young: 2, old: 16 };

/** The default of `--jobs`: one thread per core. */
export function defaultJobs(): number {
  return os.availableParallelism();
}

/** How many worker threads `jobs` allows for `fileCount` files: none (this thread works alone) unless at least two get enough files to pay for starting them. */
export function workersFor(fileCount: number, jobs: number): number {
  const workers = Math.min(jobs, Math.floor(fileCount / filesPerWorker));
  return workers >= 2 ? workers : 0;
}

/**
 * Runs a per-file step over `files` on up to `jobs` worker threads (fileTaskWorker.ts runs `task`
 * there), or in this thread when threads do not pay; the results come in the files' order, the same
 * either way. `stepHere` loads the step for this thread, so a parallel run leaves its code to the workers.
 */
export async function runFileTask<F extends PromptFileArgument, R>(
  task: FileTaskName,
  files: readonly F[],
  jobs: number,
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
