// The parse floor's own work split over this thread and worker threads the way `check --jobs N`
// splits files (the same thread pool, batches and sharing), bundled and run as its own process by
// checkBench.ts. It does nothing beyond the floor (parseFloor.ts) but spread it: how close two
// threads bring the floor's work to half its time bounds what `check`, which does that work and
// its checks on top, can reach on the same cores.
import { isMainThread, workerData } from 'node:worker_threads';
import { walkFiles } from './folderWalk';
import { parseFloorFile } from './floorParse';
import { mapOnThreads, serveBatches } from '../src/node/threadPool';

/** The floor's step as a count, so the results add up to the files parsed. */
function parseFile(file: string): number {
  return parseFloorFile(file) ? 1 : 0;
}

async function main(): Promise<void> {
  const [threadsArgument, ...folders] = process.argv.slice(2);
  const threads = Number(threadsArgument);
  const files: string[] = [];
  for (const folder of folders) walkFiles(folder, (file) => files.push(file));
  // The batch size check picks for this many files and threads (fileTaskThreads.ts).
  const batchSize = Math.max(1, Math.min(32, Math.ceil(files.length / (threads * 16))));
  const parsed = await mapOnThreads(files, { script: __filename, workerData: 'parse', workers: threads - 1, batchSize, workHere: async () => parseFile, shareHere: true });
  process.stdout.write(`${parsed.reduce((sum, one) => sum + one, 0)} files parsed on ${threads} threads\n`);
}

if (isMainThread) void main();
else if (workerData === 'parse') serveBatches(parseFile);
