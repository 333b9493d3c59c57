import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzePromptDocument } from '../../../../src/core/checks/checkPrompt';
import { declareInputSchemaFix, quickFixesFor, type QuickFix } from '../../../../src/core/languageService/quickFixEdits';
import type { DiagnosticCode, PromptDiagnostic } from '../../../../src/core/document/promptDiagnostic';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { parseSampleFile } from '../../../../src/core/samples/sampleSets';
import { lines } from '../diagnosticExpectations';
import { promptPath, promptUnderTest, samplesPath, type PromptUnderTest } from './promptUnderTest';

function diagnostic(subject: PromptUnderTest, code: DiagnosticCode, mentioning = ''): PromptDiagnostic {
  const found = subject.diagnostics.find((candidate) => candidate.code === code && candidate.message.includes(mentioning));
  assert.ok(found, `a ${code} diagnostic mentioning "${mentioning}" among ${JSON.stringify(subject.diagnostics.map((candidate) => candidate.message))}`);
  return found;
}

function fixes(subject: PromptUnderTest, code: DiagnosticCode, mentioning = ''): QuickFix[] {
  return quickFixesFor(diagnostic(subject, code, mentioning), { document: subject.document, ...(subject.samples ? { samples: subject.samples } : {}), ...(subject.analysis ? { analysis: subject.analysis } : {}) });
}

function fix(subject: PromptUnderTest, code: DiagnosticCode, title: string, mentioning = ''): QuickFix {
  const all = fixes(subject, code, mentioning);
  const found = all.find((candidate) => candidate.title === title);
  assert.ok(found, `a fix titled "${title}" among ${JSON.stringify(all.map((candidate) => candidate.title))}`);
  return found;
}

/** The prompt's front matter lines (without the fences) after a fix. */
function frontMatterAfter(subject: PromptUnderTest, applied: QuickFix): string[] {
  const text = subject.applied(applied.edits).prompt;
  return text.split('---\n')[1]?.split('\n').filter((line) => line !== '') ?? [];
}

const typedPrompt = lines(
  '---',
  'input:',
  '  schema:',
  '    name: string',
  '    address(object):',
  '      city: string',
  '      zip: string',
  '    kind(enum): [a, b]',
  '---',
  '{{name}} {{count}} {{price}} {{vip}} {{tags}} {{address.city}} {{orders}} {{note}} {{#each rows}}{{/each}} {{meta.a.b}} {{kind}}',
);
const typedSamples = lines(
  'a:',
  '  name: x',
  '  count: 3',
  '  price: 9.5',
  '  vip: true',
  '  tags: [a, b]',
  '  address: {city: Paris}',
  '  orders: [{id: 1, total: 2.5}, {id: 2}]',
  'b:',
  '  name: y',
  '  count: 4',
  '  price: 10',
  '  vip: false',
  '  tags: []',
  '  orders: []',
  '  kind: a',
  '',
);

