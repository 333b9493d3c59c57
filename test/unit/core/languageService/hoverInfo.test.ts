import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { definitionsAt } from '../../../../src/core/languageService/definitions';
import { codeSpan, hoverAt, sampleLine, shortJson, typeLine } from '../../../../src/core/languageService/hoverInfo';
import { lines, span } from '../diagnosticExpectations';
import { navigationPrompt, navigationSamples } from './navigationFixture';
import { promptUnderTest, type PromptUnderTest } from './promptUnderTest';

let subject: PromptUnderTest;

function hover(needle: string, delta: number, sampleSet?: string): { range: unknown; markdown: string } | undefined {
  return hoverAt(subject.document, subject.analysis, subject.offsetOf(needle, delta), { ...(subject.samples ? { samples: subject.samples } : {}), ...(sampleSet ? { sampleSet } : {}) });
}

describe('Hover', () => {
  // Parsed per test, so mutation testing sees which tests depend on the checker.
  beforeEach(() => {
    subject = promptUnderTest(navigationPrompt, navigationSamples);
  });

  it('on a variable shows its type, description, default and its value in the first sample set', () => {
    assert.deepEqual(hover('{{question}}', 4), {
      range: span(12, 17, 12, 25),
      markdown: lines('**question** · `string` · required', '', 'as typed', '', 'Default: `"Any news?"`', '', 'Sample set `first`: ``"Where is `my` order?"``'),
    });
  });

  it('shows the chosen sample set, with input.default merged under it', () => {
    assert.equal(hover('{{question}}', 4, 'second')?.markdown.split('\n\n').pop(), 'Sample set `second`: `"Any news?"`');
  });

  it('on a property shows the path as written, its type and its value', () => {
    assert.deepEqual(hover('customer.name', 10), { range: span(12, 44, 12, 48), markdown: lines('**customer.name** · `string` · required', '', 'Sample set `first`: `"Ada"`') });
    assert.equal(hover('{{customer.name', 4)?.markdown.split('\n\n')[1], 'who is asking');
  });

  it('inside #each shows one value per item, the first few of them', () => {
    assert.equal(hover('{{title}}', 3)?.markdown, lines('**title** · `string` · required', '', 'Sample set `first`: `"Lamp"`, `"Desk"`, `"Rug"`, … (4 values, one per item)'));
    assert.equal(hover('item.title', 7)?.markdown.split('\n\n').pop(), 'Sample set `first`: `"Lamp"`, `"Desk"`, `"Rug"`, … (4 values, one per item)');
    assert.equal(hover('{{title}}', 3, 'second')?.markdown.split('\n\n').pop(), 'Sample set `second`: not set');
    assert.equal(hover('../question', 5)?.markdown.split('\n\n')[0], '**../question** · `string` · required');
  });

  it('on a block parameter says so and shows its type', () => {
    assert.equal(hover('{{item.title', 3)?.markdown, lines('**item** · `object`', '', 'Block parameter.', '', 'Sample set `first`: `{"title":"Lamp"}`, `{"title":"Desk"}`, `{"title":"Rug"}`, … (4 values, one per item)'));
  });

  it('on #with context names resolves against the block value', () => {
    assert.equal(hover('{{name}}', 3)?.markdown, lines('**name** · `string` · required', '', 'Sample set `first`: `"Ada"`'));
  });

  it('on an undeclared variable says it is not declared', () => {
    assert.equal(hover('{{nope}}', 3)?.markdown, lines('**nope**', '', 'Not declared in the input schema.', '', 'Sample set `first`: not set'));
  });

  it('on helpers, data variables and partials explains them', () => {
    assert.deepEqual(hover('{{role', 3), { range: span(12, 2, 12, 6), markdown: '**dotprompt helper** `{{role "system"}}`\n\nStarts a new message with this role: `system`, `user`, `model` or `tool`.' });
    assert.equal(hover('{{#each', 4)?.markdown.split('\n')[0], '**handlebars helper** `{{#each list as |item index|}}…{{else}}…{{/each}}`');
    assert.equal(hover('{{@index', 4)?.markdown, '**data variable** `@index`\n\nThe position of the current item in `#each`, from 0.');
    assert.equal(hover('{{> footer', 5)?.markdown, '**partial** `footer`');
  });

  it('shows the length of a list or text and a list item with their sample values', () => {
    const listed = promptUnderTest(lines('---', 'input:', '  schema:', '    items(array): string', '    name: string', '---', '{{items.length}} {{items.[1]}} {{name.length}}'), lines('one:', '  items: [a, b, c]', '  name: Anabel'));
    const at = (needle: string, nth = 0) => hoverAt(listed.document, listed.analysis, listed.offsetOf(needle, 1, nth), { ...(listed.samples ? { samples: listed.samples } : {}) })?.markdown;
    assert.equal(at('length'), '**items.length** · `integer`\n\nSample set `one`: `3`');
    assert.equal(at('[1]'), '**items.\\[1\\]** · `string`\n\nSample set `one`: `"b"`');
    assert.equal(at('length', 1), '**name.length** · `integer`\n\nSample set `one`: `6`');
  });

  it('names a later segment of a data variable with the path that leads to it', () => {
    const data = promptUnderTest('{{@metadata.prompt.name}} {{@state.user}}');
    const at = (needle: string) => hoverAt(data.document, data.analysis, data.offsetOf(needle, 1));
    assert.deepEqual(at('prompt'), { range: span(0, 12, 0, 18), markdown: '**data variable** `@metadata.prompt`' });
    assert.deepEqual(at('name'), { range: span(0, 19, 0, 23), markdown: '**data variable** `@metadata.prompt.name`' });
    assert.deepEqual(at('user'), { range: span(0, 35, 0, 39), markdown: '**data variable** `@state.user`' });
    assert.deepEqual(at('metadata')?.markdown, '**data variable** `@metadata`');
  });

  it('shows nothing on plain text', () => {
    assert.equal(hover('from', 1), undefined);
  });

  it('hover and definition never throw, whatever the text and the offset', () => {
    const pieces = ['{{', '}}', '{{#each items as |item|}}', '{{/each}}', '{{> footer}}', 'customer.name', '@root.', '../', 'question', ' ', '\n', '{{else}}'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 2 })), { maxLength: 16 }), fc.double({ min: 0, max: 1, noNaN: true }), (parts, where) => {
        const mutated = promptUnderTest(`${navigationPrompt}${parts.join('')}`, navigationSamples);
        const offset = Math.floor(where * mutated.document.text.text.length);
        hoverAt(mutated.document, mutated.analysis, offset, mutated.samples ? { samples: mutated.samples } : {});
        definitionsAt(mutated.document, mutated.analysis, offset, { partialPath: () => '/x' });
      }),
      { numRuns: 200 },
    );
  });
});

