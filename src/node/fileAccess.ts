import * as fs from 'node:fs';
import { readTextFile, type TextFileRead } from './textFiles';

/** How prompt lookups reach the disk: directly, or through a cache shared by the files of one run. */
export interface FileAccess {
  exists(file: string): boolean;
  read(file: string): TextFileRead;
}

/** Every lookup goes to the disk. */
export const directFileAccess: FileAccess = {
  exists: (file) => fs.existsSync(file),
  read: readTextFile,
};
