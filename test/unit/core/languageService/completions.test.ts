import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { completionsAt, type CompletionEntry, type CompletionOptions } from '../../../../src/core/languageService/completions';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { parseSampleFile } from '../../../../src/core/samples/sampleSets';
import { isRangeInside } from '../../../../src/core/document/textDocument';
import { lines, span } from '../diagnosticExpectations';

// The template starts on line 11.
const header = lines(
  '---',
  'input:',
  '  schema:',
  '    customer(object, who is asking):',
  '      name: string',
  '      tier?: string',
  '    items(array):',
  '      title: string',
  '      price: number',
  '    question: string, as typed',
  '---',
);

/** Completes where `‸` is in the template (written after the header) and returns the entries. */
function complete(template: string, options: CompletionOptions = {}, prompt = `${header}\n`): CompletionEntry[] {
  const text = `${prompt}${template}`;
  const cursor = text.indexOf('‸', prompt.length);
  const document = parsePromptDocument(text.slice(0, cursor) + text.slice(cursor + 1), { path: 'p.prompt' });
  return completionsAt(document, cursor, options);
}

function labels(entries: readonly CompletionEntry[], kind?: CompletionEntry['kind']): string[] {
  return entries.filter((entry) => kind === undefined || entry.kind === kind).map((entry) => entry.label);
}

function typed(entries: readonly CompletionEntry[], kind: CompletionEntry['kind']): [string, string | undefined][] {
  return entries.filter((entry) => entry.kind === kind).map((entry) => [entry.label, entry.detail]);
}