describe('Hover lines', () => {
  it('wraps code in more backticks than it holds, padding code that starts or ends with one', () => {
    assert.equal(codeSpan('plain'), '`plain`');
    assert.equal(codeSpan('a`b``c'), '```a`b``c```');
    assert.equal(codeSpan('`tick'), '`` `tick ``');
    assert.equal(codeSpan('tick`'), '`` tick` ``');
    assert.equal(codeSpan(''), '``');
  });

  it('shows a value as JSON, cut after 120 characters', () => {
    assert.equal(shortJson({ a: [1, 'x'] }), '{"a":[1,"x"]}');
    assert.equal(shortJson(undefined), 'undefined');
    assert.equal(shortJson('x'.repeat(118)), `"${'x'.repeat(118)}"`);
    assert.equal(shortJson('x'.repeat(119)), `"${'x'.repeat(119)}…`);
  });

  it('writes the path in bold with Markdown characters escaped, then its type and whether it is required', () => {
    const shape = { kind: 'scalar', types: ['string'] } as const;
    assert.equal(typeLine('a_b*[c]<d>\\e', undefined, undefined), '**a\\_b\\*\\[c\\]\\<d\\>\\\\e**');
    assert.equal(typeLine('name', shape, { name: 'name', required: true, shape }), '**name** · `string` · required');
    assert.equal(typeLine('name', shape, { name: 'name', required: false, shape }), '**name** · `string` · optional');
  });

  it('shows a sample value, or up to three values of a loop with their count', () => {
    assert.equal(sampleLine('first', []), 'Sample set `first`: not set');
    assert.equal(sampleLine('first', ['Ana']), 'Sample set `first`: `"Ana"`');
    assert.equal(sampleLine('first', [1, 2]), 'Sample set `first`: `1`, `2` (2 values, one per item)');
    assert.equal(sampleLine('first', [1, 2, 3]), 'Sample set `first`: `1`, `2`, `3` (3 values, one per item)');
    assert.equal(sampleLine('first', [1, 2, 3, 4]), 'Sample set `first`: `1`, `2`, `3`, … (4 values, one per item)');
  });
});
