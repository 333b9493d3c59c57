import { runGit } from './gitProcess';

/** A git version as numbers, e.g. `[2, 39, 5]`. */
export type GitVersion = readonly number[];

const versions = new Map<string, Promise<GitVersion>>();

/** The version of the git executable at `gitPath`, asked once per process and path. */
export function gitVersionOf(gitPath = 'git', cwd = process.cwd()): Promise<GitVersion> {
  let version = versions.get(gitPath);
  if (!version) {
    version = runGit(['version'], { cwd, gitPath }).then((stdout) => parseGitVersion(stdout.toString('utf8')));
    // A failure (git missing) is not remembered: the user may install git and try again.
    version.catch(() => versions.delete(gitPath));
    versions.set(gitPath, version);
  }
  return version;
}

/** Reads `git version 2.39.5` (or `2.45.1.windows.1`) as numbers; an unknown form reads as `[0]`. */
export function parseGitVersion(output: string): GitVersion {
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : [0];
}

/** Whether `version` is at least `minimum`. */
export function isAtLeast(version: GitVersion, minimum: GitVersion): boolean {
  for (let i = 0; i < minimum.length; i++) {
    const part = version[i] ?? 0;
    const wanted = minimum[i] ?? 0;
    if (part !== wanted) return part > wanted;
  }
  return true;
}
