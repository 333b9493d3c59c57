import * as assert from 'node:assert/strict';
import type { InferredType } from '../../../../src/core/languageService/inferredSchema';
import { jinjaFilterDoc } from '../../../../src/core/formats/prompty/languageService/jinjaFilterDocs';
import { declareInputsEdits, removeInputEdits } from '../../../../src/core/formats/prompty/languageService/inputDeclarationEdits';
import { parsePromptyDocument, type PromptyDocument } from '../../../../src/core/formats/prompty/promptyDocument';
import { promptyFormat } from '../../../../src/core/formats/prompty/promptyFormat';
import { promptyRegistryTemplate } from '../../../../src/core/formats/prompty/promptyRegistryTemplate';
import { referencedFileCandidates } from '../../../../src/core/formats/prompty/referencedFiles';
import { applyTextEdits } from '../../../../src/core/languageService/textEdits';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { parseSampleFile } from '../../../../src/core/samples/sampleSets';
import { lines, span } from '../diagnosticExpectations';

function prompty(text: string): PromptyDocument {
  return parsePromptyDocument(text, { path: 'support/reply.prompty' });
}

describe('Prompty ${file:path} references', () => {
  it('resolves a reference relative to the prompt folder, with . and .. and either slash', () => {
    assert.deepEqual(referencedFileCandidates('repo/support/reply.prompty', 'policy.md', 'repo'), ['repo/support/policy.md']);
    assert.deepEqual(referencedFileCandidates('repo/support/reply.prompty', './docs/../policy.md', 'repo/'), ['repo/support/policy.md']);
    assert.deepEqual(referencedFileCandidates('repo/support/reply.prompty', 'a\\b.md', 'repo'), ['repo/support/a/b.md']);
    assert.deepEqual(referencedFileCandidates('repo/support/reply.prompty', '..//.//y', 'repo'), ['repo/y']);
  });

  it('refuses absolute paths and paths that leave the repository root', () => {
    for (const name of ['/etc/passwd', '\\share\\x', 'C:x', 'c:\\x', '../../x.md']) assert.deepEqual(referencedFileCandidates('repo/support/reply.prompty', name, 'repo'), [], name);
    assert.deepEqual(referencedFileCandidates('repo/support/reply.prompty', '../../repo2/x.md', 'repo'), []);
  });
});

describe('Prompty includes', () => {
  it('lists the ${file:} references of a Prompty file with their ranges, and nothing for a file of another format', () => {
    const document = prompty(lines('---', 'inputs:', '  - name: policy', '    default: ${file:policy.md}', '---', '{{policy}}'));
    assert.deepEqual(promptyFormat.includes(document), [{ name: 'policy.md', range: span(3, 13, 3, 30) }]);
    const other = parsePromptDocument('---\nmodel: m\n---\n{{> header}}', { path: 'support/reply.prompt' });
    assert.deepEqual(promptyFormat.includes(other), []);
    assert.equal(promptyFormat.analyze(other, {}), undefined);
  });
});

describe('Prompty front matter span', () => {
  it('gives the YAML between the --- lines, and nothing for a file without one or with an unclosed one', () => {
    assert.deepEqual(promptyFormat.frontMatterSpan('---\na: 1\n---\nx'), { start: 4, end: 8 });
    assert.equal(promptyFormat.frontMatterSpan('---\na: 1\n'), undefined);
    assert.equal(promptyFormat.frontMatterSpan('x'), undefined);
  });
});

