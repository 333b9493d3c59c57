import * as path from 'node:path';

/**
 * `candidate` relative to `folder` when it lies strictly inside it, else undefined (the folder
 * itself, a parent, a sibling, another drive). Only a `..` path segment leads out: a name that
 * merely starts with two dots, like `..releases.yaml`, is inside.
 */
export function relativeInside(folder: string, candidate: string): string | undefined {
  const relative = path.relative(folder, candidate);
  if (relative === '' || path.isAbsolute(relative) || relative === '..' || relative.startsWith(`..${path.sep}`)) return undefined;
  return relative;
}
