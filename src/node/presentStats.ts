import * as fs from 'node:fs';
import { errorCode } from './errorCode';

/**
 * A path's stats, or undefined when nothing is there: missing (ENOENT), or under something that is
 * not a folder (ENOTDIR, as `notes.txt/a.prompt` is). `throwIfNoEntry: false` covers only the first,
 * so a path through a file would end in a stack trace instead of the caller's one sentence.
 */
export function statIfPresent(file: string): fs.Stats | undefined {
  return presentOrUndefined(() => fs.statSync(file));
}

/** As `statIfPresent`, without following a symbolic link at the path itself. */
export function lstatIfPresent(file: string): fs.Stats | undefined {
  return presentOrUndefined(() => fs.lstatSync(file));
}

function presentOrUndefined(stat: () => fs.Stats): fs.Stats | undefined {
  try {
    return stat();
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