describe('Prompty registry template', () => {
  it('makes a message per role section (developer as system, text before the first role as system) and lists Jinja filters, statements and comments', () => {
    const document = prompty(lines('---', 'model: {id: gpt}', '---', 'Lead {{a}}', 'developer:', 'S {{ a | upper }} {% if a %}x{% endif %} {# c #}', 'user:', '{{b}}'));
    const template = promptyRegistryTemplate(document);
    assert.deepEqual(template.sections, [
      { role: 'system', text: 'Lead {{a}}\n' },
      { role: 'system', text: 'S {{ a | upper }} {% if a %}x{% endif %} {# c #}\n' },
      { role: 'user', text: '{{b}}' },
    ]);
    assert.deepEqual(template.unportable, [
      { kind: 'filter', tag: '{{ a | upper }}', range: span(5, 2, 5, 17) },
      { kind: 'statement', tag: '{% if a %}', range: span(5, 18, 5, 28) },
      { kind: 'statement', tag: '{% endif %}', range: span(5, 29, 5, 40) },
      { kind: 'comment', tag: '{# c #}', range: span(5, 41, 5, 48) },
    ]);
    assert.equal(template.featureNoun, 'Jinja feature');
    assert.deepEqual(template.config, { model: 'gpt' });
    const [filter] = template.unportable;
    assert.ok(filter);
    assert.equal(template.describe(filter, 'Reg'), '{{ a | upper }} is a Jinja feature (filter) that Reg does not render; the registry version would differ from the file.');
  });

  it('keeps a body without role lines as one text with nothing unportable, and a blank lead out of the messages', () => {
    const plain = promptyRegistryTemplate(prompty('plain {{a}}'));
    assert.equal(plain.sections, undefined);
    assert.equal(plain.text, 'plain {{a}}');
    assert.deepEqual(plain.unportable, []);
    assert.deepEqual(promptyRegistryTemplate(prompty('\n  \nuser:\nHi')).sections, [{ role: 'user', text: 'Hi' }]);
  });

  it('lists every mustache tag a plain-placeholder registry would not render, by kind', () => {
    const document = prompty(lines('---', 'template: mustache', '---', 'user:', '{{#a}}x{{/a}} {{> p}} {{! c}} {{{r}}} {{&r}} {{^a}}y{{/a}} {{=<% %>=}} {{plain}}'));
    const template = promptyRegistryTemplate(document);
    assert.deepEqual(
      template.unportable.map((feature) => [feature.kind, feature.tag, feature.range]),
      [
        ['block', '{{#a}}', span(4, 0, 4, 6)],
        ['block', '{{/a}}', span(4, 7, 4, 13)],
        ['partial', '{{> p}}', span(4, 14, 4, 21)],
        ['comment', '{{! c}}', span(4, 22, 4, 29)],
        ['raw', '{{{r}}}', span(4, 30, 4, 37)],
        ['raw', '{{&r}}', span(4, 38, 4, 44)],
        ['block', '{{^a}}', span(4, 45, 4, 51)],
        ['block', '{{/a}}', span(4, 52, 4, 58)],
        ['block', '{{=<% %>=}}', span(4, 59, 4, 70)],
      ],
    );
    assert.equal(template.featureNoun, 'mustache feature');
  });

  it('shortens a long tag to 57 characters and an ellipsis, keeping its whole range', () => {
    const tag = `{% set x = "${'a'.repeat(70)}" %}`;
    const [feature] = promptyRegistryTemplate(prompty(lines('---', '---', 'user:', tag))).unportable;
    assert.deepEqual(feature, { kind: 'statement', tag: `${tag.slice(0, 57)}…`, range: span(3, 0, 3, 86) });
    const exactly60 = `{% set x = "${'a'.repeat(44)}" %}`;
    assert.equal(exactly60.length, 60);
    assert.equal(promptyRegistryTemplate(prompty(lines('---', '---', 'user:', exactly60))).unportable[0]?.tag, exactly60);
  });
});

