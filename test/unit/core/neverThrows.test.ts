import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzePromptDocument } from '../../../src/core/checks/checkPrompt';
import type { PromptDiagnostic } from '../../../src/core/document/promptDiagnostic';
import { defaultSeverity } from '../../../src/core/document/promptDiagnostic';
import { parsePromptDocument } from '../../../src/core/formats/promptFileKind';
import { parseSampleFile, resolveSampleSets } from '../../../src/core/samples/sampleSets';
import { templateStatements, type TemplateExpression, type TemplateStatement } from '../../../src/core/formats/dotprompt/templateModel';
import { createTextDocument, isRangeInside, type Range, type TextDocument } from '../../../src/core/document/textDocument';
import { lines } from './diagnosticExpectations';

const promptSeeds = [
  lines(
    '---',
    'model: googleai/gemini-2.0-flash',
    'config: {temperature: 0.3}',
    'input:',
    '  schema:',
    '    city: string, where to go',
    '    days?: integer',
    '    traveler(object):',
    '      name: string',
    '    stops(array):',
    '      place: string',
    '      (*): any',
    '  default:',
    '    days: 3',
    'output:',
    '  format: json',
    '---',
    '{{role "system"}}You plan trips.',
    '{{role "user"}}Plan {{days}} days in {{city}} for {{traveler.name}}.',
    '{{#each stops as |stop i|}}{{i}}. {{stop.place}} ({{@root.city}}){{else}}none{{/each}}',
    '{{#with traveler}}{{name}}{{/with}}{{> footer tone="warm"}}{{json (lookup stops 0) indent=2}}',
    '{{! comment }}{{history}}',
  ),
  lines(
    '---',
    'input:',
    '  schema:',
    '    type: object',
    '    properties:',
    '      q: {type: string}',
    '      docs: {type: array, items: {type: object, properties: {text: {type: string}}}}',
    '    required: [q]',
    '---',
    '{{#if docs}}{{#each docs}}{{text}}{{/each}}{{/if}} {{q}} {{media url=q}}',
  ),
  lines('Hello {{name}}!', '{{#ifEquals a "x"}}yes{{else}}no{{/ifEquals}}', '{{#*inline "p"}}inline{{/inline}}{{> p}}'),
  '\uFEFF---\r\ninput:\r\n  schema:\r\n    name: string\r\n---\r\nHi {{name}}\r\n',
];

const sampleSeeds = [
  lines('paris:', '  city: Paris', '  traveler: {name: Ana}', '  stops: [{place: Louvre}]', 'rome:', '  city: 42', 'empty: {}'),
  '{"a": {"q": "x", "docs": [{"text": 1}]}, "b": {}}',
  '- not\n- a map\n',
];

const fragments = [
  '{{', '}}', '{{{', '}}}', '{{#each items}}', '{{/each}}', '{{#if x}}', '{{/if}}', '{{else}}', '{{> p}}', '{{!--', '--}}',
  '---', '---\n', '\n', '\r\n', '\r', '"', "'", ':', '- ', '  ', '\t', '(', ')', '[', ']', '|', '@', '../', 'as |x|',
  '\uFEFF', '\u0000', '\uD800', '\uDC00', '😀', 'é', '\u2028', '{', '}', '~', '=', '#', '*', '&', '^', '/', '.', ',',
  '? ', '&a ', '*a', '!!str ', '%YAML 1.2\n', '(*)', '?:', 'x(array)', '(enum): [a]', 'this', '@root.', '{{{{raw}}}}',
];

type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.constantFrom(...fragments) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.string({ unit: 'binary', maxLength: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
);

function mutate(seed: string, mutations: readonly Mutation[]): string {
  let text = seed;
  for (const change of mutations) {
    const at = Math.floor(change.at * text.length);
    if (change.kind === 'insert') text = text.slice(0, at) + change.text + text.slice(at);
    else if (change.kind === 'delete') text = text.slice(0, at) + text.slice(at + change.length);
    else text = text.slice(0, at) + text.slice(at, at + change.length) + text.slice(at);
  }
  return text;
}

const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 120 }).map((codes) => String.fromCharCode(...codes));
const fragmentSoup = fc.array(fc.constantFrom(...fragments, 'name', 'items', 'a: 1', 'schema:', 'input:'), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 160 }), codeUnits, fragmentSoup);

const promptText = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...promptSeeds), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([seed, changes]) => mutate(seed, changes)) },
  { weight: 2, arbitrary: fc.tuple(fragmentSoup, anyText).map(([yaml, template]) => `---\n${yaml}\n---\n${template}`) },
  { weight: 1, arbitrary: anyText },
);

const samplesText = fc.option(
  fc.oneof(fc.tuple(fc.constantFrom(...sampleSeeds), fc.array(mutation, { maxLength: 6 })).map(([seed, changes]) => mutate(seed, changes)), anyText),
  { nil: undefined },
);

type PartialBehaviour = 'none' | 'exists' | 'missing' | 'source' | 'throws';
const partialBehaviour = fc.constantFrom<PartialBehaviour>('none', 'exists', 'missing', 'source', 'throws');

const codes = new Set(Object.keys(defaultSeverity));
const severities = new Set(['error', 'warning', 'information', 'hint']);

function assertInside(document: TextDocument, range: Range, what: string): void {
  assert.ok(isRangeInside(document, range), `${what} ${JSON.stringify(range)} lies outside the document`);
}

function assertExpressionRanges(document: TextDocument, expression: TemplateExpression): void {
  assertInside(document, expression.range, expression.kind);
  if (expression.kind === 'path') for (const segment of expression.segments) assertInside(document, segment.range, 'segment');
  if (expression.kind === 'subexpression') {
    assertExpressionRanges(document, expression.callee);
    for (const param of expression.params) assertExpressionRanges(document, param);
    for (const pair of expression.hash) assertExpressionRanges(document, pair.value);
  }
}

