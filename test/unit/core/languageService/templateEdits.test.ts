import * as assert from 'node:assert/strict';
import { handlebarsPathRangeAt, handlebarsReplaceNameEdits, handlebarsTypeFromTemplate } from '../../../../src/core/formats/dotprompt/languageService/templateEdits';
import { span } from '../diagnosticExpectations';
import { promptUnderTest } from './promptUnderTest';

function typeFromTemplate(template: string, name: string): unknown {
  const prompt = promptUnderTest(template);
  return handlebarsTypeFromTemplate(prompt.document, prompt.analysis, name);
}

const text = { kind: 'scalar', type: 'string' };

describe('Edits in a Handlebars template', () => {
  describe('a variable\'s type read from the template', () => {
    it('builds nested objects from the paths the template reads below the variable, each property once', () => {
      assert.deepEqual(typeFromTemplate('{{user.name}} {{user.address.city}} {{user.address.zip}} {{user.name}} {{other.x}}', 'user'), {
        kind: 'object',
        properties: [
          { name: 'name', type: text, optional: false },
          { name: 'address', type: { kind: 'object', properties: [{ name: 'city', type: text, optional: false }, { name: 'zip', type: text, optional: false }] }, optional: false },
        ],
      });
    });

    it('reads @root paths like plain ones', () => {
      assert.deepEqual(typeFromTemplate('{{@root.x.y}}', 'x'), { kind: 'object', properties: [{ name: 'y', type: text, optional: false }] });
    });

    it('makes a list of a variable an each block loops over, directly or through @root', () => {
      assert.deepEqual(typeFromTemplate('{{#each items}}{{this}}{{/each}}', 'items'), { kind: 'array', items: { kind: 'any' } });
      assert.deepEqual(typeFromTemplate('{{#each @root.items}}{{this}}{{/each}}{{@root.x.y}}', 'items'), { kind: 'array', items: { kind: 'any' } });
    });

    it('makes no list when each loops over a property of the variable, another variable, or an if tests it', () => {
      const withA = { kind: 'object', properties: [{ name: 'a', type: text, optional: false }] };
      assert.deepEqual(typeFromTemplate('{{#each items.a}}{{/each}}', 'items'), withA);
      assert.deepEqual(typeFromTemplate('{{#each other}}{{/each}}{{items.a}}', 'items'), withA);
      assert.deepEqual(typeFromTemplate('{{#if items}}{{/if}}{{items.a}}', 'items'), withA);
    });

    it('knows nothing of a variable read only whole, or without an analysis', () => {
      assert.equal(typeFromTemplate('{{items}}', 'items'), undefined);
      const prompt = promptUnderTest('{{user.name}}');
      assert.equal(handlebarsTypeFromTemplate(prompt.document, undefined, 'user'), undefined);
    });
  });

  describe('replacing a misspelt name', () => {
    const prompt = promptUnderTest(['---', 'input:', '  schema:', '    items(array): string', '---', '{{#itmes}}x{{/itmes}} {{#user.itmes}}{{/user.itmes}} {{#each itmes}}{{/each}}'].join('\n'));
    const replaceAt = (offset: number, length: number) => handlebarsReplaceNameEdits(prompt.document, prompt.analysis, prompt.document.text.rangeAt(offset, offset + length), 'items');

    it('also replaces the name in the closing tag of the section it opens', () => {
      assert.deepEqual(replaceAt(prompt.offsetOf('itmes'), 5), [
        { range: span(5, 3, 5, 8), newText: 'items' },
        { range: span(5, 14, 5, 19), newText: 'items' },
      ]);
    });

    it('replaces the same segment of the closing tag as of the opening one', () => {
      assert.deepEqual(replaceAt(prompt.offsetOf('user'), 4), [
        { range: span(5, 25, 5, 29), newText: 'items' },
        { range: span(5, 40, 5, 44), newText: 'items' },
      ]);
      assert.deepEqual(replaceAt(prompt.offsetOf('itmes', 0, 2), 5), [
        { range: span(5, 30, 5, 35), newText: 'items' },
        { range: span(5, 45, 5, 50), newText: 'items' },
      ]);
    });

    it('replaces only the name itself in a block helper\'s parameter', () => {
      assert.deepEqual(replaceAt(prompt.offsetOf('itmes', 0, 4), 5), [{ range: span(5, 61, 5, 66), newText: 'items' }]);
    });
  });

  describe('the path a name belongs to', () => {
    it('is the whole path under the cursor, or the range itself outside any path', () => {
      const prompt = promptUnderTest('{{#each list}}{{name.first}}{{/each}}');
      const at = prompt.offsetOf('name');
      assert.deepEqual(handlebarsPathRangeAt(prompt.document, prompt.analysis, prompt.document.text.rangeAt(at, at + 2)), span(0, 16, 0, 26));
      assert.deepEqual(handlebarsPathRangeAt(prompt.document, prompt.analysis, prompt.document.text.rangeAt(0, 1)), span(0, 0, 0, 1));
    });
  });
});
