import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repositoryRoot = path.resolve(__dirname, '..', '..', '..');

function newestSource(dir: string): { file: string; mtimeMs: number } {
  let newest = { file: dir, mtimeMs: 0 };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const candidate = entry.isDirectory() ? newestSource(full) : entry.name.endsWith('.ts') ? { file: full, mtimeMs: fs.statSync(full).mtimeMs } : undefined;
    if (candidate && candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

/**
 * The path of a bundle in dist/ (e.g. `cli.js`) for a test that runs it as a user would; fails in
 * one sentence when it is missing or older than a source file, so no test passes on stale code.
 */
export function freshBundle(name: string): string {
  const bundle = path.join(repositoryRoot, 'dist', name);
  const built = fs.statSync(bundle, { throwIfNoEntry: false });
  if (!built) assert.fail(`dist/${name} is missing; run npm run build first (npm test and npm run test:unit do).`);
  const newest = newestSource(path.join(repositoryRoot, 'src'));
  if (newest.mtimeMs > built.mtimeMs) {
    assert.fail(`dist/${name} is older than ${path.relative(repositoryRoot, newest.file)}; run npm run build first (npm test and npm run test:unit do), so this test does not run stale code.`);
  }
  return bundle;
}
