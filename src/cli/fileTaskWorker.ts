// The worker threads of `check` and `test` (dist/fileTaskWorker.js): each runs the per-file step its
// workerData names, with its own lookups shared by the files it is sent.
import { workerData } from 'node:worker_threads';
import { serveBatches } from '../node/threadPool';
import type { FileTaskWorkerData } from './fileTaskThreads';
import { createCheckStep } from './promptFileCheck';
import { createTestStep } from './verbs/testVerb';

// runFileTask starts this script with FileTaskWorkerData.
const { task } = workerData as FileTaskWorkerData;
if (task === 'check') serveBatches(createCheckStep());
else serveBatches(createTestStep());
