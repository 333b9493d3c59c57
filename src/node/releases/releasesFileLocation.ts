import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultReleasesFile } from '../../core/releases/releaseManifest';
import { FileSystemRefusal } from '../fileSystemRefusal';
import { relativeInside } from '../pathInside';

/** Where the release manifest of a repository is: relative to the root, as messages name it, and absolute. */
export interface ReleasesFileLocation {
  /** Repository-relative, with `/` separators. */
  readonly releasesFile: string;
  readonly manifestFile: string;
}

function isInside(folder: string, candidate: string): boolean {
  return relativeInside(folder, candidate) !== undefined;
}

/** The nearest existing path at or above `file`, with symbolic links resolved. */
function realPathOfNearest(file: string): string {
  let current = file;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(current), path.relative(current, file));
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return file;
      current = parent;
    }
  }
}

/**
 * Resolves the manifest setting (`PROMPTOPS_RELEASES_FILE`, `promptops.releasesFile`) against the
 * repository root: a relative path, or an absolute one inside the repository. Anything that lands
 * outside it (`../`, an absolute path elsewhere, a link that leads out) or inside `.git` is refused in
 * one sentence: releases are reviewed with the repository, and are never written anywhere else.
 */
export function resolveReleasesFile(root: string, setting: string | undefined): ReleasesFileLocation {
  const given = setting === undefined || setting.trim() === '' ? defaultReleasesFile : setting;
  const manifestFile = path.resolve(root, given);
  const outside = `The release manifest setting "${given}" is outside the repository at ${root}; name a file inside it (relative to its root).`;
  if (!isInside(root, manifestFile)) throw new FileSystemRefusal(outside);
  const realRoot = realPathOfNearest(root);
  const realManifest = realPathOfNearest(manifestFile);
  if (!isInside(realRoot, realManifest)) throw new FileSystemRefusal(`The release manifest setting "${given}" leads outside the repository at ${root} through a symbolic link; name a file inside it.`);
  const releasesFile = path.relative(root, manifestFile).split(path.sep).join('/');
  if (releasesFile.split('/').includes('.git')) throw new FileSystemRefusal(`The release manifest setting "${given}" is inside .git, which is git's own; name a file of the working tree.`);
  return { releasesFile, manifestFile };
}
