import * as assert from 'node:assert/strict';
import { checkPrompt, checkPromptDocument } from '../../../src/core/checks/checkPrompt';
import { parsePromptDocument } from '../../../src/core/formats/promptFileKind';
import { parseSampleFile, resolveSampleSets } from '../../../src/core/samples/sampleSets';
import { lines, span, withCode } from './diagnosticExpectations';

const prompt = lines(
  '---',
  'input:',
  '  schema:',
  '    city: string',
  '    days?: integer',
  '    traveler(object):',
  '      name: string',
  '      age?: number',
  '    stops(array):',
  '      place: string',
  '  default:',
  '    days: 3',
  '---',
  'Plan {{days}} days in {{city}} for {{traveler.name}}.{{#each stops}} {{place}}{{/each}}',
);

const samples = lines(
  'paris:',
  '  city: Paris',
  '  traveler: {name: Ana}',
  '  stops: [{place: Louvre}]',
  'rome:',
  '  city: 42',
  '  traveler: {name: Bo, age: old}',
  '  stops:',
  '    - place: Colosseum',
  '    - plac: Forum',
  '  budget: 100',
  'empty: {}',
);

function check(promptText: string, samplesText?: string) {
  return checkPrompt({
    path: 'trip.prompt',
    text: promptText,
    ...(samplesText === undefined ? {} : { samples: { path: 'trip.samples.yaml', text: samplesText } }),
  });
}