function assertStatementRanges(document: TextDocument, statements: readonly TemplateStatement[]): void {
  for (const statement of statements) {
    assertInside(document, statement.range, statement.kind);
    for (const param of statement.params) assertExpressionRanges(document, param);
    for (const pair of statement.hash) {
      assertInside(document, pair.keyRange, 'hash key');
      assertExpressionRanges(document, pair.value);
    }
    if (statement.kind === 'mustache') assertExpressionRanges(document, statement.callee);
    if (statement.kind === 'block') {
      assertInside(document, statement.openRange, 'open tag');
      if (statement.closeRange) assertInside(document, statement.closeRange, 'close tag');
      for (const param of statement.blockParams) assertInside(document, param.range, 'block param');
      assertExpressionRanges(document, statement.callee);
      assertStatementRanges(document, statement.program);
      assertStatementRanges(document, statement.inverse);
    }
    if (statement.kind === 'partial') {
      assertInside(document, statement.nameRange, 'partial name');
      if (statement.program) assertStatementRanges(document, statement.program);
    }
  }
}

function checkEverything(text: string, samples: string | undefined, partials: PartialBehaviour): void {
  const promptFile = createTextDocument(text);
  const sampleFile = samples === undefined ? undefined : createTextDocument(samples);
  const document = parsePromptDocument(text, { path: 'p.prompt' });
  const parsedSamples = samples === undefined ? undefined : parseSampleFile('p.samples.yaml', samples);
  const options = {
    ...(partials === 'none' ? {} : { partialExists: (name: string) => (partials === 'throws' ? assert.fail('lookup failed') : partials !== 'missing' && name.length > 0) }),
    ...(partials === 'source' ? { partialSource: (name: string) => (name.length % 2 === 0 ? text : undefined) } : {}),
  };
  const { diagnostics, analysis } = analyzePromptDocument(document, parsedSamples, options);
  resolveSampleSets(document, parsedSamples);

  const documentOf = (file: string): TextDocument | undefined => (file === 'p.prompt' ? promptFile : file === 'p.samples.yaml' ? sampleFile : undefined);
  const check = (diagnostic: PromptDiagnostic): void => {
    const home = documentOf(diagnostic.file);
    assert.ok(home, `unexpected file ${diagnostic.file}`);
    assertInside(home, diagnostic.range, diagnostic.code);
    assert.ok(codes.has(diagnostic.code), diagnostic.code);
    assert.ok(severities.has(diagnostic.severity), diagnostic.severity);
    assert.match(diagnostic.message, /\S.*[.?!]$/s);
    for (const related of diagnostic.related) {
      const relatedHome = documentOf(related.file);
      assert.ok(relatedHome, `unexpected related file ${related.file}`);
      assertInside(relatedHome, related.range, 'related');
    }
  };
  diagnostics.forEach(check);
  assertStatementRanges(promptFile, templateStatements(document) ?? []);
  for (const use of analysis?.uses ?? []) {
    assertInside(promptFile, use.path.range, 'path');
    for (const segment of use.path.segments) assertInside(promptFile, segment.range, 'segment');
  }
  for (const call of analysis?.helperCalls ?? []) assertInside(promptFile, call.range, 'helper call');
  if (sampleFile && parsedSamples) {
    for (const set of parsedSamples.sets) {
      assertInside(sampleFile, set.nameRange, 'sample set name');
      for (const key of set.values.keys.values()) {
        assertInside(sampleFile, key.keyRange, 'sample key');
        assertInside(sampleFile, key.valueRange, 'sample value');
      }
    }
  }
}

describe('The checker never throws', () => {
  it('keeps every range inside the document for mutated realistic prompts and sample files', function () {
    // Hundreds of generated cases: seconds on an idle machine, several times that on a busy one.
    this.timeout(90_000);
    fc.assert(
      fc.property(promptText, samplesText, partialBehaviour, (text, samples, partials) => checkEverything(text, samples, partials)),
      { numRuns: 1500 },
    );
  });

  it('keeps every range inside the document for random text, invalid surrogates included', () => {
    fc.assert(
      fc.property(anyText, fc.option(anyText, { nil: undefined }), (text, samples) => checkEverything(text, samples, 'exists')),
      { numRuns: 700 },
    );
  });

  it('handles the empty file, a lone BOM, CRLF-only text and front matter without its closing fence', () => {
    for (const text of ['', '\uFEFF', '\r\n\r\n', '---', '---\n', '---\ninput:\n  schema:\n    a: string\n{{a}}', '---\r\n---\r\n', '\uD800{{', '{{\uDFFF}}']) {
      checkEverything(text, text, 'source');
    }
  });

  it('answers quickly with a clear diagnostic for a 10 MB prompt, binary junk and a huge sample file', function () {
    // 6–9 s at a load average of 9–10 on two cores; the bound catches a quadratic
    // walk (minutes at this size), not a few percent, which `npm run bench` measures.
    this.timeout(90_000);
    const started = Date.now();
    const chunk = 'Dear {{name}}, here is a long paragraph of realistic text. {{#each items}}- {{title}}\n{{/each}}\n';
    const big = `---\ninput:\n  schema:\n    name: string\n---\n${chunk.repeat(Math.ceil((10 * 1024 * 1024) / chunk.length))}`;
    checkEverything(big, undefined, 'none');
    const junk = Array.from({ length: 10 * 1024 * 1024 }, (_, index) => String.fromCharCode((index * 2654435761) >>> 24)).join('');
    checkEverything(junk, `${'a: b\n'.repeat(300_000)}`, 'none');
    assert.ok(Date.now() - started < 60_000, `took ${Date.now() - started} ms`);
  });
});
