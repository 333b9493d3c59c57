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

// By default a second thread starts only when each thread gets this many files: a worker pays for
// its own start (about 20 MB and 0.1 s of CPU) and JIT warm-up (its first thousand files cost about
// 0.4 s of CPU more than the next thousand), and on a shared machine the threads of one run share
// its slice of the cores. With this thread working too, two threads over 2,000 prompts measured
// 1.08x the wall time of one at a load average of 6 (1.33x the CPU, 1.3x the memory), and 0.77x
// over 20,000 at a load average of 11 (paired runs of the CLI and npm run bench).
const filesPerThread = 2000;
const maxBatchSize = 32;
// Each worker's heap is capped so that N workers cannot each grow to V8's default limit; the caps
// are generous, as tight ones made workers slower than one thread. A file too big for a worker
// (a sample file with a hundred thousand sets) is checked in this thread instead.
const heapLimitsMb = { young: 32, old: 512 };

/**
 * How many worker threads check `fileCount` files beside this thread, which works too: `jobs - 1`
 * when `jobs` is given (none for 1), else enough to use every core once each thread gets enough
 * files to pay for starting it.
 */
export function workersFor(fileCount: number, jobs: number | undefined): number {
  const threads = jobs !== undefined ? Math.min(jobs, fileCount) : Math.min(os.availableParallelism(), Math.floor(fileCount / filesPerThread));
  return Math.max(0, threads - 1);
}

/**
 * Runs a per-file step over `files` on worker threads (fileTaskWorker.ts runs `task` there; see
 * workersFor), or in this thread; the results come in the files' order, the same either way.
 * `stepHere` loads the step for this thread, which takes its share of the files.
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
  const batchSize = Math.max(1, Math.min(maxBatchSize, Math.ceil(files.length / ((workers + 1) * 16))));
  return mapOnThreads(files, { script: workerScript, workerData: { task } satisfies FileTaskWorkerData, workers, batchSize, heapLimitsMb, workHere: stepHere, shareHere: true });
}
