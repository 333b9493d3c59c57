import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const featureFolders = ['src/extension/languageFeatures', 'src/core/languageService'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1] ?? '');
}

describe('Untrusted workspaces', () => {
  it('quick fixes, completion, hover, definition and rename need no trust: they run no process, no git and write no manifest', () => {
    const forbidden = /child_process|\/git\/|releases|atomicWrite|workspaceTrust|registry/;
    const offenders = featureFolders
      .flatMap((folder) => sourceFiles(path.join(root, folder)))
      .flatMap((file) => importsOf(file).filter((name) => forbidden.test(name)).map((name) => `${path.relative(root, file)} imports ${name}`));
    assert.deepEqual(offenders, []);
  });

  it('the package declares limited support, so the features run in untrusted workspaces', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } };
    const supported = manifest.capabilities?.untrustedWorkspaces?.supported;
    assert.equal(supported, 'limited');
  });
});
