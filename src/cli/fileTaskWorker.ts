// The worker threads of `check` and `test` (dist/fileTaskWorker.js): each runs the per-file step its
// workerData names, with lookups shared by the files it is sent. A step's code loads only where it runs.
import { workerData } from 'node:worker_threads';
import { serveBatches } from '../node/threadPool';
import { limitHeapGrowth } from '../node/heapGrowth';
import { limitOptimizerInlining } from '../node/optimizerInlining';
import type { FileTaskWorkerData } from './fileTaskThreads';

// runFileTask starts this script with FileTaskWorkerData.
const { task } = workerData as FileTaskWorkerData;
limitHeapGrowth();
limitOptimizerInlining();
if (task === 'check') void import('./promptFileCheck').then(({ createCheckStep }) => serveBatches(createCheckStep()));
else void import('./verbs/testVerb').then(({ createTestStep }) => serveBatches(createTestStep()));
