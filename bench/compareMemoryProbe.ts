// Run as its own process by compareBench.ts: does the compare work on one file and prints the peak RSS in KB.
import { tallyOutcomeFile } from './compareWork';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: compareMemoryProbe FILE');
tallyOutcomeFile(file).then(
  (analysis) => {
    if (analysis.metrics.length !== 2) throw new Error('unexpected analysis');
    process.stdout.write(`${process.resourceUsage().maxRSS}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
