import * as assert from 'node:assert/strict';
import { analyzePromptDocument } from '../../../../src/core/checks/checkPrompt';
import type { DiagnosticCode } from '../../../../src/core/document/promptDiagnostic';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { completionsAt } from '../../../../src/core/languageService/completions';
import { definitionsAt } from '../../../../src/core/languageService/definitions';
import { hoverAt } from '../../../../src/core/languageService/hoverInfo';
import { quickFixesFor } from '../../../../src/core/languageService/quickFixEdits';
import { renameEdits } from '../../../../src/core/languageService/renameEdits';
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
});