describe('Sample sets', () => {
  describe('reading the sample file', () => {
    it('reads each set with the range of its name and of every key', () => {
      const file = parseSampleFile('trip.samples.yaml', samples);
      assert.deepEqual(
        file.sets.map((set) => [set.name, set.nameRange]),
        [
          ['paris', span(0, 0, 0, 5)],
          ['rome', span(4, 0, 4, 4)],
          ['empty', span(11, 0, 11, 5)],
        ],
      );
      const rome = file.sets[1];
      assert.deepEqual(rome?.values.keys.get('budget')?.keyRange, span(10, 2, 10, 8));
      assert.deepEqual(rome?.values.keys.get('city')?.valueRange, span(5, 8, 5, 10));
      assert.deepEqual(rome?.values.value['traveler'], { name: 'Bo', age: 'old' });
      assert.deepEqual(file.diagnostics, []);
    });

    it('reads JSON sample files too', () => {
      const file = parseSampleFile('trip.samples.json', '{\n  "paris": {"city": "Paris"}\n}\n');
      assert.deepEqual(file.sets[0]?.values.value, { city: 'Paris' });
      assert.deepEqual(file.sets[0]?.nameRange, span(1, 2, 1, 9));
    });

    it('gives a clear yaml-syntax diagnostic carrying the sample path when the file is malformed', () => {
      const file = parseSampleFile('trip.samples.yaml', 'paris:\n  city: [Paris\n');
      assert.deepEqual(file.sets, []);
      const [error] = file.diagnostics;
      assert.equal(error?.code, 'yaml-syntax');
      assert.equal(error?.file, 'trip.samples.yaml');
    });

    it('reports a file or a set of the wrong shape', () => {
      assert.deepEqual(
        parseSampleFile('s.yaml', '- a\n- b\n').diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]),
        [['sample-type-mismatch', span(0, 0, 1, 3)]],
      );
      const file = parseSampleFile('s.yaml', 'one: 3\ntwo: {a: 1}\n');
      assert.deepEqual(file.sets.map((set) => set.name), ['two']);
      assert.deepEqual(file.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]), [['sample-type-mismatch', span(0, 5, 0, 6)]]);
    });

    it('treats an empty file as no sets', () => {
      assert.deepEqual(parseSampleFile('s.yaml', '').sets, []);
      assert.deepEqual(parseSampleFile('s.yaml', '# nothing yet\n').diagnostics, []);
    });
  });

  describe('merging defaults', () => {
    it('merges input.default under every set, the set winning', () => {
      const document = parsePromptDocument(prompt);
      const file = parseSampleFile('s.yaml', 'a: {city: Oslo, days: 5}\nb: {city: Rome}\n');
      assert.deepEqual(resolveSampleSets(document, file), [
        { name: 'a', input: { days: 5, city: 'Oslo' }, origin: 'samples' },
        { name: 'b', input: { days: 3, city: 'Rome' }, origin: 'samples' },
      ]);
    });

    it('offers input.default as the default set when there is no sample file', () => {
      assert.deepEqual(resolveSampleSets(parsePromptDocument(prompt), undefined), [{ name: 'default', input: { days: 3 }, origin: 'default' }]);
      assert.deepEqual(resolveSampleSets(parsePromptDocument('Hi {{x}}'), undefined), []);
    });
  });

  describe('checks against the schema', () => {
    const diagnostics = check(prompt, samples);
    const onSamples = diagnostics.filter((diagnostic) => diagnostic.file === 'trip.samples.yaml');

    it('reports type mismatches at the offending value in the sample file, linked to the schema entry', () => {
      const mismatches = withCode(onSamples, 'sample-type-mismatch');
      assert.deepEqual(
        mismatches.map((diagnostic) => [diagnostic.range, diagnostic.message]),
        [
          [span(5, 8, 5, 10), "In sample set 'rome', 'city' must be a string, not a number."],
          [span(6, 28, 6, 31), "In sample set 'rome', 'traveler.age' must be a number or null, not a string."],
        ],
      );
      assert.deepEqual(mismatches[0]?.related, [{ file: 'trip.prompt', range: span(3, 4, 3, 8), message: "'city' is declared here." }]);
      assert.deepEqual(mismatches[1]?.data, { code: 'sample-type-mismatch', set: 'rome', path: '/traveler/age', keyword: 'type', expected: 'number or null' });
    });

    it('reports a set that lacks a required variable at the set name, once per variable', () => {
      const missing = withCode(onSamples, 'missing-sample-value').filter((diagnostic) => diagnostic.data?.code === 'missing-sample-value' && diagnostic.data.set === 'empty');
      assert.deepEqual(
        missing.map((diagnostic) => [diagnostic.range, diagnostic.data]),
        [
          [span(11, 0, 11, 5), { code: 'missing-sample-value', set: 'empty', variable: 'city' }],
          [span(11, 0, 11, 5), { code: 'missing-sample-value', set: 'empty', variable: 'traveler' }],
          [span(11, 0, 11, 5), { code: 'missing-sample-value', set: 'empty', variable: 'stops' }],
        ],
      );
      assert.equal(missing[0]?.severity, 'error');
      assert.deepEqual(missing[0]?.related.map((related) => related.range), [span(3, 4, 3, 8)]);
    });

    it('reports a nested object that lacks a required property and keys the schema does not declare', () => {
      assert.deepEqual(
        onSamples
          .filter((diagnostic) => diagnostic.data && 'set' in diagnostic.data && diagnostic.data.set === 'rome' && diagnostic.code !== 'sample-type-mismatch')
          .map((diagnostic) => [diagnostic.code, diagnostic.range]),
        [
          ['unknown-sample-key', span(9, 6, 9, 10)],
          ['missing-sample-value', span(9, 6, 9, 17)],
          ['unknown-sample-key', span(10, 2, 10, 8)],
        ],
      );
      const [budget] = withCode(onSamples, 'unknown-sample-key').filter((diagnostic) => diagnostic.range.start.line === 10);
      assert.equal(budget?.severity, 'warning');
      assert.equal(budget?.message, "Sample set 'rome' sets 'budget', which the input schema does not declare.");
    });

    it('reports nothing for a complete, well-typed set whose missing optional values come from defaults', () => {
      assert.deepEqual(
        onSamples.filter((diagnostic) => diagnostic.range.start.line < 4),
        [],
      );
      assert.deepEqual(check(prompt, 'ok:\n  city: Oslo\n  traveler: {name: Kim}\n  stops: []\n'), []);
    });

    it('checks input.default once, in the prompt file, not again in every set', () => {
      const text = prompt.replace('    days: 3', '    days: three');
      const found = withCode(check(text, 'a: {city: X, traveler: {name: Y}, stops: []}\nb: {city: X, traveler: {name: Y}, stops: []}\n'), 'sample-type-mismatch');
      assert.deepEqual(
        found.map((diagnostic) => [diagnostic.file, diagnostic.range]),
        [['trip.prompt', span(11, 10, 11, 15)]],
      );
    });

    it('warns, in the prompt file, when input.default alone is the only set and lacks required values', () => {
      const [warning] = withCode(check(prompt), 'missing-sample-value');
      assert.equal(warning?.severity, 'warning');
      assert.equal(warning?.file, 'trip.prompt');
      assert.deepEqual(warning?.range, span(10, 2, 10, 9));
    });

    it('names the allowed values when a sample misses an enum', () => {
      const text = lines('---', 'input:', '  schema:', '    mode(enum): [fast, slow]', '---', '{{mode}}');
      const [mismatch] = withCode(check(text, 'a:\n  mode: medium\n'), 'sample-type-mismatch');
      assert.deepEqual(mismatch?.range, span(1, 8, 1, 14));
      assert.equal(mismatch?.message, `In sample set 'a', 'mode' must be one of "fast", "slow", not "medium".`);
    });

    it('accepts JSON Schema required lists and open objects', () => {
      const text = lines('---', 'input:', '  schema:', '    type: object', '    required: [q]', '    properties:', '      q: {type: string}', '    additionalProperties: true', '---', '{{q}}');
      assert.deepEqual(
        check(text, 'a: {q: x, extra: 1}\nb: {extra: 1}\n').map((diagnostic) => [diagnostic.code, diagnostic.range]),
        [['missing-sample-value', span(1, 0, 1, 1)]],
      );
    });
  });

  describe('checks without a schema', () => {
    const template = 'Hi {{name}}, {{#each items}}{{title}}{{/each}} {{@root.extra.deep}}';

    it('expects every top-level variable the template uses in every set', () => {
      const diagnostics = check(template, 'a:\n  name: Ann\n  items: []\n  extra: {}\nb:\n  nmae: Bob\n');
      assert.deepEqual(
        diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range, diagnostic.data]),
        [
          ['missing-sample-value', span(4, 0, 4, 1), { code: 'missing-sample-value', set: 'b', variable: 'name' }],
          ['missing-sample-value', span(4, 0, 4, 1), { code: 'missing-sample-value', set: 'b', variable: 'items' }],
          ['missing-sample-value', span(4, 0, 4, 1), { code: 'missing-sample-value', set: 'b', variable: 'extra' }],
          ['unknown-sample-key', span(5, 2, 5, 6), { code: 'unknown-sample-key', set: 'b', key: 'nmae', suggestion: 'name' }],
        ],
      );
      const [missing] = diagnostics;
      assert.deepEqual(missing?.related, [{ file: 'trip.prompt', range: span(0, 5, 0, 9), message: "'name' is used here." }]);
    });

    it('accepts sets that provide what the template uses', () => {
      assert.deepEqual(check(template, 'a: {name: A, items: [{title: t}], extra: 1}\n'), []);
    });
  });

  it('reuses a parsed sample file across edits of the prompt', () => {
    const file = parseSampleFile('trip.samples.yaml', samples);
    const first = checkPromptDocument(parsePromptDocument(prompt, { path: 'trip.prompt' }), file);
    const second = checkPromptDocument(parsePromptDocument(`${prompt}\n`, { path: 'trip.prompt' }), file);
    assert.deepEqual(second, first);
  });
});
