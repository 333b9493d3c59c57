import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './textmateTokenizer';

interface AutoClosingPair {
  readonly open: string;
  readonly close: string;
  readonly notIn?: readonly string[];
}

interface LanguageConfiguration {
  readonly comments: { readonly blockComment: readonly [string, string] };
  readonly brackets: readonly (readonly [string, string])[];
  readonly autoClosingPairs: readonly AutoClosingPair[];
  readonly surroundingPairs: readonly AutoClosingPair[];
  readonly folding: { readonly markers: { readonly start: string; readonly end: string } };
  readonly wordPattern: string;
}

/** Reads the file as plain JSON (no comments, no trailing commas), as strict as JSON.parse. */
function readConfiguration(language: string): LanguageConfiguration {
  const text = fs.readFileSync(path.join(repoRoot, `syntaxes/${language}.language-configuration.json`), 'utf8');
  return JSON.parse(text) as LanguageConfiguration;
}

function words(configuration: LanguageConfiguration, text: string): string[] {
  return [...text.matchAll(new RegExp(configuration.wordPattern, 'g'))].map((match) => match[0]);
}

function hasPair(pairs: readonly AutoClosingPair[], open: string, close: string): boolean {
  return pairs.some((pair) => pair.open === open && pair.close === close);
}

function assertFolds(configuration: LanguageConfiguration, expected: { starts: readonly string[]; ends: readonly string[]; neither: readonly string[] }): void {
  const start = new RegExp(configuration.folding.markers.start);
  const end = new RegExp(configuration.folding.markers.end);
  for (const line of expected.starts) assert.ok(start.test(line) && !end.test(line), `${JSON.stringify(line)} should start a fold`);
  for (const line of expected.ends) assert.ok(end.test(line) && !start.test(line), `${JSON.stringify(line)} should end a fold`);
  for (const line of expected.neither) assert.ok(!start.test(line) && !end.test(line), `${JSON.stringify(line)} should not be a fold marker`);
}

/** The editing behaviour both languages share. */
function itSharesEditingBehaviour(configuration: LanguageConfiguration): void {
  it('matches {{ }} and ( ) as brackets and auto-closes {{, {{#, quotes and (', () => {
    assert.ok(configuration.brackets.some(([open, close]) => open === '{{' && close === '}}'));
    assert.ok(configuration.brackets.some(([open, close]) => open === '(' && close === ')'));
    for (const [open, close] of [['{{', '}}'], ['{{#', '}}'], ['"', '"'], ["'", "'"], ['(', ')']] as const) {
      assert.ok(hasPair(configuration.autoClosingPairs, open, close), `no auto-closing pair ${open}${close}`);
    }
    for (const [open, close] of [['"', '"'], ["'", "'"], ['(', ')'], ['{', '}']] as const) {
      assert.ok(hasPair(configuration.surroundingPairs, open, close), `no surrounding pair ${open}${close}`);
    }
  });

  it('typing a longer opener inside an auto-closed shorter one completes it instead of doubling the close', () => {
    // VS Code inserts only the part of the close that the enclosing shorter pair has not already inserted
    for (const pair of configuration.autoClosingPairs.filter((p) => p.open.length > 1)) {
      const shorter = configuration.autoClosingPairs.find((p) => p !== pair && pair.open.startsWith(p.open) && pair.close.endsWith(p.close));
      assert.ok(shorter, `${pair.open} has no shorter pair whose close it extends`);
    }
  });

  it('selects a dotted path as one word, but not the punctuation around it', () => {
    assert.deepEqual(words(configuration, 'Plan {{days}} days for {{traveller.name}}!'), ['Plan', 'days', 'days', 'for', 'traveller.name']);
    assert.deepEqual(words(configuration, '{{@root.user.email}} {{../destination}}'), ['@root.user.email', 'destination']);
    assert.deepEqual(words(configuration, 'at 3.5 km, end.'), ['at', '3.5', 'km', 'end']);
    assert.ok(!new RegExp(configuration.wordPattern).test(''), 'the word pattern must not match an empty string');
  });
}

describe('dotprompt language configuration', () => {
  const configuration = readConfiguration('dotprompt');
  itSharesEditingBehaviour(configuration);

  it('comments with {{!-- --}} so that a comment may contain }}', () => {
    assert.deepEqual(configuration.comments.blockComment, ['{{!--', '--}}']);
  });

  it('folds Handlebars blocks from {{#x}} to {{/x}}', () => {
    assertFolds(configuration, {
      starts: ['{{#each items}}', '  {{#if traveller.interests}}', '{{~#with user~}}', '{{^items}}', '{{#> layout}}'],
      ends: ['{{/each}}', '  {{~/if~}}', '{{/with}}'],
      neither: ['{{#if a}}yes{{/if}}', '{{name}}', '{{else}}', 'plain text', '{{! #region }}'],
    });
  });
});

describe('Prompty language configuration', () => {
  const configuration = readConfiguration('prompty');
  itSharesEditingBehaviour(configuration);

  it('comments with {# #} and matches {% %} as brackets', () => {
    assert.deepEqual(configuration.comments.blockComment, ['{#', '#}']);
    assert.ok(configuration.brackets.some(([open, close]) => open === '{%' && close === '%}'));
    assert.ok(hasPair(configuration.autoClosingPairs, '{%', '%}'));
  });

  it('folds jinja blocks from {% for/if %} to {% endfor/endif %} and mustache sections', () => {
    assertFolds(configuration, {
      starts: ['{% for order in orders %}', '{%- if orders %}', '  {% macro card(x) %}', '{{#items}}', '{{^items}}'],
      ends: ['{% endfor %}', '{%- endif -%}', '{% endmacro %}', '{{/items}}'],
      neither: ['{% if a %}yes{% endif %}', '{% else %}', '{% set x = 1 %}', '{{ name }}', 'system:'],
    });
  });
});
