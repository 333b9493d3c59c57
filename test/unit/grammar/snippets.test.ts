import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertHasScope, assertLacksScope, loadGrammar, repoRoot, TokenizedDocument } from './textmateTokenizer';

interface Snippet {
  readonly prefix: string | readonly string[];
  readonly body: string | readonly string[];
  readonly description: string;
}

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isStringOrStrings = (value: unknown): value is string | readonly string[] =>
  typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string'));

function isSnippet(value: unknown): value is Snippet {
  if (typeof value !== 'object' || value === null) return false;
  const { prefix, body, description } = value as Record<string, unknown>;
  return isStringOrStrings(prefix) && isStringOrStrings(body) && isNonEmptyString(description);
}

/** Reads a snippet file as plain JSON (no comments) and checks the shape of every entry. */
function readSnippets(language: string): ReadonlyMap<string, Snippet> {
  const parsed: unknown = JSON.parse(fs.readFileSync(path.join(repoRoot, `snippets/${language}.code-snippets`), 'utf8'));
  assert.ok(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed));
  const snippets = new Map<string, Snippet>();
  for (const [name, value] of Object.entries(parsed)) {
    assert.ok(isSnippet(value), `snippet ${JSON.stringify(name)} needs a prefix, a body and a description`);
    snippets.set(name, value);
  }
  return snippets;
}

const prefixesOf = (snippet: Snippet): readonly string[] => (typeof snippet.prefix === 'string' ? [snippet.prefix] : snippet.prefix);

/** The text a snippet inserts when every placeholder keeps its default (and a choice its first option). */
function expand(snippet: Snippet): string {
  let text = typeof snippet.body === 'string' ? snippet.body : snippet.body.join('\n');
  const defaults = new Map<string, string>();
  const innermostPlaceholder = /\$\{(\d+):((?:\\.|[^\\$}])*)\}/;
  for (let match = innermostPlaceholder.exec(text); match; match = innermostPlaceholder.exec(text)) {
    const [whole, index = '', value = ''] = match;
    if (!defaults.has(index)) defaults.set(index, value);
    text = text.replace(whole, () => value);
  }
  return text
    .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_whole: string, _index: string, choices: string) => choices.split(',')[0] ?? '')
    .replace(/\$\{(\d+)\}|\$(\d+)/g, (_whole: string, braced: string | undefined, bare: string | undefined) => defaults.get(braced ?? bare ?? '') ?? '')
    .replace(/\\([$}\\])/g, '$1');
}

function blockTags(text: string, pattern: RegExp, kind: 'open' | 'close'): { kind: 'open' | 'close'; index: number; name: string }[] {
  return [...text.matchAll(new RegExp(pattern.source, 'g'))].map((match) => ({
    kind,
    index: match.index,
    name: match.slice(1).find((group) => group !== undefined) ?? '',
  }));
}

/** Blocks a template leaves open, innermost last, or the first close that matches no open block. */
function unclosedBlocks(text: string, open: RegExp, close: RegExp): string[] {
  const tags = [...blockTags(text, open, 'open'), ...blockTags(text, close, 'close')].sort((a, b) => a.index - b.index);
  const stack: string[] = [];
  for (const tag of tags) {
    if (tag.kind === 'open') stack.push(tag.name);
    else if (stack.at(-1) === tag.name) stack.pop();
    else return [`a close of ${tag.name} that nothing opened`];
  }
  return stack;
}

const languages = [
  {
    language: 'dotprompt',
    scopeName: 'source.dotprompt',
    required: ['frontmatter', 'each', 'if', 'ifelse', 'with', 'role', 'rolesystem', 'history', 'media', 'section', 'partial'],
    open: /\{\{~?#\*?(\S+?)[\s}~]/,
    close: /\{\{~?\/(\S+?)[\s}~]/,
  },
  {
    language: 'prompty',
    scopeName: 'source.prompty',
    required: ['prompty', 'system', 'user', 'assistant', 'for', 'if', 'ifelse', 'section'],
    open: /\{%-?\s*(for|if)\b|\{\{#(\S+?)\}\}/,
    close: /\{%-?\s*end(for|if)\b|\{\{\/(\S+?)\}\}/,
  },
] as const;

describe('Snippets', () => {
  for (const { language, scopeName, required, open, close } of languages) {
    describe(`${language}.code-snippets`, () => {
      const snippets = readSnippets(language);

      it('gives every snippet a prefix, a body and a description, with no prefix used twice', () => {
        assert.ok(snippets.size >= required.length);
        const prefixes = [...snippets.values()].flatMap(prefixesOf);
        assert.deepEqual(prefixes.filter((prefix, i) => prefixes.indexOf(prefix) !== i), []);
      });

      it('offers the common blocks', () => {
        const prefixes = new Set([...snippets.values()].flatMap(prefixesOf));
        assert.deepEqual(required.filter((prefix) => !prefixes.has(prefix)), []);
      });

      it('closes every block a snippet opens', () => {
        let blocks = 0;
        for (const [name, snippet] of snippets) {
          const text = expand(snippet);
          blocks += blockTags(text, open, 'open').length;
          assert.deepEqual(unclosedBlocks(text, open, close), [], name);
        }
        assert.ok(blocks >= 4, 'the block regexes found too few blocks to be trusted');
      });

      it('inserts text that leaves the highlighter back at the template level', async () => {
        const grammar = await loadGrammar(scopeName, { withYaml: true });
        for (const [name, snippet] of snippets) {
          const text = expand(snippet);
          assert.doesNotMatch(text, /\$\{|\$\d/, `${name} left a placeholder behind`);
          const doc = new TokenizedDocument(grammar, `${text}\nafter the snippet`);
          assert.deepEqual(doc.token('after the snippet').scopes, [scopeName], `${name} leaves an unterminated construct`);
        }
      });
    });
  }

  it('the dotprompt front matter snippet produces front matter that highlights as YAML', async () => {
    const snippet = readSnippets('dotprompt').get('Front matter');
    assert.ok(snippet);
    const doc = new TokenizedDocument(await loadGrammar('source.dotprompt', { withYaml: true }), expand(snippet));
    assertHasScope(doc.token('schema'), 'meta.embedded.block.frontmatter');
    assertHasScope(doc.token('---', '---', 1), 'punctuation.definition.frontmatter.end.dotprompt');
  });

  it('the Prompty file snippet produces role lines and a variable after its front matter', async () => {
    const snippet = readSnippets('prompty').get('Prompty file');
    assert.ok(snippet);
    const doc = new TokenizedDocument(await loadGrammar('source.prompty', { withYaml: true }), expand(snippet));
    assertHasScope(doc.token('inputs'), 'meta.embedded.block.frontmatter');
    assertHasScope(doc.token('system'), 'keyword.other.role.prompty');
    const question = doc.token('question', '{{question}}');
    assertHasScope(question, 'variable.other.prompty');
    assertLacksScope(question, 'meta.embedded.block.frontmatter');
  });
});
