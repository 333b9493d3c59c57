import * as assert from 'node:assert/strict';
import { checkPrompt } from '../../../../src/core/checks/checkPrompt';
import type { PromptDiagnostic } from '../../../../src/core/document/promptDiagnostic';
import { lines, span } from '../diagnosticExpectations';

function check(text: string, samples?: string, partialExists?: (name: string) => boolean): PromptDiagnostic[] {
  return checkPrompt({
    path: 'support/reply.prompty',
    text,
    ...(samples !== undefined ? { samples: { path: 'support/reply.samples.yaml', text: samples } } : {}),
    ...(partialExists ? { partialExists } : {}),
  });
}

function summary(diagnostics: readonly PromptDiagnostic[]): [string, string, ReturnType<typeof span>][] {
  return diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message, diagnostic.range]);
}

const jinjaPrompt = lines(
  '---',
  'name: reply',
  'inputs:',
  '  - name: customer',
  '    kind: object',
  '    default: {name: Ana, plan: pro}',
  '  - name: orders',
  '    kind: array',
  '    example: [{id: 7, total: 12.5}]',
  '  - name: tone',
  '    kind: string',
  '---',
  'system:',
  'Answer {{ customer.nmae }} in a {{ tone | upper }} voice.',
  '{% for order in orders %}{{ loop.index }}. {{ order.totl }} {{ order.id }}{% endfor %}',
  '{% set greeting = "Hi" %}{{ greeting }} {{ custmer }} {{ order }}',
  'user:',
  '{% raw %}{{ not_a_variable }}{% endraw %}{# {{ nor_this }} #}',
);

describe('Prompty checks: Jinja templates', () => {
  it('reports typos in inputs, properties shown by a default or example, and loop items, at their exact ranges', () => {
    assert.deepEqual(summary(check(jinjaPrompt)), [
      ['unknown-property', "'customer' has no property 'nmae'; did you mean 'name'?", span(13, 19, 13, 23)],
      ['unknown-property', "'order' has no property 'totl'; did you mean 'total'?", span(14, 52, 14, 56)],
      ['undeclared-variable', "'custmer' is not declared in inputs; did you mean 'customer'?", span(15, 43, 15, 50)],
      ['undeclared-variable', "'order' is not declared in inputs; did you mean 'orders'?", span(15, 57, 15, 62)],
    ]);
  });

  it('does not take loop variables, loop.*, set variables, filters, raw blocks or comments for inputs', () => {
    const diagnostics = check(jinjaPrompt);
    for (const name of ['order', 'loop', 'greeting', 'upper', 'not_a_variable', 'nor_this']) {
      assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'undeclared-variable' && diagnostic.range.start.line !== 15 && diagnostic.message.startsWith(`'${name}'`)), name);
    }
  });

  it('reports an input the template never reads, and not one a tool binding hands to a tool', () => {
    const text = lines(
      '---',
      'tools:',
      '  - name: weather',
      '    kind: function',
      '    bindings:',
      '      unit:',
      '        input: unit',
      'inputs:',
      '  question: {kind: string}',
      '  unit: {kind: string}',
      '  unused: {kind: string}',
      '---',
      'user:',
      '{{question}}',
    );
    assert.deepEqual(summary(check(text)), [['unused-variable', "'unused' is declared in inputs but the template never uses it.", span(10, 2, 10, 8)]]);
  });

  it('reports unclosed blocks, end tags that close nothing and tags outside the Prompty subset, each at its tag', () => {
    const text = lines('---', 'inputs: {ready: {kind: boolean}}', '---', '{% if ready %}yes', '{% endfor %}', '{% include "x.txt" %}');
    assert.deepEqual(summary(check(text)), [
      ['template-syntax', '{% if ready %} is never closed; add {% endif %} after its content.', span(3, 0, 3, 14)],
      ['template-syntax', '{% endfor %} cannot close {% if ready %}; add {% endif %} before it.', span(4, 0, 4, 12)],
      ['template-syntax', '{% include %} is outside the Jinja that Prompty documents (if, for, set, raw); Prompty renders only that subset.', span(5, 0, 5, 21)],
    ]);
  });

  it('reports an unknown filter at its name', () => {
    const text = lines('---', 'inputs: {name: {kind: string}}', '---', 'Hi {{ name | shout }}');
    assert.deepEqual(summary(check(text)), [['unknown-helper', "'shout' is not a filter Prompty's Jinja knows.", span(3, 13, 3, 18)]]);
  });

  it('reports a parse error nunjucks finds at its own line and column', () => {
    const text = lines('---', 'inputs: {a: {kind: string}}', '---', 'user:', '{{ a b }}');
    assert.deepEqual(summary(check(text)), [['template-syntax', 'Expected variable end.', span(4, 5, 4, 5)]]);
    const missingList = lines('---', '---', '{% for x in %}{% endfor %}');
    assert.deepEqual(summary(check(missingList)), [['template-syntax', 'Unexpected token: %}.', span(2, 12, 2, 12)]], "nunjucks' words, capitalised, without its path and [Line, Column] suffix");
  });

  it('checks every name when the file declares no inputs only against its sample sets', () => {
    const text = lines('---', 'name: bare', '---', 'user:', '{{question}} {{context}}');
    assert.deepEqual(summary(check(text, lines('first:', '  question: Why?', '  context: none', 'second:', '  question: How?'))), [
      ['missing-sample-value', "Sample set 'second' has no value for required variable 'context'.", span(3, 0, 3, 6)],
    ]);
  });
});

