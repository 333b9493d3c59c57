import * as fs from 'node:fs';
import * as path from 'node:path';
import { sampleFileCandidates } from '../core/sampleFilePaths';

/** The sidecar sample file of a prompt (`trip.prompt` → `trip.samples.yaml`, else `.json`), if one exists. */
export function findSampleFile(promptPath: string): string | undefined {
  const base = promptPath.slice(0, promptPath.length - path.extname(promptPath).length);
  return sampleFileCandidates(`${base}.prompt`).find((file) => fs.existsSync(file));
}
