// Preloaded (node --require) into a process the benchmark measures: prints its peak resident set
// size, which counts every thread of the process, on stderr when it exits.
import * as fs from 'node:fs';
import { peakMemoryMarker } from './peakMemory';

process.on('exit', () => {
  fs.writeSync(2, `\n${peakMemoryMarker} ${process.resourceUsage().maxRSS}\n`);
});