describe('Quick fixes', () => {
  describe('declare an undeclared variable', () => {
    const subject = promptUnderTest(typedPrompt, typedSamples);
    const declared = (name: string, title: string): string[] => frontMatterAfter(subject, fix(subject, 'undeclared-variable', title, `'${name}'`)).slice(7);

    it('types it from the sample values: integer, number, boolean, list of strings, list of objects', () => {
      assert.deepEqual(declared('count', "Declare 'count' (integer) in the input schema"), ['    count: integer']);
      assert.deepEqual(declared('price', "Declare 'price' (number) in the input schema"), ['    price: number']);
      assert.deepEqual(declared('vip', "Declare 'vip' (boolean) in the input schema"), ['    vip: boolean']);
      assert.deepEqual(declared('tags', "Declare 'tags' (array of string) in the input schema"), ['    tags(array): string']);
      assert.deepEqual(declared('orders', "Declare 'orders' (array of object) in the input schema"), ['    orders(array):', '      id: integer', '      total?: number']);
    });

    it('makes it optional when a sample set lacks it, and types it from the template when no sample has it', () => {
      assert.deepEqual(declared('note', "Declare 'note' (string) in the input schema"), ['    note?: string']);
      assert.deepEqual(declared('rows', "Declare 'rows' (array of any) in the input schema"), ['    rows?(array): any']);
      assert.deepEqual(declared('meta', "Declare 'meta' (object) in the input schema"), ['    meta?(object):', '      a(object):', '        b: string']);
    });

    it('is the preferred fix unless a declared name is a likely typo, which comes first', () => {
      assert.equal(fixes(subject, 'undeclared-variable', "'count'")[0]?.preferred, true);
      const typo = promptUnderTest(lines('---', 'input:', '  schema:', '    plan: string', '---', '{{plna}}'));
      assert.deepEqual(
        fixes(typo, 'undeclared-variable').map((candidate) => [candidate.title, candidate.preferred]),
        [
          ["Change to 'plan'", true],
          ["Declare 'plna' (string) in the input schema", false],
        ],
      );
    });

    it('keeps the file as written: comments, four-space indentation and flow maps', () => {
      const commented = promptUnderTest(lines('---', 'input:', '    schema:', '        # the reader', '        name: string  # as typed', '    default:', '        name: Ada', '---', '{{name}} {{age}}'), lines('s:', '  age: 40'));
      assert.deepEqual(frontMatterAfter(commented, fix(commented, 'undeclared-variable', "Declare 'age' (integer) in the input schema")), [
        'input:',
        '    schema:',
        '        # the reader',
        '        name: string  # as typed',
        '        age: integer',
        '    default:',
        '        name: Ada',
      ]);
      const flow = promptUnderTest(lines('---', 'input:', '  schema: {name: string}', '---', '{{name}} {{age}}'), lines('s: {name: x, age: 1}'));
      assert.deepEqual(frontMatterAfter(flow, fix(flow, 'undeclared-variable', "Declare 'age' (integer) in the input schema")), ['input:', '  schema: {name: string, age: integer}']);
    });

    it('keeps Windows line breaks', () => {
      const crlf = promptUnderTest('---\r\ninput:\r\n  schema:\r\n    a: string\r\n---\r\n{{a}} {{b}}\r\n', 'one:\r\n  a: x\r\n  b: 2\r\n');
      assert.equal(crlf.applied(fix(crlf, 'undeclared-variable', "Declare 'b' (integer) in the input schema").edits).prompt, '---\r\ninput:\r\n  schema:\r\n    a: string\r\n    b: integer\r\n---\r\n{{a}} {{b}}\r\n');
    });

    it('writes a JSON Schema entry and a required item into a JSON Schema', () => {
      const json = promptUnderTest(
        lines('---', 'input:', '  schema:', '    type: object', '    properties:', '      topic: {type: string}', '    required: [topic]', '---', '{{topic}} {{level}} {{tags}}'),
        lines('one: {topic: t, level: 2, tags: [x]}', 'two: {topic: u}'),
      );
      assert.deepEqual(frontMatterAfter(json, fix(json, 'undeclared-variable', "Declare 'level' (integer) in the input schema", "'level'")), [
        'input:',
        '  schema:',
        '    type: object',
        '    properties:',
        '      topic: {type: string}',
        '      level: {type: integer}',
        '    required: [topic]',
      ]);
      const everywhere = promptUnderTest(
        lines('---', 'input:', '  schema:', '    type: object', '---', '{{level}}'),
        lines('one:', '  level: 2'),
      );
      assert.deepEqual(frontMatterAfter(everywhere, fix(everywhere, 'undeclared-variable', "Declare 'level' (integer) in the input schema")), [
        'input:',
        '  schema:',
        '    type: object',
        '    properties:',
        '      level: {type: integer}',
        '    required: [level]',
      ]);
    });

    it('appends a variable every sample set has to the required list already there, flow or block', () => {
      const flow = promptUnderTest(
        lines('---', 'input:', '  schema:', '    type: object', '    properties:', '      topic: {type: string}', '    required: [topic]', '---', '{{topic}} {{level}}'),
        lines('one: {topic: t, level: 2}', 'two: {topic: u, level: 3}'),
      );
      assert.deepEqual(frontMatterAfter(flow, fix(flow, 'undeclared-variable', "Declare 'level' (integer) in the input schema")), [
        'input:',
        '  schema:',
        '    type: object',
        '    properties:',
        '      topic: {type: string}',
        '      level: {type: integer}',
        '    required: [topic, level]',
      ]);
      const block = promptUnderTest(
        lines('---', 'input:', '  schema:', '    type: object', '    properties:', '      topic: {type: string}', '    required:', '      - topic', '---', '{{topic}} {{level}}'),
        lines('one: {topic: t, level: 2}'),
      );
      assert.deepEqual(frontMatterAfter(block, fix(block, 'undeclared-variable', "Declare 'level' (integer) in the input schema")), [
        'input:',
        '  schema:',
        '    type: object',
        '    properties:',
        '      topic: {type: string}',
        '      level: {type: integer}',
        '    required:',
        '      - topic',
        '      - level',
      ]);
    });
  });

  describe('declare an input schema where there is none', () => {
    const declare = (text: string, samples?: string): string | undefined => {
      const subject = promptUnderTest(text, samples);
      const found = declareInputSchemaFix({ document: subject.document, ...(subject.samples ? { samples: subject.samples } : {}), ...(subject.analysis ? { analysis: subject.analysis } : {}) });
      return found ? subject.applied(found.edits).prompt : undefined;
    };

    it('creates the front matter, input and schema with every variable the template reads', () => {
      assert.equal(declare('Hello {{name}}, {{#each trips}}{{city}}{{/each}}', lines('s:', '  name: Ada', '  trips: [{city: Oslo}]')), lines('---', 'input:', '  schema:', '    name: string', '    trips(array):', '      city: string', '---', 'Hello {{name}}, {{#each trips}}{{city}}{{/each}}'));
    });

    it('adds input under the other fields, schema beside input.default, in the file own indentation', () => {
      assert.equal(declare(lines('---', 'model: googleai/gemini-2.0-flash', '---', '{{a}}')), lines('---', 'model: googleai/gemini-2.0-flash', 'input:', '  schema:', '    a: string', '---', '{{a}}'));
      assert.equal(declare(lines('---', 'input:', '    default:', '        a: 1', '---', '{{a}}')), lines('---', 'input:', '    default:', '        a: 1', '    schema:', '        a: integer', '---', '{{a}}'));
      assert.equal(declare(lines('---', '# to do', '---', '{{a}}')), lines('---', '# to do', 'input:', '  schema:', '    a: string', '---', '{{a}}'));
      assert.equal(declare(lines('---', 'input:', '---', '{{a}}')), lines('---', 'input:', '  schema:', '    a: string', '---', '{{a}}'));
    });

    it('is not offered when a schema exists or the template reads nothing', () => {
      assert.equal(declare(lines('---', 'input:', '  schema:', '    a: string', '---', '{{a}}')), undefined);
      assert.equal(declare('Just text'), undefined);
    });
  });

  describe('add a missing sample value', () => {
    const subject = promptUnderTest(typedPrompt, typedSamples);

    it('adds a placeholder of the declared type to the set, in block or flow style', () => {
      const kind = fix(subject, 'missing-sample-value', `Add 'kind' (one of "a", "b") to sample set 'a'`);
      assert.equal(kind.preferred, true);
      assert.deepEqual(kind.edits.map((file) => file.path), [samplesPath]);
      assert.equal(subject.applied(kind.edits).samples?.split('\n')[8], '  kind: "a"');
      const zip = fix(subject, 'missing-sample-value', "Add 'address.zip' (string) to sample set 'a'", "'zip'");
      assert.equal(subject.applied(zip.edits).samples?.split('\n')[6], '  address: {city: Paris, zip: ""}');
      const address = fix(subject, 'missing-sample-value', "Add 'address' (object) to sample set 'b'", "variable 'address'");
      assert.equal(subject.applied(address.edits).samples?.split('\n')[16], '  address: {city: "", zip: ""}');
    });

    it('adds an empty text when the prompt declares no schema, without a type in the title', () => {
      const untyped = promptUnderTest('Hi {{a}} {{b}}', lines('one:', '  a: x', '  b: y', 'two:', '  a: x', ''));
      const added = fix(untyped, 'missing-sample-value', "Add 'b' to sample set 'two'");
      assert.equal(added.preferred, true);
      assert.equal(untyped.applied(added.edits).samples, lines('one:', '  a: x', '  b: y', 'two:', '  a: x', '  b: ""', ''));
    });

    it('adds it to input.default when that is the only set', () => {
      const defaults = promptUnderTest(lines('---', 'input:', '  schema:', '    a: string', '    n: integer', '  default:', '    a: x', '---', '{{a}} {{n}}'));
      const added = fix(defaults, 'missing-sample-value', "Add 'n' (integer) to input.default");
      assert.deepEqual(added.edits.map((file) => file.path), [promptPath]);
      assert.deepEqual(frontMatterAfter(defaults, added).slice(4), ['  default:', '    a: x', '    n: 0']);
    });
  });

  describe('fix a sample value of the wrong type', () => {
    const prompt = lines(
      '---',
      'input:',
      '  schema:',
      '    days: integer',
      '    price: number',
      '    vip: boolean',
      '    code: string',
      '    stops(array):',
      '      city: string',
      '      nights: integer',
      '---',
      '{{days}} {{price}} {{vip}} {{code}} {{#each stops}}{{city}} {{nights}}{{/each}}',
    );
    const subject = promptUnderTest(prompt, lines('trip:', '  days: "14"', '  price: "9.50"', '  vip: "TRUE"', '  code: 4711', '  stops:', '    - {city: Lyon, nights: "2"}', 'odd:', '  days: fourteen', '  price: 3', '  vip: false', '  code: x', '  stops: []', ''));

    it('converts a value that says the same in the declared type, in place', () => {
      const days = fix(subject, 'sample-type-mismatch', 'Convert "14" to 14 (integer)', "'days'");
      assert.equal(days.preferred, true);
      assert.deepEqual(days.edits.map((file) => file.path), [samplesPath]);
      assert.equal(subject.applied(days.edits).samples?.split('\n')[1], '  days: 14');
      assert.equal(subject.applied(fix(subject, 'sample-type-mismatch', 'Convert "9.50" to 9.5 (number)', "'price'").edits).samples?.split('\n')[2], '  price: 9.5');
      assert.equal(subject.applied(fix(subject, 'sample-type-mismatch', 'Convert "TRUE" to true (boolean)', "'vip'").edits).samples?.split('\n')[3], '  vip: true');
      assert.equal(subject.applied(fix(subject, 'sample-type-mismatch', 'Convert 4711 to "4711" (string)', "'code'").edits).samples?.split('\n')[4], '  code: "4711"');
      assert.equal(subject.applied(fix(subject, 'sample-type-mismatch', 'Convert "2" to 2 (integer)', 'nights').edits).samples?.split('\n')[6], '    - {city: Lyon, nights: 2}');
    });

    it('offers an example of the declared type where the value does not convert', () => {
      const days = fix(subject, 'sample-type-mismatch', 'Replace with an example of type integer', "set 'odd', 'days'");
      assert.equal(days.preferred, false);
      assert.equal(subject.applied(days.edits).samples?.split('\n')[8], '  days: 0');
    });

    it('converted values and examples pass the check', () => {
      fc.assert(
        fc.property(fc.constantFrom('integer', 'number', 'boolean', 'string'), fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.string(), fc.integer().map(String)), (type, value) => {
          const typed = promptUnderTest(lines('---', 'input:', '  schema:', `    v: ${type}`, '---', '{{v}}'), `one:\n  v: ${JSON.stringify(value)}\n`);
          const [mismatch] = typed.diagnostics.filter((candidate) => candidate.code === 'sample-type-mismatch');
          if (!mismatch) return;
          const [offered] = quickFixesFor(mismatch, { document: typed.document, ...(typed.samples ? { samples: typed.samples } : {}) });
          assert.ok(offered, `a fix for ${JSON.stringify(value)} as ${type}`);
          const after = typed.applied(offered.edits);
          const checked = analyzePromptDocument(typed.document, parseSampleFile(samplesPath, after.samples ?? '')).diagnostics;
          assert.deepEqual(checked.map((candidate) => candidate.message), [], `"${offered.title}" leaves ${after.samples ?? ''}`);
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('remove an unused declaration', () => {
    it('removes its whole lines, nested fields included, and its values in input.default and every sample set', () => {
      const subject = promptUnderTest(
        lines('---', 'input:', '  schema:', '    name: string', '    # where they live', '    address(object):', '      city: string', '      zip?: string', '    tone: string', '  default:', '    address: {city: Oslo}', '    tone: warm', '---', '{{name}} {{tone}}'),
        lines('a:', '  name: x', '  address:', '    city: Paris', 'b: {name: y, address: {city: Rome}, tone: cold}', ''),
      );
      const removal = fix(subject, 'unused-variable', "Remove unused 'address' from the input schema and 2 sample sets");
      assert.equal(removal.preferred, true);
      const { prompt, samples } = subject.applied(removal.edits);
      assert.equal(prompt, lines('---', 'input:', '  schema:', '    name: string', '    # where they live', '    tone: string', '  default:', '    tone: warm', '---', '{{name}} {{tone}}'));
      assert.equal(samples, lines('a:', '  name: x', 'b: {name: y, tone: cold}', ''));
    });

    it('removes a JSON Schema property with its required entry', () => {
      const subject = promptUnderTest(lines('---', 'input:', '  schema:', '    type: object', '    properties:', '      q: {type: string}', '      old: {type: string}', '    required:', '      - q', '      - old', '---', '{{q}}'));
      assert.deepEqual(frontMatterAfter(subject, fix(subject, 'unused-variable', "Remove unused 'old' from the input schema")), ['input:', '  schema:', '    type: object', '    properties:', '      q: {type: string}', '    required:', '      - q']);
    });

    it('leaves an empty map rather than no schema when it was the only field', () => {
      const subject = promptUnderTest(lines('---', 'input:', '  schema:', '    old: string', '---', 'Hi'));
      assert.deepEqual(frontMatterAfter(subject, fix(subject, 'unused-variable', "Remove unused 'old' from the input schema")), ['input:', '  schema:', '    {}']);
    });
  });

  describe('fix a misspelling', () => {
    it('changes a variable to the declared name, also in the closing tag of a section', () => {
      const subject = promptUnderTest(lines('---', 'input:', '  schema:', '    items(array): string', '---', '{{#itmes}}{{this}}{{/itmes}}'));
      assert.equal(subject.applied(fix(subject, 'undeclared-variable', "Change to 'items'").edits).prompt.split('\n')[5], '{{#items}}{{this}}{{/items}}');
    });

    it('changes a property to the declared one, and a top-level name in a block to @root', () => {
      const subject = promptUnderTest(lines('---', 'input:', '  schema:', '    person(object):', '      name: string', '    items(array):', '      title: string', '    tone: string', '---', '{{person.nmae}} {{#each items}}{{title}} {{tone}}{{/each}}'));
      assert.equal(subject.applied(fix(subject, 'unknown-property', "Change to 'name'").edits).prompt.split('\n')[9], '{{person.name}} {{#each items}}{{title}} {{tone}}{{/each}}');
      assert.equal(subject.applied(fix(subject, 'unknown-property', "Change to '@root.tone'", 'tone').edits).prompt.split('\n')[9], '{{person.nmae}} {{#each items}}{{title}} {{@root.tone}}{{/each}}');
    });

    it('changes a helper to the closest known one', () => {
      const subject = promptUnderTest('{{jsno data}}');
      assert.equal(subject.applied(fix(subject, 'unknown-helper', "Change to 'json'").edits).prompt, '{{json data}}');
    });

    it('offers no change for a helper or property with no close known name', () => {
      const helper = promptUnderTest('{{zzzzzz data}}');
      assert.deepEqual(fixes(helper, 'unknown-helper'), []);
      const property = promptUnderTest(lines('---', 'input:', '  schema:', '    person(object):', '      name: string', '---', '{{person.qqqqqq}}'));
      assert.deepEqual(fixes(property, 'unknown-property'), []);
    });

    it('offers no fix for a diagnostic whose text has changed since it was reported, nor for one without data', () => {
      const before = promptUnderTest('{{jsno data}}');
      const after = promptUnderTest('{{abcd data}}');
      const stale = diagnostic(before, 'unknown-helper');
      assert.deepEqual(quickFixesFor(stale, { document: after.document }), []);
      const { data: _data, ...withoutData } = stale;
      assert.deepEqual(quickFixesFor(withoutData, { document: before.document }), []);
    });

    it('changes or removes a sample key the schema does not declare, never onto a key the set already has', () => {
      const schema = lines('---', 'input:', '  schema:', '    name?: string', '---', '{{name}}');
      const subject = promptUnderTest(schema, lines('a:', '  nmae: y', ''));
      assert.deepEqual(
        fixes(subject, 'unknown-sample-key').map((candidate) => [candidate.title, candidate.preferred]),
        [
          ["Change to 'name'", true],
          ["Remove 'nmae' from sample set 'a'", false],
        ],
      );
      assert.equal(subject.applied(fix(subject, 'unknown-sample-key', "Change to 'name'").edits).samples, lines('a:', '  name: y', ''));
      const both = promptUnderTest(schema, lines('a:', '  name: x', '  nmae: y', ''));
      assert.deepEqual(
        fixes(both, 'unknown-sample-key').map((candidate) => [candidate.title, candidate.preferred]),
        [["Remove 'nmae' from sample set 'a'", true]],
      );
      assert.equal(both.applied(fix(both, 'unknown-sample-key', "Remove 'nmae' from sample set 'a'").edits).samples, lines('a:', '  name: x', ''));
    });

    it('changes a misspelt sample key written in quotes, as it changes a plain one', () => {
      const schema = lines('---', 'input:', '  schema:', '    name?: string', '---', '{{name}}');
      for (const quote of ['"', "'"]) {
        const subject = promptUnderTest(schema, lines('a:', `  ${quote}nmae${quote}: y`, ''));
        assert.equal(subject.applied(fix(subject, 'unknown-sample-key', "Change to 'name'").edits).samples, lines('a:', '  name: y', ''));
      }
    });

    it('offers to declare a sample key only when the template reads that very key', () => {
      const schema = lines('---', 'input:', '  schema:', '    name?: string', '---', '{{name}} {{other}} {{extra}}');
      const read = promptUnderTest(schema, lines('a:', '  extra: 1', ''));
      assert.deepEqual(
        fixes(read, 'unknown-sample-key', "'extra'").map((candidate) => [candidate.title, candidate.preferred]),
        [
          ["Declare 'extra' (integer) in the input schema", true],
          ["Remove 'extra' from sample set 'a'", false],
        ],
      );
      const unread = promptUnderTest(lines('---', 'input:', '  schema:', '    name?: string', '---', '{{name}} {{other}}'), lines('a:', '  extra: 1', ''));
      assert.deepEqual(
        fixes(unread, 'unknown-sample-key', "'extra'").map((candidate) => [candidate.title, candidate.preferred]),
        [["Remove 'extra' from sample set 'a'", true]],
        'another undeclared name in the template does not make this key one to declare',
      );
    });

    it('is not offered when the text under the diagnostic has changed since it was reported', () => {
      const subject = promptUnderTest(lines('---', 'input:', '  schema:', '    plan: string', '---', '{{plna}}'));
      const stale = { ...diagnostic(subject, 'undeclared-variable'), data: { code: 'undeclared-variable' as const, name: 'plam', suggestion: 'plan' } };
      assert.deepEqual(quickFixesFor(stale, { document: subject.document }), []);
    });
  });

  it('applying the preferred fix of any diagnostic makes that diagnostic go away and breaks no YAML', function () {
    // Hundreds of generated cases: seconds on an idle machine, several times that on a busy one.
    this.timeout(90_000);
    const mistakes = {
      typo: { schema: ['    plan: string'], template: '{{plna}}', set: ['  plan: p'] },
      property: { schema: ['    person(object):', '      name: string'], template: '{{person.nmae}}', set: ['  person: {name: n}'] },
      undeclared: { schema: ['    known: string'], template: '{{known}} {{count}}', set: ['  known: k', '  count: 2'] },
      unused: { schema: ['    spare(object):', '      x: string', '    used: string'], template: '{{used}}', set: ['  spare: {x: y}', '  used: u'] },
      missing: { schema: ['    needed: integer', '    other: string'], template: '{{needed}} {{other}}', set: ['  other: o'] },
      sampleTypo: { schema: ['    city: string'], template: '{{city}}', set: ['  city: c', '  ctiy: d'] },
      helper: { schema: ['    data: string'], template: '{{jsno data}}', set: ['  data: d'] },
    };
    const names = Object.keys(mistakes) as (keyof typeof mistakes)[];
    fc.assert(
      fc.property(fc.subarray(names, { minLength: 1 }), fc.constantFrom('  ', '    '), fc.boolean(), (chosen, indent, flowSamples) => {
        const schema = chosen.flatMap((name) => mistakes[name].schema).map((line) => line.replace(/^( +)/, (spaces) => indent.repeat(spaces.length / 2)));
        const text = lines('---', 'input:', `${indent}schema:`, ...schema, '---', chosen.map((name) => mistakes[name].template).join(' '));
        const set = chosen.flatMap((name) => mistakes[name].set).map((line) => line.trim());
        const sampleText = flowSamples ? `one: {${set.join(', ')}}\n` : `one:\n${set.map((line) => `  ${line}`).join('\n')}\n`;
        const subject = promptUnderTest(text, sampleText);
        for (const reported of subject.diagnostics) {
          const preferred = quickFixesFor(reported, { document: subject.document, ...(subject.samples ? { samples: subject.samples } : {}), ...(subject.analysis ? { analysis: subject.analysis } : {}) }).find((candidate) => candidate.preferred);
          if (!preferred) continue;
          const { prompt, samples } = subject.applied(preferred.edits);
          const after = analyzePromptDocument(parsePromptDocument(prompt, { path: promptPath }), parseSampleFile(samplesPath, samples ?? '')).diagnostics;
          assert.ok(!after.some((candidate) => candidate.code === reported.code && candidate.message === reported.message), `"${preferred.title}" fixes "${reported.message}" in\n${prompt}\n${samples ?? ''}`);
          assert.deepEqual(after.filter((candidate) => candidate.code === 'yaml-syntax' || candidate.code === 'front-matter-schema'), [], `"${preferred.title}" keeps the YAML valid`);
        }
      }),
      { numRuns: 120 },
    );
  });
});
