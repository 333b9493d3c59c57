import * as fs from 'node:fs';
import * as path from 'node:path';

/** A thing the harness needs from the machine, and the Debian package that provides it. */
interface Prerequisite {
  readonly debianPackage: string;
  readonly present: () => boolean;
}

function onPath(command: string): boolean {
  const dirs = (process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  return dirs.some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function anyFile(...candidates: string[]): () => boolean {
  return () => candidates.some((file) => fs.existsSync(file));
}

/** Where Chromium lives: PROMPTOPS_CHROMIUM overrides Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env['PROMPTOPS_CHROMIUM'] ?? '/usr/bin/chromium';
}

const toRun: readonly Prerequisite[] = [
  { debianPackage: 'chromium', present: () => fs.existsSync(chromiumPath()) },
  { debianPackage: 'git', present: () => onPath('git') },
];

// Only needed the first time, to build code-server's native modules.
const toInstall: readonly Prerequisite[] = [
  { debianPackage: 'ripgrep', present: () => onPath('rg') },
  { debianPackage: 'python3', present: () => onPath('python3') },
  { debianPackage: 'make', present: () => onPath('make') },
  { debianPackage: 'g++', present: () => onPath('g++') },
  { debianPackage: 'libkrb5-dev', present: anyFile('/usr/include/krb5.h', '/usr/include/krb5/krb5.h') },
  { debianPackage: 'libsecret-1-dev', present: anyFile('/usr/include/libsecret-1/libsecret/secret.h') },
  { debianPackage: 'libx11-dev', present: anyFile('/usr/include/X11/Xlib.h') },
  { debianPackage: 'libxkbfile-dev', present: anyFile('/usr/include/X11/extensions/XKBfile.h') },
];

/** Every Debian package the harness may need, for error messages and .ci/run. */
export const allDebianPackages: readonly string[] = [...toRun, ...toInstall].map((p) => p.debianPackage);

/**
 * Returns one sentence naming the missing Debian packages, or undefined when nothing is missing.
 * The harness never installs system packages itself; .ci/run does.
 */
export function missingPrerequisites(needInstall: boolean): string | undefined {
  const needed = needInstall ? [...toRun, ...toInstall] : toRun;
  const missing = needed.filter((p) => !p.present()).map((p) => p.debianPackage);
  if (missing.length === 0) return undefined;
  return `This machine lacks what the real-VS-Code harness needs; install the Debian packages with: apt-get install -y ${missing.join(' ')}`;
}
