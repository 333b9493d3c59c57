import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The TypeScript files of one layer; a layer that is missing or empty fails the test instead of passing it with nothing checked. */
function layerFiles(layer: string): string[] {
  const dir = path.join(root, 'src', layer);
  assert.ok(fs.existsSync(dir), `src/${layer} is missing, so its import rules cannot be checked`);
  const files = sourceFiles(dir);
  assert.ok(files.length > 0, `src/${layer} has no TypeScript files, so its import rules cannot be checked`);
  return files;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

describe('Architecture', () => {
  it('only src/extension imports vscode, so the CLI and the core run without an editor', () => {
    const offenders = ['core', 'node', 'cli']
      .flatMap((layer) => layerFiles(layer))
      .filter((file) => importsOf(file).includes('vscode'))
      .map((file) => path.relative(root, file));
    assert.deepEqual(offenders, []);
  });

  it('src/runtime is pure: it imports only itself, dotprompt and the core renderer, so applications can run it anywhere', () => {
    const allowed = (file: string, name: string): boolean =>
      name === 'dotprompt' || (name.startsWith('.') && (path.resolve(path.dirname(file), name).startsWith(path.join(root, 'src', 'runtime')) || path.resolve(path.dirname(file), name) === path.join(root, 'src', 'core', 'rendering', 'promptRendering')));
    const offenders = layerFiles('runtime').flatMap((file) =>
      importsOf(file).filter((name) => !allowed(file, name)).map((name) => `${path.relative(root, file)} imports ${name}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('src/core touches neither the file system nor processes', () => {
    const forbidden = /^(node:)?(fs|fs\/promises|child_process|net|http|https|os)$/;
    const offenders = layerFiles('core').flatMap((file) =>
      importsOf(file).filter((name) => forbidden.test(name)).map((name) => `${path.relative(root, file)} imports ${name}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('only src/core/formats and its format table name a format: everything else reaches dotprompt and Prompty through the PromptFormat seam', () => {
    const formatsFolder = path.join(root, 'src', 'core', 'formats');
    const formatFolders = fs.readdirSync(formatsFolder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => path.join(formatsFolder, entry.name));
    assert.ok(formatFolders.length >= 1, 'src/core/formats has format folders');
    const offenders = ['core', 'node', 'cli', 'extension', 'runtime']
      .flatMap((layer) => sourceFiles(path.join(root, 'src', layer)))
      .filter((file) => !file.startsWith(`${formatsFolder}${path.sep}`))
      .flatMap((file) =>
        importsOf(file)
          .filter((name) => name.startsWith('.') && formatFolders.some((folder) => path.resolve(path.dirname(file), name).startsWith(`${folder}${path.sep}`)))
          .map((name) => `${path.relative(root, file)} imports ${name}`),
      );
    assert.deepEqual(offenders, []);
  });

  it('no file outside src/core/formats tells formats apart by extension or language id', () => {
    const formatsFolder = path.join(root, 'src', 'core', 'formats');
    const offenders = ['core', 'node', 'cli', 'extension', 'runtime']
      .flatMap((layer) => sourceFiles(path.join(root, 'src', layer)))
      .filter((file) => !file.startsWith(`${formatsFolder}${path.sep}`))
      .filter((file) => /endsWith\(\s*['"]\.prompty?['"]|[!=]== ['"](dotprompt|prompty)['"]|['"](dotprompt|prompty)['"] [!=]==/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    assert.deepEqual(offenders, []);
  });
});
