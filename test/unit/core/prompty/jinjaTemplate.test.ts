import * as assert from 'node:assert/strict';
import { checkPrompt } from '../../../../src/core/checks/checkPrompt';
import type { PromptDiagnostic } from '../../../../src/core/document/promptDiagnostic';
import { lines, span } from '../diagnosticExpectations';

/** The diagnostics of a Jinja prompt whose front matter declares `inputs` and whose body is `body`. */
function check(inputs: string, ...body: string[]): [string, string, ReturnType<typeof span>][] {
  const diagnostics: PromptDiagnostic[] = checkPrompt({ path: 'support/reply.prompty', text: lines('---', `inputs: ${inputs}`, '---', ...body) });
  return diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message, diagnostic.range]);
}

const oneString = '{a: {kind: string}}';
const listOfObjects = '{l: {kind: array, default: [{q: 1}]}}';

describe('Jinja templates: tags outside the Prompty subset and misplaced blocks', () => {
  it('reports else and elif outside an if or for block at the tag', () => {
    assert.deepEqual(check(oneString, '{% else %}{{a}}'), [['template-syntax', '{% else %} belongs inside {% if %} (or {% for %} for else).', span(3, 0, 3, 10)]]);
    assert.deepEqual(check(oneString, '{% elif a %}{{a}}'), [['template-syntax', '{% elif %} belongs inside {% if %} (or {% for %} for else).', span(3, 0, 3, 12)]]);
    assert.deepEqual(check(listOfObjects, '{% for v in l %}{% endfor %}{% else %}'), [['template-syntax', '{% else %} belongs inside {% if %} (or {% for %} for else).', span(3, 28, 3, 38)]]);
  });

  it('accepts else inside a for block and an if block written with whitespace control', () => {
    assert.deepEqual(check(oneString, '{% for x in a %}{{x}}{% else %}none{% endfor %}'), []);
    assert.deepEqual(check(oneString, '{%- if a -%}x{%- elif a -%}y{%- else -%}z{%- endif -%}'), []);
    assert.deepEqual(check(oneString, '{%if a%}{%endif%}{{a}}'), []);
  });

  it('reports an end tag that closes nothing, also after a block it already closed', () => {
    assert.deepEqual(check(oneString, '{% endif %}{{a}}'), [['template-syntax', '{% endif %} closes nothing: no {% if %} is open here.', span(3, 0, 3, 11)]]);
    assert.deepEqual(check(oneString, '{% if a %}{% endif %}{% endif %}'), [['template-syntax', '{% endif %} closes nothing: no {% if %} is open here.', span(3, 21, 3, 32)]]);
  });

  it('reports a block closed by the wrong end tag twice: as never closed and at the wrong tag', () => {
    assert.deepEqual(check(oneString, '{% for x in [1] %}{% endif %}{{a}}'), [
      ['template-syntax', '{% for x in [1] %} is never closed; add {% endfor %} after its content.', span(3, 0, 3, 18)],
      ['template-syntax', '{% endif %} cannot close {% for x in [1] %}; add {% endfor %} before it.', span(3, 18, 3, 29)],
    ]);
  });

  it('a template the Jinja parser trips over says it does not parse, not the parser\'s own crash text', () => {
    assert.deepEqual(check(oneString, '{{a}} {{ a.'), [['template-syntax', 'The template does not parse.', span(3, 11, 3, 11)]]);
    assert.deepEqual(check(oneString, `{{ ${'('.repeat(3000)}a${')'.repeat(3000)} }}`).map(([code, message]) => [code, message]), [['template-syntax', 'The template is nested too deeply to parse.']]);
  });

  it('refuses a macro once, at its start tag, not again at its end tag', () => {
    assert.deepEqual(check(oneString, '{% macro m() %}x{% endmacro %}{{a}}'), [
      ['template-syntax', '{% macro %} is outside the Jinja that Prompty documents (if, for, set, raw); Prompty renders only that subset.', span(3, 0, 3, 15)],
    ]);
    assert.deepEqual(check(oneString, '{% end %}{{a}}'), [
      ['template-syntax', '{% end %} is outside the Jinja that Prompty documents (if, for, set, raw); Prompty renders only that subset.', span(3, 0, 3, 9)],
    ]);
  });

  it('refuses a tag that names nothing, quoting it with its spaces collapsed', () => {
    assert.deepEqual(check(oneString, '{%   %}{{a}}'), [['template-syntax', '{% %} names no tag; Prompty renders only that subset.', span(3, 0, 3, 7)]]);
  });

  it('does not look at tags inside a raw block or a comment', () => {
    assert.deepEqual(check(oneString, '{% raw %}{% include %}{% endif %}{% endraw %}{{a}}'), []);
    assert.deepEqual(check(oneString, '{# {% include %} #}{{a}}'), []);
  });

  it('reports every block left open on its own line, and an end tag that meets the inner block first', () => {
    assert.deepEqual(check(oneString, '{{a}}', '{% if a %}', '{% for x in a %}', '{% endif %}'), [
      ['template-syntax', '{% if a %} is never closed; add {% endif %} after its content.', span(4, 0, 4, 10)],
      ['template-syntax', '{% for x in a %} is never closed; add {% endfor %} after its content.', span(5, 0, 5, 16)],
      ['template-syntax', '{% endif %} cannot close {% for x in a %}; add {% endfor %} before it.', span(6, 0, 6, 11)],
    ]);
  });

  it('reports a raw block that is never closed, and an unclosed comment where the file ends', () => {
    assert.deepEqual(check(oneString, '{% raw %}{{ x }}'), [['template-syntax', '{% raw %} is never closed; add {% endraw %} after its content.', span(3, 0, 3, 9)]]);
    assert.deepEqual(check(oneString, '{{a}}{# open {% include %}'), [['template-syntax', 'Expected end of comment, got end of file.', span(3, 26, 3, 26)]]);
  });

  it('does not take %} inside an expression for the end of a tag, and accepts elseif as elif', () => {
    assert.deepEqual(check(oneString, '{{ "%}" }}{{a}}'), []);
    assert.deepEqual(check(oneString, '{{a}}{% if a %}{% elseif a %}{% endif %}'), []);
  });

  it('reports a parse error at the end of an unfinished expression', () => {
    assert.deepEqual(check(oneString, '{{ a', ''), [['template-syntax', 'Expected variable end.', span(4, 0, 4, 0)]]);
    assert.deepEqual(check(oneString, '{{a}}', 'x {{ a b }}'), [['template-syntax', 'Expected variable end.', span(4, 7, 4, 7)]]);
  });
});

