import * as fs from 'node:fs';
import * as path from 'node:path';

// Set by esbuild (see esbuild.mjs) in dist/cli.js; unset when the sources run compiled by tsc in tests.
declare const PROMPTOPS_VERSION: string | undefined;

function versionFromPackageJson(): string {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

/** The package version. */
export const version: string = typeof PROMPTOPS_VERSION === 'string' ? PROMPTOPS_VERSION : versionFromPackageJson();
