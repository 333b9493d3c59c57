import * as assert from 'node:assert/strict';
import { checkPrompt } from '../../../src/core/checks/checkPrompt';
import { parsePromptDocument } from '../../../src/core/formats/promptFileKind';
import { lines, span, withCode } from './diagnosticExpectations';

function check(text: string) {
  return checkPrompt({ path: 'prompts/p.prompt', text });
}

describe('Front matter diagnostics', () => {
  describe('yaml-syntax', () => {
    it('points at the exact place YAML breaks, in prompt coordinates', () => {
      const diagnostics = check(lines('---', 'model: x', 'config:', '  temperature: 1', ' bad: 2', '---', 'Hello'));
      const [error] = withCode(diagnostics, 'yaml-syntax');
      assert.equal(diagnostics.length, 1);
      assert.equal(error?.file, 'prompts/p.prompt');
      assert.equal(error?.severity, 'error');
      // The line is indented one space less than the mapping it belongs to; yaml marks that space.
      assert.deepEqual(error?.range, span(4, 0, 4, 1));
    });

    it('reports duplicate keys at the second key', () => {
      const [error] = withCode(check(lines('---', 'model: a', 'model: b', '---', 'x')), 'yaml-syntax');
      assert.deepEqual(error?.range, span(2, 0, 2, 5));
      assert.match(error?.message ?? '', /unique/);
    });

    it('reports an unclosed quote', () => {
      const [error] = withCode(check(lines('---', 'name: "oops', 'model: x', '---', 'x')), 'yaml-syntax');
      assert.ok(error);
      assert.equal(error.range.start.line >= 1 && error.range.end.line <= 2, true);
    });

    it('reports front matter that is never closed at its opening fence', () => {
      const [error] = withCode(check(lines('---', 'model: x', 'Hello {{name}}')), 'yaml-syntax');
      assert.deepEqual(error?.range, span(0, 0, 0, 3));
      assert.match(error?.message ?? '', /never closed/);
    });

    it('reports YAML warnings such as unknown tags as warnings and still checks the prompt', () => {
      const diagnostics = check(lines('---', 'model: !!foo x', 'input:', '  schema:', '    name: string', '---', '{{nmae}}'));
      const [warning] = withCode(diagnostics, 'yaml-syntax');
      assert.equal(warning?.severity, 'warning');
      assert.deepEqual(warning?.range, span(1, 7, 1, 12));
      assert.equal(withCode(diagnostics, 'undeclared-variable').length, 1);
    });

    it('reports nothing for valid front matter, no front matter, or a template that merely contains ---', () => {
      assert.deepEqual(check(lines('---', 'model: googleai/gemini-2.0-flash', 'config: {temperature: 0.2}', '---', 'Hi')), []);
      assert.deepEqual(check('Hi there'), []);
      assert.deepEqual(check(lines('Intro', '---', 'more')), []);
      assert.deepEqual(check(''), []);
    });

    it('refuses alias bombs in input.default without hanging', () => {
      const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 0; i < 8; i++) bomb.push(`${'b'.repeat(i + 1)}: &a${i} [${Array(10).fill(i === 0 ? '*a' : `*a${i - 1}`).join(', ')}]`);
      const text = lines('---', 'input:', '  default:', ...bomb.map((line) => `    ${line}`), '---', 'x');
      const [error] = withCode(check(text), 'yaml-syntax');
      assert.match(error?.message ?? '', /input\.default/);
    });
  });

  describe('front-matter-schema', () => {
    it('reports an input that is not a map', () => {
      const [error] = withCode(check(lines('---', 'input: hello', '---', 'x')), 'front-matter-schema');
      assert.deepEqual(error?.range, span(1, 7, 1, 12));
      assert.equal(error?.severity, 'error');
    });

    it('reports input.schema of the wrong kind', () => {
      const [error] = withCode(check(lines('---', 'input:', '  schema: [a, b]', '---', 'x')), 'front-matter-schema');
      assert.deepEqual(error?.range, span(2, 10, 2, 16));
      assert.match(error?.message ?? '', /input\.schema/);
    });

    it('reports a model that is not a string and a config that is not a map', () => {
      const errors = withCode(check(lines('---', 'model: 42', 'config: fast', 'tools: [search, 3]', '---', 'x')), 'front-matter-schema');
      assert.deepEqual(
        errors.map((error) => error.range),
        [span(1, 7, 1, 9), span(2, 8, 2, 12), span(3, 16, 3, 17)],
      );
    });

    it('warns about unknown input keys such as a misspelt default', () => {
      const [warning] = withCode(check(lines('---', 'input:', '  defaults: {a: 1}', '---', 'x')), 'front-matter-schema');
      assert.equal(warning?.severity, 'warning');
      assert.deepEqual(warning?.range, span(2, 2, 2, 10));
    });

    it('accepts extension fields with dots and other keys dotprompt keeps in raw', () => {
      assert.deepEqual(check(lines('---', 'myext.owner: team-a', 'myext.nested: {a: 1}', 'maxTurns: 3', 'output:', '  format: json', '---', 'x')), []);
    });

    it('reports a front matter that is a list rather than a map', () => {
      const [error] = withCode(check(lines('---', '- a', '- b', '---', 'x')), 'front-matter-schema');
      assert.deepEqual(error?.range, span(1, 0, 2, 3));
    });

    it('reports Picoschema mistakes at the offending key', () => {
      const diagnostics = withCode(check(lines('---', 'input:', '  schema:', '    name(string): x', '    age: 5', '---', '{{name}} {{age}}')), 'front-matter-schema');
      assert.deepEqual(
        diagnostics.map((diagnostic) => [diagnostic.range, diagnostic.severity]),
        [
          [span(3, 4, 3, 16), 'error'],
          [span(4, 9, 4, 10), 'error'],
        ],
      );
    });

    it('warns about type names dotprompt cannot know and about fields without a type', () => {
      const diagnostics = withCode(check(lines('---', 'input:', '  schema:', '    who: Person', '    what:', '---', '{{who}} {{what}}')), 'front-matter-schema');
      assert.deepEqual(
        diagnostics.map((diagnostic) => [diagnostic.range, diagnostic.severity]),
        [
          [span(3, 9, 3, 15), 'warning'],
          [span(4, 4, 4, 8), 'warning'],
        ],
      );
    });

    it('reports an invalid JSON Schema at the offending keyword', () => {
      const [error] = withCode(
        check(lines('---', 'input:', '  schema:', '    type: object', '    properties:', '      city: {type: strng}', '---', '{{city}}')),
        'front-matter-schema',
      );
      assert.deepEqual(error?.range, span(5, 19, 5, 24));
    });

    it('warns that empty front matter is rendered as text', () => {
      const [warning] = withCode(check(lines('---', '---', 'x')), 'front-matter-schema');
      assert.equal(warning?.severity, 'warning');
    });

    it('skips schema checks while the YAML does not parse, so typing does not flood the editor', () => {
      const document = parsePromptDocument(lines('---', 'input:', '  schema:', '    name: string', '  bad: [', '---', '{{other}}'));
      assert.equal(document.frontMatter?.valid, false);
      assert.equal(document.inputSchema, undefined);
      assert.deepEqual(withCode(checkPrompt({ path: 'p', text: lines('---', 'input:', '  schema:', '    name: string', '  bad: [', '---', '{{other}}') }), 'undeclared-variable'), []);
    });
  });
});
