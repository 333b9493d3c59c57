import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

describe('Architecture', () => {
  it('only src/extension imports vscode, so the CLI and the core run without an editor', () => {
    const offenders = ['core', 'node', 'cli']
      .flatMap((layer) => sourceFiles(path.join(root, 'src', layer)))
      .filter((file) => importsOf(file).includes('vscode'))
      .map((file) => path.relative(root, file));
    assert.deepEqual(offenders, []);
  });

  it('src/runtime is pure: it imports only itself, dotprompt and the core renderer, so applications can run it anywhere', () => {
    const allowed = (file: string, name: string): boolean =>
      name === 'dotprompt' || (name.startsWith('.') && (path.resolve(path.dirname(file), name).startsWith(path.join(root, 'src', 'runtime')) || path.resolve(path.dirname(file), name) === path.join(root, 'src', 'core', 'formats', 'dotprompt', 'promptRenderer')));
    const offenders = sourceFiles(path.join(root, 'src', 'runtime')).flatMap((file) =>
      importsOf(file).filter((name) => !allowed(file, name)).map((name) => `${path.relative(root, file)} imports ${name}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('src/core touches neither the file system nor processes', () => {
    const forbidden = /^(node:)?(fs|fs\/promises|child_process|net|http|https|os)$/;
    const offenders = sourceFiles(path.join(root, 'src', 'core')).flatMap((file) =>
      importsOf(file).filter((name) => forbidden.test(name)).map((name) => `${path.relative(root, file)} imports ${name}`),
    );
    assert.deepEqual(offenders, []);
  });
});