describe('Jinja templates: which names are variables', () => {
  it('checks the left side of an `is` test, not the test name', () => {
    assert.deepEqual(check(oneString, '{{ a is defined }} {{ b is defined }}'), [['undeclared-variable', "'b' is not declared in inputs.", span(3, 22, 3, 23)]]);
  });

  it('checks the values and computed keys of a dict literal, not its plain or quoted keys', () => {
    assert.deepEqual(check(oneString, '{{ {"k": a, x: b, (c): 1} }}'), [
      ['undeclared-variable', "'b' is not declared in inputs.", span(3, 15, 3, 16)],
      ['undeclared-variable', "'c' is not declared in inputs.", span(3, 19, 3, 20)],
    ]);
  });

  it('checks the arguments of filters and calls, and the callee unless it is a Jinja global function', () => {
    assert.deepEqual(check(oneString, '{{ a | replace(b, "x") }}'), [['undeclared-variable', "'b' is not declared in inputs.", span(3, 15, 3, 16)]]);
    assert.deepEqual(check(oneString, '{{ range(3) }} {{ cycler(a) }} {{ joiner(",") }} {{ foo(a) }} {{ a(c) }}'), [
      ['undeclared-variable', "'foo' is not declared in inputs.", span(3, 52, 3, 55)],
      ['undeclared-variable', "'c' is not declared in inputs.", span(3, 67, 3, 68)],
    ]);
  });

  it('checks quoted and numeric subscripts as property names at the name itself, and a dynamic subscript as a variable', () => {
    assert.deepEqual(check('{a: {kind: object, default: {p: {q: 1}}}}', '{{ a["p"]["qq"] }} {{ a[0] }} {{ a[b].q }}'), [
      ['unknown-property', "'a.p' has no property 'qq'.", span(3, 11, 3, 13)],
      ['unknown-property', "'a' has no property '0'.", span(3, 24, 3, 25)],
      ['undeclared-variable', "'b' is not declared in inputs.", span(3, 35, 3, 36)],
    ]);
  });

  it('binds a block set and a destructuring set as variables', () => {
    assert.deepEqual(check(oneString, '{% set x %}{{ a }}{% endset %}{{ x }}'), []);
    assert.deepEqual(check(oneString, '{% set x, y = a %}{{x}}{{y}}'), []);
  });

  it('carries the shape of a single set target, so its typos are found, but not to destructured targets', () => {
    assert.deepEqual(check(listOfObjects, '{% set x = l[0] %}{{ x.qq }}'), [['unknown-property', "'x' has no property 'qq'.", span(3, 23, 3, 25)]]);
    assert.deepEqual(check(listOfObjects, '{% set x, y = l[0] %}{{ x.qq }}{{ y.qq }}'), []);
    assert.deepEqual(check(listOfObjects, '{% set y = l %}{% for v in y %}{{ v.qq }}{% endfor %}'), [['unknown-property', "'v' has no property 'qq'.", span(3, 36, 3, 38)]]);
  });

  it('gives the item shape to a single loop variable only, and ends the loop variables and `loop` with the loop', () => {
    assert.deepEqual(check(listOfObjects, '{% for k, v in l %}{{ k.qq }}{{ v.qq }}{% endfor %}'), []);
    assert.deepEqual(check(listOfObjects, '{% for v in l %}{{ v.q }}{% endfor %}{{ v.q }}{{ loop.index }}'), [
      ['undeclared-variable', "'v' is not declared in inputs.", span(3, 40, 3, 41)],
      ['undeclared-variable', "'loop' is not declared in inputs.", span(3, 49, 3, 53)],
    ]);
  });
});