describe('Completion', () => {
  it('inside {{ offers the declared variables with their types, then the helpers', () => {
    const entries = complete('Hi {{‸}}');
    assert.deepEqual(typed(entries, 'variable'), [
      ['customer', 'object'],
      ['items', 'array of object'],
      ['question', 'string'],
    ]);
    assert.deepEqual(entries[0]?.range, span(11, 5, 11, 5));
    assert.equal(entries.find((entry) => entry.label === 'question')?.documentation, 'as typed\n\nRequired.');
    assert.deepEqual(labels(entries, 'helper'), ['if', 'unless', 'each', 'with', 'lookup', 'log', 'role', 'history', 'section', 'media', 'json', 'ifEquals', 'unlessEquals']);
    assert.ok(entries.every((entry) => entry.kind !== 'data-variable'), 'no data variables outside blocks');
    const sorted = [...entries].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((entry) => entry.kind);
    assert.equal(sorted.indexOf('helper'), 3, 'variables sort before helpers');
  });

  it('replaces the part of the name already typed', () => {
    const entries = complete('Hi {{cus‸');
    assert.deepEqual(entries.find((entry) => entry.label === 'customer')?.range, span(11, 5, 11, 8));
  });

  it('offers nothing outside mustaches, in comments, in strings, after a closed tag or in the front matter', () => {
    assert.deepEqual(complete('Hi cus‸tomer'), []);
    assert.deepEqual(complete('{{name}} ‸'), []);
    assert.deepEqual(complete('{{! a comment {{‸'), []);
    assert.deepEqual(complete('{{!-- long {{‸ --}}'), []);
    assert.deepEqual(complete('{{role "sys‸"}}'), []);
    assert.deepEqual(complete('\\{{‸'), []);
    const text = `${header}\n{{question}}`;
    const document = parsePromptDocument(text, { path: 'p.prompt' });
    assert.deepEqual(completionsAt(document, text.indexOf('question: string')), []);
  });

  it('after a dot offers the properties of an object variable, replacing what follows the dot', () => {
    const entries = complete('{{customer.n‸}}');
    assert.deepEqual(typed(entries, 'property'), [
      ['name', 'string'],
      ['tier', 'string or null'],
    ]);
    assert.deepEqual(entries[0]?.range, span(11, 11, 11, 12));
    assert.equal(entries.find((entry) => entry.label === 'tier')?.documentation, 'Optional.');
  });

  it('inside #each offers the item properties, this and the loop data variables', () => {
    const entries = complete('{{#each items}}{{‸}}{{/each}}');
    assert.deepEqual(typed(entries, 'property'), [
      ['title', 'string'],
      ['price', 'number'],
    ]);
    assert.deepEqual(labels(entries, 'keyword'), ['this']);
    assert.deepEqual(labels(entries, 'data-variable'), ['@root', '@index', '@key', '@first', '@last']);
    assert.deepEqual(labels(entries, 'variable'), [], 'top-level names do not resolve inside #each');
  });

  it('offers block parameters with their types, and their properties after a dot', () => {
    assert.deepEqual(typed(complete('{{#each items as |item i|}}{{‸'), 'block-parameter'), [
      ['item', 'block parameter of #each: object'],
      ['i', 'block parameter of #each'],
    ]);
    assert.deepEqual(labels(complete('{{#each items as |item|}}{{item.‸')), ['title', 'price']);
  });

  it('inside #with and a section offers the properties of their value', () => {
    assert.deepEqual(labels(complete('{{#with customer}}{{‸}}{{/with}}'), 'property'), ['name', 'tier']);
    assert.deepEqual(labels(complete('{{#customer}}{{‸}}{{/customer}}'), 'property'), ['name', 'tier']);
  });

  it('while a section is still open (the template does not parse yet) its value is the context, unless the block takes a hash: then it is a helper', () => {
    assert.deepEqual(labels(complete('{{#customer}}{{‸'), 'property'), ['name', 'tier']);
    assert.deepEqual(labels(complete('{{#customer}}{{‸'), 'variable'), []);
    assert.deepEqual(labels(complete('{{#customer tone="warm"}}{{‸'), 'property'), []);
    assert.deepEqual(labels(complete('{{#customer tone="warm"}}{{‸'), 'variable'), ['customer', 'items', 'question']);
  });

  it('the {{else}} part of a block and a chained {{else if}} see the outer scope again', () => {
    assert.deepEqual(labels(complete('{{#each items}}{{title}}{{else}}{{‸'), 'variable'), ['customer', 'items', 'question']);
    assert.deepEqual(labels(complete('{{#with customer}}x{{else if question}}{{‸'), 'variable'), ['customer', 'items', 'question']);
  });

  it('../ and @root. reach the top-level variables from inside blocks', () => {
    assert.deepEqual(labels(complete('{{#each items}}{{../‸')), ['customer', 'items', 'question']);
    assert.deepEqual(labels(complete('{{#each items}}{{@root.‸')), ['customer', 'items', 'question']);
    assert.deepEqual(labels(complete('{{#each items}}{{@root.customer.‸')), ['name', 'tier']);
    assert.deepEqual(labels(complete('{{#with customer}}{{this.‸')), ['name', 'tier']);
  });

  it('after {{# offers block helpers and variables, after {{/ the block to close', () => {
    const entries = complete('{{#‸');
    assert.deepEqual(labels(entries, 'helper'), ['if', 'unless', 'each', 'with', 'ifEquals', 'unlessEquals']);
    assert.deepEqual(labels(entries, 'variable'), ['customer', 'items', 'question']);
    assert.deepEqual(labels(complete('{{#each items}}{{#if title}}x{{/‸')), ['if']);
    assert.deepEqual(labels(complete('{{#each items}}{{#if title}}x{{/if}}{{/‸')), ['each']);
    assert.deepEqual(labels(complete('{{/‸')), []);
  });

  it('after {{> offers the partials the caller lists and the inline partials of the template', () => {
    const entries = complete('{{#*inline "intro"}}Hi{{/inline}}{{> ‸', { partialNames: () => ['footer', 'email/signature'] });
    assert.deepEqual(typed(entries, 'partial'), [
      ['intro', 'inline partial'],
      ['footer', 'partial'],
      ['email/signature', 'partial'],
    ]);
    assert.deepEqual(complete('{{> em‸', { partialNames: () => ['email/signature'] })[0]?.range, span(11, 4, 11, 6));
    assert.deepEqual(labels(complete('{{> footer ‸', { partialNames: () => ['footer'] }), 'variable'), ['customer', 'items', 'question'], 'partial arguments are values');
    assert.deepEqual(complete('{{> ‸', { partialNames: () => { throw new Error('disk gone'); } }), []);
  });

  it('offers helpers after ( and variables as arguments', () => {
    assert.deepEqual(labels(complete('{{json (‸'), 'helper').slice(0, 2), ['if', 'unless']);
    assert.deepEqual(labels(complete('{{json (‸'), 'variable'), []);
    const argument = complete('{{json ‸');
    assert.deepEqual(labels(argument, 'variable'), ['customer', 'items', 'question']);
    assert.deepEqual(labels(argument, 'helper'), []);
  });

  it('@ offers the data variables that exist here', () => {
    assert.deepEqual(labels(complete('{{@‸')), ['@root']);
    const inLoop = complete('{{#each items}}{{@in‸');
    assert.deepEqual(labels(inLoop), ['@root', '@index', '@key', '@first', '@last']);
    assert.deepEqual(inLoop[0]?.range, span(11, 17, 11, 20));
  });

  it('works while the rest of the template does not parse', () => {
    assert.deepEqual(labels(complete('{{#each items}}{{ti‸} {{#if}} {{/with}}'), 'property'), ['title', 'price']);
  });

  it('without a schema offers the keys of the sample sets and input.default, and properties of sample values', () => {
    const prompt = lines('---', 'input:', '  default:', '    tone: warm', '---', '');
    const samples = parseSampleFile('p.samples.yaml', lines('a:', '  city: Paris', '  trip: {days: 3}', 'b:', '  city: Rome'));
    const entries = complete('{{‸', { samples }, prompt);
    assert.deepEqual(typed(entries, 'variable'), [
      ['tone', 'from the sample sets'],
      ['city', 'from the sample sets'],
      ['trip', 'from the sample sets'],
    ]);
    assert.deepEqual(labels(complete('{{trip.‸', { samples, sampleInput: { trip: { days: 3 } } }, prompt)), ['days']);
  });

  it('never throws and keeps every range inside the document, at any offset of any text', () => {
    const pieces = ['{{', '}}', '{{#each items as |item i|}}', '{{/each}}', '{{#with customer}}', '{{/with}}', '{{else}}', '{{> ', '{{!', '--}}', '"', '.', '../', '@root.', '@', '(', ')', 'customer', 'title', ' ', '\n', '\r\n', '|', '{{{', '~', '#', '/', '^', '>', '[x]', '😀'];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 24 }).map((parts) => `${header}\n${parts.join('')}`);
    fc.assert(
      fc.property(text, fc.double({ min: 0, max: 1, noNaN: true }), (prompt, where) => {
        const document = parsePromptDocument(prompt, { path: 'p.prompt' });
        // Through a position, as the editor gives it: a cursor never sits between \r and \n.
        const offset = document.text.offsetAt(document.text.positionAt(Math.floor(where * document.text.text.length)));
        for (const entry of completionsAt(document, offset, { partialNames: () => ['footer'], sampleInput: { items: [{ title: 'x' }] } })) {
          assert.ok(isRangeInside(document.text, entry.range), `range of ${entry.label} is inside the document`);
          assert.equal(document.text.offsetAt(entry.range.end), offset, 'an entry replaces text up to the cursor');
        }
      }),
      { numRuns: 400 },
    );
  });
});