describe('Prompty checks: mustache templates', () => {
  const mustachePrompt = lines(
    '---',
    'template:',
    '  format:',
    '    kind: mustache',
    'inputs:',
    '  - name: items',
    '    kind: array',
    '    default: [{title: Tea}]',
    '  - name: shop',
    '    kind: string',
    '---',
    'system:',
    'Welcome to {{shop}}.',
    '{{#items}}- {{title}} from {{shop}} {{titel}}{{/items}}',
    '{{^items}}Nothing{{/items}} {{{shopp}}}',
  );

  it('resolves names inside a section against the item first, then outside, and reports what neither has', () => {
    assert.deepEqual(summary(check(mustachePrompt)), [
      ['undeclared-variable', "'titel' is not declared in inputs.", span(13, 38, 13, 43)],
      ['undeclared-variable', "'shopp' is not declared in inputs; did you mean 'shop'?", span(14, 31, 14, 36)],
    ]);
  });

  it('reports a section that is never closed at its opening tag', () => {
    const text = lines('---', 'template: mustache', 'inputs: {items: {kind: array}}', '---', 'A {{#items}}x');
    assert.deepEqual(summary(check(text)), [['template-syntax', '{{#items}} is never closed; add {{/items}} after its content.', span(4, 2, 4, 12)]]);
  });
});

describe('Prompty checks: front matter', () => {
  it('reports an unknown input kind with the closest kind, and an unknown template format', () => {
    const text = lines('---', 'inputs:', '  - name: n', '    kind: strng', 'template:', '  format: {kind: liquid}', '---', '{{n}}');
    assert.deepEqual(summary(check(text)), [
      ['front-matter-schema', "'strng' is not a Prompty input kind; did you mean 'string'?", span(3, 10, 3, 15)],
      ['front-matter-schema', "Prompty renders templates in jinja2 or mustache, not 'liquid'.", span(5, 17, 5, 23)],
    ]);
  });

  it('understands Prompty v1 `sample:` and `type:` with a deprecation hint, using the sample as the default set', () => {
    const text = lines('---', 'inputs:', '  question:', '    type: string', 'sample:', '  question: 42', '---', '{{question}}');
    assert.deepEqual(
      check(text).map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range]),
      [
        ['front-matter-schema', 'hint', span(3, 4, 3, 8)],
        ['front-matter-schema', 'hint', span(4, 0, 4, 6)],
        ['sample-type-mismatch', 'error', span(5, 12, 5, 14)],
      ],
    );
  });

  it('checks sample sets against the kinds of the inputs', () => {
    const text = lines('---', 'inputs:', '  - name: count', '    kind: integer', '    required: true', '---', '{{count}}');
    assert.deepEqual(summary(check(text, lines('few:', '  count: three', 'none:', '  other: 1'))), [
      ['sample-type-mismatch', "In sample set 'few', 'count' must be an integer, not a string.", span(1, 9, 1, 14)],
      ['missing-sample-value', "Sample set 'none' has no value for required variable 'count'.", span(2, 0, 2, 4)],
      ['unknown-sample-key', "Sample set 'none' sets 'other', which the input schema does not declare.", span(3, 2, 3, 7)],
    ]);
  });

  it('reports a ${file:path} reference whose file does not exist, and not one that does', () => {
    const text = lines('---', 'inputs:', '  - name: policy', '    kind: string', '    default: ${file:policy.md}', '  - name: faq', '    default: ${file:faq.md}', '---', '{{policy}} {{faq}}');
    assert.deepEqual(summary(check(text, undefined, (name) => name === 'faq.md')), [['missing-file', "The file 'policy.md' this prompt references does not exist.", span(4, 13, 4, 30)]]);
  });

  it('reports a ${env:} or ${file:} reference that names nothing, or an environment variable name that cannot be one', () => {
    const text = lines('---', 'inputs:', '  - name: a', '    default: ${env:}', '  - name: b', '    default: ${file:}', '  - name: c', '    default: ${env:1BAD}', '  - name: d', '    default: ${env:GOOD_1:fallback}', '---', '{{a}} {{b}} {{c}} {{d}}');
    assert.deepEqual(summary(check(text)), [
      ['front-matter-schema', "'${env:}' names no environment variable; write ${env:NAME}.", span(3, 13, 3, 20)],
      ['front-matter-schema', "'${file:}' names no file; write ${file:path}.", span(5, 13, 5, 21)],
      ['front-matter-schema', "'${env:1BAD}' names no environment variable; write ${env:NAME}.", span(7, 13, 7, 24)],
    ]);
  });

  it('reads a body-only file and one with empty front matter without complaint', () => {
    assert.deepEqual(check('system:\nHello.\nuser:\nHi\n'), []);
    assert.deepEqual(check('---\n---\nuser:\nHi\n'), []);
  });
});
