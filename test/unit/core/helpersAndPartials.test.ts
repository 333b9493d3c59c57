import * as assert from 'node:assert/strict';
import { checkPrompt } from '../../../src/core/checks/checkPrompt';
import { lines, span, withCode } from './diagnosticExpectations';

function check(template: string, options: { helpers?: readonly string[]; partials?: readonly string[]; sources?: Record<string, string> } = {}) {
  const partials = options.partials;
  return checkPrompt({
    path: 'p.prompt',
    text: template,
    ...(options.helpers ? { helpers: options.helpers } : {}),
    ...(partials ? { partialExists: (name: string) => partials.includes(name) } : {}),
    ...(options.sources ? { partialSource: (name: string) => options.sources?.[name] } : {}),
  });
}

describe('Helper and partial checks', () => {
  describe('unknown-helper', () => {
    it('flags a helper dotprompt does not register, at the helper name, with a suggestion', () => {
      const [error] = withCode(check(lines('Intro', '{{jsn data indent=2}}')), 'unknown-helper');
      assert.deepEqual(error?.range, span(1, 2, 1, 5));
      assert.equal(error?.severity, 'error');
      assert.deepEqual(error?.data, { code: 'unknown-helper', name: 'jsn', suggestion: 'json' });
    });

    it('flags unknown block helpers and helpers in sub-expressions', () => {
      const errors = withCode(check('{{#repeat 3}}x{{/repeat}} {{json (upper name)}}'), 'unknown-helper');
      assert.deepEqual(
        errors.map((error) => error.range),
        [span(0, 3, 0, 9), span(0, 34, 0, 39)],
      );
    });

    it("knows dotprompt's helpers and the Handlebars built-ins", () => {
      const template = lines(
        '{{role "system"}}{{history}}{{section "output"}}{{media url=photo contentType="image/png"}}',
        '{{json data indent=2}}{{#ifEquals a b}}x{{else}}y{{/ifEquals}}{{#unlessEquals a b}}z{{/unlessEquals}}',
        '{{#if a}}{{/if}}{{#unless a}}{{/unless}}{{#each xs}}{{/each}}{{#with o}}{{/with}}{{lookup o "k"}}{{log "x" level="warn"}}',
      );
      assert.deepEqual(check(template), []);
    });

    it('accepts helpers the application registers', () => {
      assert.deepEqual(withCode(check('{{shout name}}', { helpers: ['shout'] }), 'unknown-helper'), []);
    });

    it('does not mistake variables for helpers', () => {
      assert.deepEqual(check('{{name}} {{#items}}{{title}}{{/items}} {{#each xs as |x|}}{{x}}{{/each}}'), []);
    });

    it('reports blocks given the wrong number of arguments', () => {
      const errors = withCode(check('{{#each}}x{{/each}} {{#if a b}}y{{/if}}'), 'template-syntax');
      assert.deepEqual(
        errors.map((error) => error.range),
        [span(0, 0, 0, 9), span(0, 20, 0, 31)],
      );
    });
  });

  describe('missing-partial', () => {
    it('flags a partial the caller cannot find, at its name', () => {
      const [error] = withCode(check(lines('Hi', '  {{> footer}}'), { partials: ['header'] }), 'missing-partial');
      assert.deepEqual(error?.range, span(1, 6, 1, 12));
      assert.equal(error?.severity, 'error');
      assert.deepEqual(error?.data, { code: 'missing-partial', name: 'footer' });
    });

    it('accepts partials that exist, inline partials and @partial-block', () => {
      const template = '{{#*inline "local"}}x{{/inline}}{{> header}}{{> local}}{{#> header}}{{> @partial-block}}{{/header}}{{> "header"}}';
      assert.deepEqual(withCode(check(template, { partials: ['header'] }), 'missing-partial'), []);
    });

    it('reports nothing when the caller gives no way to look partials up', () => {
      assert.deepEqual(check('{{> anything}}'), []);
    });

    it('counts variables used inside a partial and follows nested partials, reporting their cycle once instead of looping', () => {
      const text = lines('---', 'input:', '  schema:', '    title: string', '    name: string', '    extra: string', '---', '{{> card}}');
      const diagnostics = checkPrompt({
        path: 'p',
        text,
        partialExists: () => true,
        partialSource: (name) => ({ card: '{{title}} {{> inner}}', inner: '{{name}} {{> card}}' })[name],
      });
      assert.deepEqual(
        diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]),
        [
          ['unused-variable', span(5, 4, 5, 9)],
          ['partial-cycle', span(7, 4, 7, 8)],
        ],
      );
      assert.equal(diagnostics[1]?.message, 'The partials include each other in a cycle (card → inner → card), so rendering would never end.');
    });

    it("counts a partial's hash arguments as uses and resolves them inside the partial", () => {
      const text = lines('---', 'input:', '  schema:', '    username: string', '---', '{{> greet who=username}}');
      const diagnostics = checkPrompt({ path: 'p', text, partialExists: () => true, partialSource: () => 'Hi {{who}}' });
      assert.deepEqual(diagnostics, []);
    });
  });
});
