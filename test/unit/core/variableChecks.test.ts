import * as assert from 'node:assert/strict';
import { checkPrompt } from '../../../src/core/checks/checkPrompt';
import type { PromptDiagnostic } from '../../../src/core/document/promptDiagnostic';
import { lines, span, withCode } from './diagnosticExpectations';

// Template text starts on line 14.
const header = [
  '---',
  'input:',
  '  schema:',
  '    name: string',
  '    items(array):',
  '      title: string',
  '      tags(array): string',
  '    person(object):',
  '      first: string',
  '      address?(object):',
  '        city: string',
  '    flags(object):',
  '      (*): boolean',
  '---',
];

function check(template: string, options: { partialSource?: (name: string) => string | undefined } = {}): PromptDiagnostic[] {
  return checkPrompt({ path: 'p.prompt', text: lines(...header, template), ...options });
}

function problems(template: string): PromptDiagnostic[] {
  return check(template).filter((diagnostic) => diagnostic.code === 'undeclared-variable' || diagnostic.code === 'unknown-property');
}

function summary(diagnostics: readonly PromptDiagnostic[]): [string, number, number, number, number][] {
  return diagnostics.map((diagnostic) => [
    diagnostic.code,
    diagnostic.range.start.line,
    diagnostic.range.start.character,
    diagnostic.range.end.line,
    diagnostic.range.end.character,
  ]);
}

