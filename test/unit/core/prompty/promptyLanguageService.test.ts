import * as assert from 'node:assert/strict';
import { analyzePromptDocument } from '../../../../src/core/checks/checkPrompt';
import type { DiagnosticCode } from '../../../../src/core/document/promptDiagnostic';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { completionsAt } from '../../../../src/core/languageService/completions';
import { definitionsAt } from '../../../../src/core/languageService/definitions';
import { hoverAt } from '../../../../src/core/languageService/hoverInfo';
import { quickFixesFor } from '../../../../src/core/languageService/quickFixEdits';
import { prepareRename, renameEdits } from '../../../../src/core/languageService/renameEdits';
import { applyTextEdits, type FileEdits } from '../../../../src/core/languageService/textEdits';
import { parseSampleFile } from '../../../../src/core/samples/sampleSets';
import { lines, span } from '../diagnosticExpectations';

const promptPath = 'prompts/reply.prompty';
const samplesPath = 'prompts/reply.samples.yaml';

function subject(text: string, samplesText?: string) {
  const document = parsePromptDocument(text, { path: promptPath });
  const samples = samplesText === undefined ? undefined : parseSampleFile(samplesPath, samplesText);
  const { analysis, diagnostics } = analyzePromptDocument(document, samples, {});
  const applied = (edits: readonly FileEdits[]) => ({
    prompt: applyTextEdits(document.text, edits.filter((file) => file.path === promptPath).flatMap((file) => file.edits)),
    samples: samples ? applyTextEdits(samples.text, edits.filter((file) => file.path === samplesPath).flatMap((file) => file.edits)) : undefined,
  });
  const fix = (code: DiagnosticCode, title: string) => {
    const diagnostic = diagnostics.find((candidate) => candidate.code === code);
    assert.ok(diagnostic, `a ${code} diagnostic among ${JSON.stringify(diagnostics.map((candidate) => candidate.message))}`);
    const all = quickFixesFor(diagnostic, { document, ...(samples ? { samples } : {}), ...(analysis ? { analysis } : {}) });
    const found = all.find((candidate) => candidate.title === title);
    assert.ok(found, `a fix titled "${title}" among ${JSON.stringify(all.map((candidate) => candidate.title))}`);
    return applied(found.edits);
  };
  return { document, samples, analysis, diagnostics, applied, fix, offsetOf: (needle: string, delta = 0) => document.text.text.indexOf(needle) + delta };
}

const listPrompt = lines(
  '---',
  'inputs:',
  '  - name: customer',
  '    kind: object',
  '    description: Who asks',
  '    default: {name: Ana, plan: pro}',
  '  - name: orders',
  '    kind: array',
  '  - name: unused',
  '    kind: string',
  '---',
  'system:',
  '{% for order in orders %}{{ order }}{% endfor %} {{ customer.name }} {{ topic }}',
);

