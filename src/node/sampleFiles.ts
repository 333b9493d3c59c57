import * as path from 'node:path';
import { sampleFileCandidates } from '../core/samples/sampleFilePaths';
import { directFileAccess, type FileAccess } from './fileAccess';

/** The sidecar sample file of a prompt (`trip.prompt` → `trip.samples.yaml`, else `.json`), if one exists. */
export function findSampleFile(promptPath: string, files: Pick<FileAccess, 'exists'> = directFileAccess): string | undefined {
  const base = promptPath.slice(0, promptPath.length - path.extname(promptPath).length);
  return sampleFileCandidates(`${base}.prompt`).find((file) => files.exists(file));
}
