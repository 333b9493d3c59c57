import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { loadOnigLib, repoRoot } from './textmateTokenizer';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

const grammars = [
  { language: 'dotprompt', scopeName: 'source.dotprompt', file: 'syntaxes/dotprompt.tmLanguage.json' },
  { language: 'prompty', scopeName: 'source.prompty', file: 'syntaxes/prompty.tmLanguage.json' },
] as const;

function readJson(relativePath: string): Json {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, relativePath), 'utf8')) as Json;
}

function isArray(value: Json | undefined): value is readonly Json[] {
  return Array.isArray(value);
}

function isObject(value: Json | undefined): value is { readonly [key: string]: Json } {
  return typeof value === 'object' && value !== null && !isArray(value);
}

/** Every string under one of `keys`, anywhere in the JSON tree. */
function stringsUnder(value: Json, keys: ReadonlySet<string>, found: { key: string; value: string }[] = []): { key: string; value: string }[] {
  if (isArray(value)) for (const item of value) stringsUnder(item, keys, found);
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (keys.has(key) && typeof child === 'string') found.push({ key, value: child });
      else stringsUnder(child, keys, found);
    }
  }
  return found;
}

describe('Grammar files', () => {
  before(() => loadOnigLib());

  for (const { language, scopeName, file } of grammars) {
    describe(file, () => {
      const grammar = readJson(file);

      it('declares the scope name that package.json contributes, with front matter embedded as YAML', () => {
        assert.ok(isObject(grammar));
        assert.equal(grammar['scopeName'], scopeName);
        const manifest = readJson('package.json');
        assert.ok(isObject(manifest) && isObject(manifest['contributes']));
        const contributed = manifest['contributes']['grammars'];
        assert.ok(isArray(contributed));
        const entry = contributed.find((g) => isObject(g) && g['language'] === language);
        assert.ok(isObject(entry), `package.json has no grammar for ${language}`);
        assert.equal(entry['scopeName'], scopeName);
        assert.equal(path.normalize(String(entry['path'])), path.normalize(`./${file}`));
        assert.deepEqual(entry['embeddedLanguages'], { 'meta.embedded.block.frontmatter': 'yaml' });
      });

      it('compiles every regular expression with Oniguruma', () => {
        const patterns = stringsUnder(grammar, new Set(['match', 'begin', 'end', 'while']));
        assert.ok(patterns.length > 20);
        const failures = patterns.flatMap(({ key, value }) => {
          // vscode-textmate substitutes back-references in end/while with the begin captures before compiling
          const source = key === 'end' || key === 'while' ? value.replace(/\\(\d+)/g, 'x') : value;
          try {
            new oniguruma.OnigScanner([source]).dispose();
            return [];
          } catch (error: unknown) {
            return [`${key}: ${value} (${String(error)})`];
          }
        });
        assert.deepEqual(failures, []);
      });

      it('includes only rules that exist, plus the YAML grammar', () => {
        assert.ok(isObject(grammar) && isObject(grammar['repository']));
        const rules = new Set(Object.keys(grammar['repository']));
        const includes = stringsUnder(grammar, new Set(['include'])).map(({ value }) => value);
        const dangling = includes.filter((include) => (include.startsWith('#') ? !rules.has(include.slice(1)) : include !== 'source.yaml'));
        assert.deepEqual(dangling, []);
        const unused = [...rules].filter((rule) => !includes.includes(`#${rule}`));
        assert.deepEqual(unused, []);
      });

      it('names every scope after its language', () => {
        assert.ok(isObject(grammar));
        const rules: Json = [grammar['patterns'] ?? null, grammar['repository'] ?? null];
        const names = stringsUnder(rules, new Set(['name', 'contentName'])).flatMap(({ value }) => value.split(' '));
        assert.ok(names.length > 20);
        const foreign = names.filter((name) => name !== 'meta.embedded.block.frontmatter' && !name.endsWith(`.${language}`));
        assert.deepEqual(foreign, []);
      });
    });
  }
});