describe('Prompty language service', () => {
  it('declares an undeclared variable as a list item with a kind inferred from the samples', () => {
    const fixed = subject(listPrompt, lines('a:', '  topic: refunds', '  customer: {name: Bo, plan: x}', '  orders: []', '  unused: x')).fix('undeclared-variable', "Declare 'topic' (string) in inputs");
    assert.equal(fixed.prompt.split('---\n')[1], lines('inputs:', '  - name: customer', '    kind: object', '    description: Who asks', '    default: {name: Ana, plan: pro}', '  - name: orders', '    kind: array', '  - name: unused', '    kind: string', '  - name: topic', '    kind: string', '    required: true', ''));
  });

  it('declares into a map of inputs, and adds inputs to front matter that has none', () => {
    const mapPrompt = lines('---', 'inputs:', '  name:', '    kind: string', '---', '{{ name }} {{ count }}');
    const fixedMap = subject(mapPrompt, lines('a:', '  name: x', '  count: 3')).fix('undeclared-variable', "Declare 'count' (integer) in inputs");
    assert.equal(fixedMap.prompt.split('---\n')[1], lines('inputs:', '  name:', '    kind: string', '  count:', '    kind: integer', '    required: true', ''));
  });

  it('declares an input the template loops over as an array when no sample has a value for it', () => {
    const text = lines('---', 'inputs:', '  - name: who', '    kind: string', '---', '{{ who }}{% for line in lines %}{{ line }}{% endfor %}');
    const fixed = subject(text).fix('undeclared-variable', "Declare 'lines' (array of any) in inputs");
    assert.equal(fixed.prompt.split('---\n')[1], lines('inputs:', '  - name: who', '    kind: string', '  - name: lines', '    kind: array', '    required: true', ''));
  });

  it('removes an unused input with its sample keys', () => {
    const fixed = subject(listPrompt, lines('a:', '  unused: x', '  topic: t')).fix('unused-variable', "Remove unused 'unused' from inputs and its sample set");
    assert.ok(!fixed.prompt.includes('name: unused'));
    assert.ok(fixed.prompt.includes('  - name: orders\n    kind: array\n---'));
    assert.equal(fixed.samples, lines('a:', '  topic: t'));
  });

  it('renames an input across the template, its declaration and every sample set, and not the loop variable', () => {
    const tested = subject(listPrompt, lines('a:', '  orders: []', 'b:', '  orders: [1]'));
    const result = renameEdits(tested.document, tested.samples, tested.analysis, tested.offsetOf('in orders', 4), 'purchases');
    assert.ok(result.ok, result.ok ? '' : result.message);
    const after = tested.applied(result.edits);
    assert.ok(after.prompt.includes('  - name: purchases\n'));
    assert.ok(after.prompt.includes('{% for order in purchases %}{{ order }}'));
    assert.equal(after.samples, lines('a:', '  purchases: []', 'b:', '  purchases: [1]'));
  });

  it('refuses to rename a loop variable across files', () => {
    const tested = subject(listPrompt);
    const result = renameEdits(tested.document, undefined, tested.analysis, tested.offsetOf('{{ order }}', 4), 'x');
    assert.deepEqual(result, { ok: false, message: 'Only inputs are renamed across files; loop and set variables live in the template alone.' });
  });

  it('completes inputs and the loop variable inside a for loop, properties after a dot, and filters after a bar', () => {
    const tested = subject(listPrompt);
    const labels = (offset: number) => completionsAt(tested.document, offset).map((entry) => entry.label);
    const inLoop = tested.offsetOf('{{ order }}', 3);
    assert.deepEqual(labels(inLoop).slice(0, 5), ['order', 'loop', 'customer', 'orders', 'unused']);
    const afterDot = tested.offsetOf('customer.name', 'customer.'.length);
    assert.deepEqual(completionsAt(tested.document, afterDot).map((entry) => [entry.label, entry.range]), [
      ['name', span(12, 61, 12, 61)],
      ['plan', span(12, 61, 12, 61)],
    ]);
    const withBar = subject(lines('---', 'inputs: {n: {kind: string}}', '---', '{{ n | up }}'));
    const filters = completionsAt(withBar.document, withBar.offsetOf('up', 2)).map((entry) => entry.label);
    assert.ok(filters.includes('upper') && filters.includes('truncate') && !filters.includes('n'), JSON.stringify(filters));
  });

  it('hovers a filter with its usage and what it does, and an unknown filter as unknown', () => {
    const tested = subject(lines('---', 'inputs: {n: {kind: string}}', '---', '{{ n | truncate(5) }} {{ n | shout }}'));
    const known = hoverAt(tested.document, tested.analysis, tested.offsetOf('truncate', 3));
    assert.deepEqual(known, {
      range: span(3, 7, 3, 15),
      markdown: '**Jinja filter** `text | truncate(255, false, "...")`\n\nCuts the text to the given length, at a word boundary unless the second argument is true.',
    });
    const unknown = hoverAt(tested.document, tested.analysis, tested.offsetOf('shout', 1));
    assert.deepEqual(unknown, { range: span(3, 29, 3, 34), markdown: '**unknown filter** `shout`' });
  });

  it('completes filters with their usage and sentence', () => {
    const tested = subject(lines('---', 'inputs: {n: {kind: string}}', '---', '{{ n | up }}'));
    const upper = completionsAt(tested.document, tested.offsetOf('up', 2)).find((entry) => entry.label === 'upper');
    assert.equal(upper?.detail, 'Jinja filter');
    assert.equal(upper?.documentation, '`text | upper`\n\nThe text in upper case.');
  });

  it('hovers an input with its kind, description and sample value, and goes to its declaration', () => {
    const tested = subject(listPrompt, lines('first:', '  customer: {name: Bo, plan: x}', '  orders: []', '  unused: u', '  topic: t'));
    const hover = hoverAt(tested.document, tested.analysis, tested.offsetOf('customer.name', 2), { ...(tested.samples ? { samples: tested.samples } : {}) });
    assert.equal(hover?.markdown, ['**customer** · `object` · optional', 'Who asks', 'Sample set `first`: `{"name":"Bo","plan":"x"}`'].join('\n\n'));
    assert.deepEqual(definitionsAt(tested.document, tested.analysis, tested.offsetOf('customer.name', 2)), [{ path: promptPath, range: span(2, 10, 2, 18) }]);
  });

  it('hovers an input with the value of the sample set the preview shows, not always the first', () => {
    const tested = subject(listPrompt, lines('first:', '  customer: {name: Bo}', '  topic: t1', 'second:', '  customer: {name: Cy}', '  topic: t2'));
    const samples = tested.samples ? { samples: tested.samples } : {};
    const at = tested.offsetOf('{{ topic }}', 4);
    assert.equal(hoverAt(tested.document, tested.analysis, at, { ...samples, sampleSet: 'second' })?.markdown.split('\n\n').at(-1), 'Sample set `second`: `"t2"`');
    assert.equal(hoverAt(tested.document, tested.analysis, at, { ...samples, sampleSet: 'gone' })?.markdown.split('\n\n').at(-1), 'Sample set `first`: `"t1"`', 'a set that no longer exists falls back to the first');
  });

  it('prepares a rename from the declaration name in the front matter, and renames the uses and the declaration', () => {
    const tested = subject(listPrompt, lines('a:', '  orders: []'));
    const at = tested.offsetOf('name: customer', 7);
    assert.deepEqual(prepareRename(tested.document, tested.analysis, at), { ok: true, range: span(2, 10, 2, 18), placeholder: 'customer' });
    assert.deepEqual(renameEdits(tested.document, tested.samples, tested.analysis, at, 'client'), {
      ok: true,
      edits: [
        {
          path: promptPath,
          edits: [
            { range: span(12, 52, 12, 60), newText: 'client' },
            { range: span(2, 10, 2, 18), newText: 'client' },
          ],
        },
      ],
    });
  });

  it('refuses a rename on a property, an undeclared name, outside any input, or in a template that does not parse', () => {
    const tested = subject(listPrompt);
    assert.deepEqual(prepareRename(tested.document, tested.analysis, tested.offsetOf('customer.name', 10)), { ok: false, message: 'Properties come from a default or example value; rename them there.' });
    assert.deepEqual(prepareRename(tested.document, tested.analysis, tested.offsetOf('{{ topic', 4)), { ok: false, message: "'topic' is not declared in inputs; declare it before renaming it." });
    assert.deepEqual(prepareRename(tested.document, tested.analysis, tested.offsetOf('system:')), { ok: false, message: 'Put the cursor on an input to rename it.' });
    assert.deepEqual(prepareRename(tested.document, tested.analysis, tested.offsetOf('description')), { ok: false, message: 'Put the cursor on an input to rename it.' });
    const broken = subject(lines('---', 'inputs: {a: {kind: string}}', '---', '{% if a %}{{ a }}'));
    assert.deepEqual(prepareRename(broken.document, broken.analysis, broken.offsetOf('{{ a', 3)), { ok: false, message: 'The template does not parse; fix it before renaming.' });
  });

  it('refuses a new name a template cannot read or one already declared', () => {
    const tested = subject(listPrompt);
    const at = tested.offsetOf('name: customer', 7);
    assert.deepEqual(renameEdits(tested.document, undefined, tested.analysis, at, '9x'), { ok: false, message: "'9x' is not a name a template can read; use letters, digits and _." });
    assert.deepEqual(renameEdits(tested.document, undefined, tested.analysis, at, 'orders'), { ok: false, message: "'orders' is already declared in inputs." });
  });

  it('hovers a loop variable and Jinja loop data as what they are', () => {
    assert.deepEqual(hoverAt(subject(listPrompt).document, subject(listPrompt).analysis, subject(listPrompt).offsetOf('{{ order }}', 4)), { range: span(12, 28, 12, 33), markdown: '**order**\n\nLoop or `set` variable.' });
    const loopy = subject(lines('---', 'inputs: {items: {kind: array}}', '---', '{% for item in items %}{{ loop.index }}{% endfor %}'));
    assert.equal(hoverAt(loopy.document, loopy.analysis, loopy.offsetOf('loop.index', 1))?.markdown.split('\n\n').at(-1), 'Jinja loop data.');
  });

  it('completes the properties of a loop item and loop data after a dot, and nothing outside a tag or in the front matter', () => {
    const loopy = subject(lines('---', 'inputs:', '  - name: items', '    kind: array', '    default: [{title: Tea, price: 2}]', '---', '{% for item in items %}{{ item. }} {{ loop. }}{% endfor %} {{ items. }}'));
    const labels = (offset: number) => completionsAt(loopy.document, offset).map((entry) => entry.label);
    assert.deepEqual(labels(loopy.offsetOf('item. }}', 5)), ['title', 'price']);
    assert.deepEqual(labels(loopy.offsetOf('loop. }}', 5)), ['index', 'index0', 'first', 'last', 'length', 'revindex', 'revindex0']);
    assert.deepEqual(labels(loopy.offsetOf('items. }}', 6)), []);
    assert.deepEqual(labels(loopy.offsetOf('{% endfor %} ', 13)), []);
    assert.deepEqual(labels(loopy.offsetOf('name: items', 8)), []);
    const outside = subject(lines('---', 'inputs: {items: {kind: array}}', '---', '{{ loop. }}'));
    assert.deepEqual(completionsAt(outside.document, outside.offsetOf('loop.', 5)), [], 'no loop data outside a loop');
  });

  it('completes the sample keys when no inputs are declared, and offers loop but not `loop` in a mustache template', () => {
    const bare = subject(lines('---', 'name: x', '---', '{{ q }} {{ ', ''), lines('a:', '  q: 1', '  r: 2'));
    assert.deepEqual(completionsAt(bare.document, bare.offsetOf('{{ ', 11), bare.samples ? { samples: bare.samples } : {}).map((entry) => entry.label), ['q', 'r']);
    const mustache = subject(lines('---', 'template: mustache', 'inputs: {l: {kind: array}}', '---', '{% for x in l %}{{ }}{% endfor %}'));
    assert.deepEqual(completionsAt(mustache.document, mustache.offsetOf('{{ ', 3)).map((entry) => [entry.label, entry.detail]), [['x', 'item of l'], ['l', 'array']]);
  });

  it('declares an undeclared input read with properties as an object of those properties', () => {
    const tested = subject(lines('---', 'inputs: {a: {kind: string}}', '---', '{{ a }} {{ who.name }} {{ who.age }} {{ who.name }}'));
    const diagnostic = tested.diagnostics.find((candidate) => candidate.code === 'undeclared-variable');
    assert.ok(diagnostic);
    assert.deepEqual(
      quickFixesFor(diagnostic, { document: tested.document, ...(tested.analysis ? { analysis: tested.analysis } : {}) }).map((fix) => fix.title),
      ["Declare 'who' (object) in inputs"],
    );
  });
});
