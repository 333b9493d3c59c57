import * as assert from 'node:assert/strict';
import { checkPrompt } from '../../../../src/core/checks/checkPrompt';
import { lines, span } from '../diagnosticExpectations';

function check(...text: string[]): [string, string, ReturnType<typeof span>][] {
  return checkPrompt({ path: 'support/reply.prompty', text: lines(...text) }).map((diagnostic) => [diagnostic.code, diagnostic.message, diagnostic.range]);
}

describe('Prompty front matter: inputs', () => {
  it('reports an input declared twice at the second name', () => {
    assert.deepEqual(check('---', 'inputs:', '  - name: a', '  - name: a', '---', '{{a}}'), [['front-matter-schema', "Input 'a' is declared twice.", span(3, 10, 3, 11)]]);
  });

  it('reports every list item without a usable name: missing, empty, not text, or not a map', () => {
    const message = "Each input in the 'inputs' list needs a 'name'.";
    assert.deepEqual(check('---', 'inputs:', '  - kind: string', '  - name: ""', '  - name: [x]', '  - 3', '---', 'hi'), [
      ['front-matter-schema', message, span(2, 4, 2, 16)],
      ['front-matter-schema', message, span(3, 4, 3, 12)],
      ['front-matter-schema', message, span(4, 4, 4, 13)],
      ['front-matter-schema', message, span(5, 4, 5, 5)],
    ]);
  });

  it('refuses inputs that are neither a list nor a map, and front matter that is not a map', () => {
    assert.deepEqual(check('---', 'inputs: hello', '---', 'hi'), [['front-matter-schema', "'inputs' is a string; Prompty reads a list of inputs or a map from name to input.", span(1, 8, 1, 13)]]);
    assert.deepEqual(check('---', '- a', '---', 'hi'), [['front-matter-schema', 'The front matter is a list; Prompty reads a map of fields.', span(1, 0, 1, 3)]]);
  });

  it('lists the input kinds when a kind is not text or is nothing like one', () => {
    const kinds = 'string, integer, number, boolean, array, object, thread, image, file, audio';
    assert.deepEqual(check('---', 'inputs:', '  a: {kind: [x]}', '  b: {kind: zzzzzz}', '---', '{{a}}{{b}}'), [
      ['front-matter-schema', `'a list' is not a Prompty input kind; use one of ${kinds}.`, span(2, 12, 2, 15)],
      ['front-matter-schema', `'zzzzzz' is not a Prompty input kind; use one of ${kinds}.`, span(3, 12, 3, 18)],
    ]);
  });

  it('treats only a boolean true as required, not the text "true"', () => {
    assert.deepEqual(checkPrompt({ path: 'r.prompty', text: lines('---', 'inputs: {a: {kind: string, required: "true"}}', '---', '{{a}}'), samples: { path: 'r.samples.yaml', text: lines('s:', '  b: 1') } }).filter((d) => d.code === 'missing-sample-value'), []);
    assert.deepEqual(
      checkPrompt({ path: 'r.prompty', text: lines('---', 'inputs: {a: {kind: string, required: true}}', '---', '{{a}}'), samples: { path: 'r.samples.yaml', text: lines('s:', '  c: 1') } })
        .filter((d) => d.code === 'missing-sample-value')
        .map((d) => d.message),
      ["Sample set 's' has no value for required variable 'a'."],
    );
  });
});

describe('Prompty front matter: template format and references', () => {
  it('reads `format: mustache` under template, ignores a template map without a format, and names a format that is not text', () => {
    assert.deepEqual(check('---', 'template: {format: mustache}', '---', '{{#a}}{{/a}}'), []);
    assert.deepEqual(check('---', 'template: {other: 1}', '---', 'hi'), []);
    assert.deepEqual(check('---', 'template: {format: 3}', '---', 'hi'), [['front-matter-schema', 'Prompty renders templates in jinja2 or mustache, not a number.', span(1, 19, 1, 20)]]);
  });

  it('takes no hint for a v1 sample that is not a map', () => {
    assert.deepEqual(check('---', 'sample: 3', 'inputs:', '  q: Hello', '---', '{{q}}'), []);
  });

  it('counts only a text `input` of a tool binding as a use of the input', () => {
    assert.deepEqual(check('---', 'tools:', '  - bindings: {u: {input: 3}, v: {other: w}, x: 1}', 'inputs: {w: {kind: string}, "3": {kind: string}}', '---', 'hi'), [
      ['unused-variable', "'w' is declared in inputs but the template never uses it.", span(3, 9, 3, 10)],
      ['unused-variable', "'3' is declared in inputs but the template never uses it.", span(3, 28, 3, 31)],
    ]);
  });

  it('checks environment variable names with dots, dashes and a fallback, a blank file path, and only whole-value references', () => {
    assert.deepEqual(check('---', 'inputs: {a: {default: "${env:A B}"}, b: {default: "${file: }"}, c: {default: "${env:A.b-c:def}"}, d: {default: "x${file:y}"}}', '---', '{{a}}{{b}}{{c}}{{d}}'), [
      ['front-matter-schema', "'${env:A B}' names no environment variable; write ${env:NAME}.", span(1, 22, 1, 34)],
      ['front-matter-schema', "'${file: }' names no file; write ${file:path}.", span(1, 50, 1, 61)],
    ]);
  });
});

describe('Prompty mustache syntax errors', () => {
  it('points an unclosed section at its opening tag, an unopened one at its closing tag, and an unclosed tag at its end', () => {
    assert.deepEqual(check('---', 'template: mustache', '---', '{{#a}}x'), [['template-syntax', '{{#a}} is never closed; add {{/a}} after its content.', span(3, 0, 3, 6)]]);
    assert.deepEqual(check('---', 'template: mustache', '---', 'x{{/a}}'), [['template-syntax', '{{/a}} closes nothing: no {{#a}} is open here.', span(3, 1, 3, 7)]]);
    assert.deepEqual(check('---', 'template: mustache', '---', 'x {{ a'), [['template-syntax', 'This {{ tag is never closed with }}.', span(3, 6, 3, 6)]]);
  });

  it('keeps mustache\'s own sentence, with a full stop, for a delimiter change it refuses', () => {
    assert.deepEqual(check('---', 'template: mustache', '---', 'x {{=a=}}'), [['template-syntax', 'Invalid tags: a.', span(3, 9, 3, 9)]]);
  });
});
