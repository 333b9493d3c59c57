import { limitHeapGrowth, parsesManyFiles } from '../node/heapGrowth';
import { limitOptimizerInlining } from '../node/optimizerInlining';
import { runCli } from './runCli';

const argv = process.argv.slice(2);
// Other verbs read a few files and keep V8's defaults.
if (parsesManyFiles(argv)) {
  limitHeapGrowth();
  limitOptimizerInlining();
}

runCli(argv, {
  cwd: process.cwd(),
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`promptops: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
