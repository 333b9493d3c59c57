import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freshBundle } from '../builtBundle';

const root = path.resolve(__dirname, '..', '..', '..', '..');

describe('promptops/runtime as applications import it', () => {
  it('resolves through the package exports to the built bundle, with its type declarations', () => {
    const bundle = freshBundle('runtime.js');
    // An application with this package in its node_modules, resolving through the package's "exports".
    const application = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-app-'));
    let entry: string;
    try {
      fs.mkdirSync(path.join(application, 'node_modules'));
      fs.symlinkSync(root, path.join(application, 'node_modules', 'promptops'), 'dir');
      entry = require.resolve('promptops/runtime', { paths: [application] });
    } finally {
      fs.rmSync(application, { recursive: true, force: true });
    }
    assert.equal(entry, bundle);
    const runtime = require(entry) as Record<string, unknown>;
    for (const name of ['loadPromptBundle', 'resolvePrompt', 'renderResolved']) assert.equal(typeof runtime[name], 'function', name);
    assert.ok(fs.existsSync(path.join(root, 'dist', 'types', 'src', 'runtime', 'promptRuntime.d.ts')));
  });
});
