// The floor `promptops check` is measured against (bundled and run as its own process by
// checkBench.ts): walk the same folder, read every prompt and sample file once and parse it
// (floorParse.ts) in one thread, and do nothing else.
import { walkFiles } from './folderWalk';
import { parseFloorFile } from './floorParse';

let files = 0;
for (const folder of process.argv.slice(2)) {
  walkFiles(folder, (file) => {
    if (parseFloorFile(file)) files++;
  });
}
process.stdout.write(`${files} files parsed\n`);