describe('Variable checks', () => {
  describe('undeclared-variable', () => {
    it('flags a use the schema does not declare, suggests the near name and links to its declaration', () => {
      const [error] = withCode(check('Hello {{nmae}}!'), 'undeclared-variable');
      assert.deepEqual(error?.range, span(14, 8, 14, 12));
      assert.equal(error?.severity, 'error');
      assert.equal(error?.message, "'nmae' is not declared in the input schema; did you mean 'name'?");
      assert.deepEqual(error?.data, { code: 'undeclared-variable', name: 'nmae', suggestion: 'name' });
      assert.deepEqual(error?.related, [{ file: 'p.prompt', range: span(3, 4, 3, 8), message: "'name' is declared here." }]);
    });

    it('flags undeclared names in helper arguments, hash values, sub-expressions and @root paths', () => {
      assert.deepEqual(summary(problems('{{#if ready}}x{{/if}} {{json data indent=width}} {{json (lookup store key)}} {{@root.nope}}')), [
        ['undeclared-variable', 14, 6, 14, 11],
        ['undeclared-variable', 14, 29, 14, 33],
        ['undeclared-variable', 14, 41, 14, 46],
        ['undeclared-variable', 14, 64, 14, 69],
        ['undeclared-variable', 14, 70, 14, 73],
        ['undeclared-variable', 14, 85, 14, 89],
      ]);
    });

    it('accepts declared names, data variables and anything at all when there is no schema', () => {
      assert.deepEqual(problems('{{name}} {{@root.name}} {{@index}} {{@state.user}} {{@auth.uid}} {{@metadata.prompt.name}} {{this.name}} {{./name}}'), []);
      assert.deepEqual(checkPrompt({ path: 'p.prompt', text: '{{anything}} {{#each whatever}}{{goes}}{{/each}}' }), []);
    });
  });

  describe('unknown-property', () => {
    it('follows (lookup X key) with a string or number key, and not with a key of another type', () => {
      const found = problems('{{#with (lookup items 0)}}{{titel}}{{/with}} {{#with (lookup person "adress")}}{{city}}{{/with}} {{#with (lookup person true)}}{{anything}}{{/with}}');
      assert.deepEqual(
        found.map((diagnostic) => [diagnostic.code, diagnostic.message, diagnostic.range]),
        [
          ['unknown-property', "'items.0' has no property 'titel'; did you mean 'title'?", span(14, 28, 14, 33)],
          ['unknown-property', "'person' has no property 'adress'; did you mean 'address'?", span(14, 68, 14, 76)],
        ],
      );
    });

    it('flags a property a declared object does not have, at that segment', () => {
      const [error] = problems('{{person.frist}}');
      assert.equal(error?.code, 'unknown-property');
      assert.deepEqual(error?.range, span(14, 9, 14, 14));
      assert.equal(error?.message, "'person' has no property 'frist'; did you mean 'first'?");
      assert.deepEqual(error?.data, { code: 'unknown-property', path: 'person.frist', property: 'frist', suggestion: 'first' });
      assert.deepEqual(
        error?.related.map((related) => related.range),
        [span(7, 4, 7, 10), span(8, 6, 8, 11)],
      );
    });

    it('flags nested objects, strings and lists used as objects', () => {
      assert.deepEqual(summary(problems('{{person.address.zip}} {{name.first}} {{items.title}}')), [
        ['unknown-property', 14, 17, 14, 20],
        ['unknown-property', 14, 30, 14, 35],
        ['unknown-property', 14, 46, 14, 51],
      ]);
      assert.equal(problems('{{items.title}}')[0]?.message, "'items' is a list, so it has no property 'title'; loop over it with {{#each}}.");
      assert.equal(problems('{{name.first}}')[0]?.message, "'name' is a string, so it has no property 'first'.");
    });

    it('accepts lengths, list indexes and wildcard properties', () => {
      assert.deepEqual(problems('{{items.length}} {{items.[0].title}} {{name.length}} {{flags.anything}} {{person.address.city}}'), []);
    });

    it('is a warning for JSON Schema objects that leave additional properties open', () => {
      const text = lines('---', 'input:', '  schema:', '    type: object', '    properties:', '      user:', '        type: object', '        properties: {id: {type: string}}', '---', '{{user.nme}}');
      const [warning] = withCode(checkPrompt({ path: 'p', text }), 'unknown-property');
      assert.equal(warning?.severity, 'warning');
      assert.deepEqual(warning?.range, span(9, 7, 9, 10));
    });
  });

  describe('Handlebars scoping', () => {
    it('resolves bare names inside #each against the item schema, with data variables and ../ and @root', () => {
      assert.deepEqual(problems('{{#each items}}{{title}} {{tags}} {{this.title}} {{@index}} {{@first}} {{@last}} {{../name}} {{@root.name}}{{/each}}'), []);
    });

    it('flags a top-level name used bare inside #each, since Handlebars does not look outside the item', () => {
      const [error] = problems('{{#each items}}{{name}}{{/each}}');
      assert.equal(error?.code, 'unknown-property');
      assert.deepEqual(error?.range, span(14, 17, 14, 21));
      assert.deepEqual(error?.data, { code: 'unknown-property', path: 'name', property: 'name', suggestion: '@root.name' });
      assert.equal(error?.message, "Each item of 'items' has no property 'name'; the top-level variable is @root.name (or ../name).");
    });

    it('flags a misspelt item property inside #each', () => {
      const [error] = problems('{{#each items}}{{titel}}{{/each}}');
      assert.deepEqual(error?.range, span(14, 17, 14, 22));
      assert.equal(error?.message, "Each item of 'items' has no property 'titel'; did you mean 'title'?");
    });

    it('understands block parameters of #each and #with', () => {
      assert.deepEqual(summary(problems('{{#each items as |item i|}}{{item.title}} {{i}} {{item.nope}}{{/each}}{{#with person as |p|}}{{p.first}}{{/with}}')), [
        ['unknown-property', 14, 55, 14, 59],
      ]);
    });

    it('makes #with change the context and ../ reach out of it', () => {
      assert.deepEqual(problems('{{#with person}}{{first}} {{address.city}} {{../name}}{{/with}}'), []);
      assert.deepEqual(summary(problems('{{#with person}}{{city}}{{/with}}')), [['unknown-property', 14, 18, 14, 22]]);
    });

    it('keeps the context in #if and #unless and in else branches, which run outside the block', () => {
      assert.deepEqual(summary(problems('{{#if name}}{{person.first}}{{else}}{{nmae}}{{/if}}{{#unless name}}{{name}}{{/unless}}')), [
        ['undeclared-variable', 14, 38, 14, 42],
      ]);
      assert.deepEqual(summary(problems('{{#each items}}x{{else}}{{title}}{{/each}}')), [['undeclared-variable', 14, 26, 14, 31]]);
    });

    it('resolves nested #each with ../ and ../../', () => {
      assert.deepEqual(problems('{{#each items}}{{#each tags}}{{this}} {{../title}} {{../../name}}{{/each}}{{/each}}'), []);
      assert.deepEqual(summary(problems('{{#each items}}{{#each tags}}{{../titl}}{{/each}}{{/each}}')), [['unknown-property', 14, 34, 14, 38]]);
    });

    it('iterates objects with #each and @key', () => {
      assert.deepEqual(problems('{{#each flags}}{{@key}}={{this}}{{/each}}'), []);
    });

    it('treats a block on a plain value as a Mustache section', () => {
      assert.deepEqual(problems('{{#person}}{{first}}{{/person}}{{#items}}{{title}}{{/items}}{{^items}}{{name}}{{/items}}'), []);
      assert.deepEqual(summary(problems('{{#items}}{{first}}{{/items}}')), [['unknown-property', 14, 12, 14, 17]]);
    });
  });

  describe('unused-variable', () => {
    it('flags a declared variable the template never uses, as unnecessary', () => {
      const diagnostics = withCode(check('{{name}} {{#each items}}{{title}}{{/each}} {{person.first}}'), 'unused-variable');
      assert.equal(diagnostics.length, 1);
      const [warning] = diagnostics;
      assert.deepEqual(warning?.range, span(11, 4, 11, 9));
      assert.equal(warning?.severity, 'warning');
      assert.deepEqual(warning?.tags, ['unnecessary']);
      assert.deepEqual(warning?.data, { code: 'unused-variable', name: 'flags' });
    });

    it('links an unused variable to a near-miss use', () => {
      const text = lines('---', 'input:', '  schema:', '    topic: string', '---', 'About {{topci}}');
      const [warning] = withCode(checkPrompt({ path: 'p', text }), 'unused-variable');
      assert.deepEqual(warning?.related, [{ file: 'p', range: span(5, 8, 5, 13), message: "'topci' is used here; did you mean 'topic'?" }]);
    });

    it('counts uses through hash arguments, sub-expressions, @root, ../ and partial contexts', () => {
      const template = '{{media url=name}}{{#each items}}{{../person.first}}{{/each}}{{json (lookup @root "flags")}}';
      assert.deepEqual(withCode(check(template), 'unused-variable'), []);
    });

    it('counts a variable as used even when the property read from it is misspelt', () => {
      const diagnostics = check('{{name}} {{#each items}}{{title}}{{/each}} {{person.frist}} {{flags.x}}');
      assert.deepEqual(withCode(diagnostics, 'unused-variable'), []);
      assert.equal(withCode(diagnostics, 'unknown-property').length, 1);
    });

    it('counts every variable as used when the whole input is handed to a helper', () => {
      assert.deepEqual(withCode(check('{{json this}}'), 'unused-variable'), []);
    });

    it('does not guess when a partial of unknown content may use the variables', () => {
      assert.deepEqual(withCode(check('{{> header}}'), 'unused-variable'), []);
    });

    it('counts the variables a partial uses when its source is known', () => {
      const diagnostics = check('{{> header}}', { partialSource: (name) => (name === 'header' ? '{{name}} {{#each items}}{{title}}{{/each}} {{person.first}}' : undefined) });
      assert.deepEqual(
        withCode(diagnostics, 'unused-variable').map((diagnostic) => diagnostic.data),
        [{ code: 'unused-variable', name: 'flags' }],
      );
    });

    it('is not reported when the template does not parse', () => {
      assert.deepEqual(withCode(check('{{#if name}}'), 'unused-variable'), []);
    });
  });
});
