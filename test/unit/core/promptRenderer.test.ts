import * as assert from 'node:assert/strict';
import { partialsMissingFrom, promptSourceProblem } from '../../../src/core/formats/dotprompt/promptRenderer';

describe('Prompt sources before rendering', () => {
  it('finds no problem in a prompt that reads as written', () => {
    assert.equal(promptSourceProblem('Hello {{name}}'), undefined);
  });

  it('reports the first template error at the file\'s own line, below the front matter', () => {
    assert.deepEqual(promptSourceProblem('---\nmodel: x\n---\nHi {{#if a}}'), { message: '{{#if a}} is never closed; add {{/if}} after its content.', position: { line: 3, character: 3 } });
    assert.deepEqual(promptSourceProblem('a\n{{/if}}'), { message: '{{/if}} closes a block that was never opened.', position: { line: 1, character: 0 } });
  });

  it('reports front matter that is never closed at its opening line', () => {
    assert.deepEqual(promptSourceProblem('---\nmodel: x\nHi'), {
      message: 'The front matter opened here is never closed by a --- line, so dotprompt renders the whole file as the template.',
      position: { line: 0, character: 0 },
    });
  });

  it('lists the partials a bundle lacks, through partials it holds, once each and in the order met', () => {
    const held = new Map([
      ['a', '{{> b}}{{> shared}}'],
      ['b', '{{> a}}{{> c}}'],
      ['shared', 'x'],
    ]);
    const template = '{{> a}}{{#if x}}{{> d}}{{else}}{{> e}}{{/if}}{{#> f}}{{> g}}{{/f}}{{> @partial-block}}{{#*inline "h"}}x{{/inline}}{{> h}}{{> d}}';
    assert.deepEqual(partialsMissingFrom(template, held), ['d', 'e', 'f', 'g', 'c']);
  });

  it('lists no partials for a template that holds none or does not parse', () => {
    assert.deepEqual(partialsMissingFrom('Hello {{name}}', new Map()), []);
    assert.deepEqual(partialsMissingFrom('{{> a}} {{#if', new Map()), []);
    assert.deepEqual(partialsMissingFrom('{{> a}}', new Map([['a', 'text']])), []);
    assert.deepEqual(partialsMissingFrom('{{> a}}', new Map([['a', '{{> b}} {{#if']])), [], 'a partial that does not parse includes nothing');
    assert.deepEqual(partialsMissingFrom('{{#*inline "h"}}{{> i}}{{/inline}}{{> h}}', new Map()), ['i'], 'an inline partial is defined in the template itself');
  });
});