describe('Prompty input declaration edits', () => {
  const variables: { name: string; type: InferredType; optional: boolean }[] = [
    { name: 'q', type: { kind: 'scalar', type: 'integer' }, optional: false },
    { name: 'my key', type: { kind: 'any' }, optional: true },
    { name: 'o', type: { kind: 'object', properties: [] }, optional: true },
  ];

  function declared(text: string): string | undefined {
    const document = prompty(text);
    const edits = declareInputsEdits(document, variables);
    return edits ? applyTextEdits(document.text, edits) : undefined;
  }

  it('adds an inputs list when there is none, in block or flow style as the front matter is written', () => {
    assert.equal(
      declared(lines('---', 'name: x', '---', 'hi')),
      lines('---', 'name: x', 'inputs:', '  - name: q', '    kind: integer', '    required: true', '  - name: "my key"', '    kind: string', '  - name: o', '    kind: object', '---', 'hi'),
    );
    assert.equal(
      declared(lines('---', '{name: x}', '---', 'hi')),
      lines('---', '{name: x, inputs: [{name: q, kind: integer, required: true}, {name: "my key", kind: string}, {name: o, kind: object}]}', '---', 'hi'),
    );
  });

  it('appends list items at the column of the existing ones', () => {
    assert.equal(
      declared(lines('---', 'inputs:', '    - name: a', '      kind: string', '---', 'hi')),
      lines('---', 'inputs:', '    - name: a', '      kind: string', '    - name: q', '      kind: integer', '      required: true', '    - name: "my key"', '      kind: string', '    - name: o', '      kind: object', '---', 'hi'),
    );
  });

  it('appends to a flow list, also an empty one, with commas between the new items', () => {
    assert.equal(declared(lines('---', 'inputs: [{name: a}]', '---', 'hi')), lines('---', 'inputs: [{name: a}, {name: q, kind: integer, required: true}, {name: "my key", kind: string}, {name: o, kind: object}]', '---', 'hi'));
    assert.equal(declared(lines('---', 'inputs: []', '---', 'hi')), lines('---', 'inputs: [{name: q, kind: integer, required: true}, {name: "my key", kind: string}, {name: o, kind: object}]', '---', 'hi'));
  });

  it('adds map entries to inputs written as a map, in its style', () => {
    assert.equal(
      declared(lines('---', 'inputs:', '  a: {kind: string}', '---', 'hi')),
      lines('---', 'inputs:', '  a: {kind: string}', '  q:', '    kind: integer', '    required: true', '  "my key":', '    kind: string', '  o:', '    kind: object', '---', 'hi'),
    );
    assert.equal(declared(lines('---', 'inputs: {a: {kind: string}}', '---', 'hi')), lines('---', 'inputs: {a: {kind: string}, q: {kind: integer, required: true}, "my key": {kind: string}, o: {kind: object}}', '---', 'hi'));
  });

  it('offers no edit when inputs is a scalar, the front matter is not a map or not YAML, or there is none', () => {
    for (const text of [lines('---', 'inputs: 3', '---', 'hi'), lines('---', '- x', '---', 'hi'), lines('---', 'a: [', '---', 'hi'), 'hi']) assert.equal(declared(text), undefined, text);
  });

  const samples = parseSampleFile('support/reply.samples.yaml', lines('one:', '  a: 1', '  b: 2', 'two:', '  b: 3'));

  it('removes a list input and its sample values in the sets that have one', () => {
    assert.deepEqual(removeInputEdits(prompty(lines('---', 'inputs:', '  - name: b', '  - name: a', '---', 'hi')), samples, 'a'), [
      { path: 'support/reply.prompty', edits: [{ range: span(3, 0, 4, 0), newText: '' }] },
      { path: 'support/reply.samples.yaml', edits: [{ range: span(1, 0, 2, 0), newText: '' }] },
    ]);
  });

  it('removes a map input (the last one leaving an empty map), and touches no sample file when no set has a value for it', () => {
    assert.deepEqual(removeInputEdits(prompty(lines('---', 'inputs:', '  a: {kind: string}', '  c: {kind: string}', '---', 'hi')), samples, 'c'), [{ path: 'support/reply.prompty', edits: [{ range: span(3, 0, 4, 0), newText: '' }] }]);
    assert.deepEqual(removeInputEdits(prompty(lines('---', 'inputs:', '  a: {kind: string}', '---', 'hi')), undefined, 'a'), [{ path: 'support/reply.prompty', edits: [{ range: span(2, 2, 2, 19), newText: '{}' }] }]);
  });

  it('offers no removal for an input that is not declared, inputs that are a scalar, or front matter that is not YAML', () => {
    assert.equal(removeInputEdits(prompty(lines('---', 'inputs:', '  - name: b', '---', 'hi')), samples, 'a'), undefined);
    assert.equal(removeInputEdits(prompty(lines('---', 'inputs: 3', '---', 'hi')), samples, 'a'), undefined);
    assert.equal(removeInputEdits(prompty(lines('---', 'a: [', '---', 'hi')), samples, 'a'), undefined);
  });
});

describe('Jinja filter documentation', () => {
  it('documents a filter nunjucks ships, and nothing for names inherited from Object', () => {
    assert.deepEqual(jinjaFilterDoc('upper'), { usage: 'text | upper', summary: 'The text in upper case.' });
    assert.equal(jinjaFilterDoc('toString'), undefined);
    assert.equal(jinjaFilterDoc('constructor'), undefined);
    assert.equal(jinjaFilterDoc('shout'), undefined);
  });
});
