import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzePromptDocument } from '../../../../src/core/checks/checkPrompt';
import { knownHelperNames } from '../../../../src/core/formats/dotprompt/knownHelpers';
import { prepareRename, renameEdits, type RenameResult } from '../../../../src/core/languageService/renameEdits';
import type { FileEdits } from '../../../../src/core/languageService/textEdits';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { parseSampleFile } from '../../../../src/core/samples/sampleSets';
import { lines, span } from '../diagnosticExpectations';
import { promptUnderTest, samplesPath, type PromptUnderTest } from './promptUnderTest';

const prompt = lines(
  '---',
  'input:',
  '  schema:',
  '    user(object):',
  '      name: string',
  '      email?: string',
  '    orders(array):',
  '      id: string',
  '      name: string',
  '    name: string, the greeting name',
  '  default:',
  '    name: friend',
  '---',
  'Hi {{name}} ({{@root.name}}).',
  '{{#each orders as |order|}}{{name}} {{order.name}} {{../name}} {{@root.name}}{{/each}}',
  '{{#with user}}{{name}} {{../name}}{{/with}}',
  '{{#each orders as |name|}}{{name.id}}{{/each}}',
  '{{#name}}yes{{/name}}',
);

const samples = lines(
  'a:',
  '  name: Ada',
  '  user: {name: Ada Lovelace, email: ada@example.com}',
  '  orders:',
  '    - {id: "1", name: Lamp}',
  'b:',
  '  "name": Bob',
  '  user:',
  '    name: Bob Ross',
  '  orders: []',
  '',
);

function edits(result: RenameResult): readonly FileEdits[] {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.edits;
}

function refusal(result: RenameResult): string {
  assert.ok(!result.ok, 'the rename is refused');
  return result.message;
}

function rename(subject: PromptUnderTest, needle: string, delta: number, newName: string, nth = 0): RenameResult {
  return renameEdits(subject.document, subject.samples, subject.analysis, subject.offsetOf(needle, delta, nth), newName);
}

describe('Rename', () => {
  const subject = promptUnderTest(prompt, samples);

  it('renames a variable in every use that reads it, its schema key, input.default and every sample set', () => {
    const result = rename(subject, 'Hi {{name}}', 6, 'greeting');
    const { prompt: renamed, samples: renamedSamples } = subject.applied(edits(result));
    assert.equal(
      renamed,
      lines(
        '---',
        'input:',
        '  schema:',
        '    user(object):',
        '      name: string',
        '      email?: string',
        '    orders(array):',
        '      id: string',
        '      name: string',
        '    greeting: string, the greeting name',
        '  default:',
        '    greeting: friend',
        '---',
        'Hi {{greeting}} ({{@root.greeting}}).',
        '{{#each orders as |order|}}{{name}} {{order.name}} {{../greeting}} {{@root.greeting}}{{/each}}',
        '{{#with user}}{{name}} {{../greeting}}{{/with}}',
        '{{#each orders as |name|}}{{name.id}}{{/each}}',
        '{{#greeting}}yes{{/greeting}}',
      ),
    );
    assert.equal(renamedSamples, samples.replace('  name: Ada\n', '  greeting: Ada\n').replace('  "name": Bob', '  "greeting": Bob'));
    assert.deepEqual(
      edits(result).map((file) => [file.path, file.edits.length]),
      [
        ['prompts/p.prompt', 9],
        [samplesPath, 2],
      ],
    );
  });

  it('starts the same from any use, the schema key or the input.default key', () => {
    const fromUse = edits(rename(subject, 'Hi {{name}}', 6, 'greeting'));
    assert.deepEqual(edits(rename(subject, '{{../name}}', 5, 'greeting')), fromUse);
    assert.deepEqual(edits(rename(subject, '    name: string, the', 5, 'greeting')), fromUse);
    assert.deepEqual(edits(rename(subject, '    name: friend', 6, 'greeting')), fromUse);
  });

  it('prepares the rename on the name under the cursor, with the current name as placeholder', () => {
    assert.deepEqual(prepareRename(subject.document, subject.analysis, subject.offsetOf('{{@root.name}}', 9)), { ok: true, range: span(13, 21, 13, 25), placeholder: 'name' });
    assert.deepEqual(prepareRename(subject.document, subject.analysis, subject.offsetOf('    name: string, the', 4)), { ok: true, range: span(9, 4, 9, 8), placeholder: 'name' });
  });

  it('renames a property of list items in the template, the schema and inside every item of the samples', () => {
    const { prompt: renamed, samples: renamedSamples } = subject.applied(edits(rename(subject, '{{order.name}}', 9, 'title')));
    const renamedLines = renamed.split('\n');
    assert.deepEqual(renamedLines.slice(6, 10), ['    orders(array):', '      id: string', '      title: string', '    name: string, the greeting name']);
    assert.equal(renamedLines[14], '{{#each orders as |order|}}{{title}} {{order.title}} {{../name}} {{@root.name}}{{/each}}');
    assert.equal(renamedLines[15], '{{#with user}}{{name}} {{../name}}{{/with}}', 'the user name is another property');
    assert.equal(renamedSamples, samples.replace('{id: "1", name: Lamp}', '{id: "1", title: Lamp}'));
  });

  it('renames a JSON Schema property with its required entry, keeping quotes', () => {
    const json = promptUnderTest(
      lines('---', 'input:', '  schema:', '    type: object', '    properties:', '      topic: {type: string}', '      "level": {type: integer}', '    required: [topic, level]', '---', '{{topic}} at {{level}}'),
      lines('one:', '  topic: tides', '  level: 2'),
    );
    const { prompt: renamed, samples: renamedSamples } = json.applied(edits(rename(json, '{{level', 3, 'depth')));
    assert.deepEqual(renamed.split('\n').slice(6, 10), ['      "depth": {type: integer}', '    required: [topic, depth]', '---', '{{topic}} at {{depth}}']);
    assert.equal(renamedSamples, lines('one:', '  topic: tides', '  depth: 2'));
  });

  it('refuses helpers, data variables, block parameters and partials, saying why', () => {
    assert.match(refusal(rename(subject, '{{#each', 3, 'loop')), /'each' is a helper, not a variable/);
    assert.match(refusal(rename(subject, '{{@root.name', 4, 'base')), /'@root' is a Handlebars data variable/);
    assert.match(refusal(rename(subject, '{{order.name', 3, 'purchase')), /'order' is a block parameter/);
    const withPartial = promptUnderTest(lines('Hi {{> footer}}'));
    assert.match(refusal(rename(withPartial, 'footer', 1, 'signature')), /'footer' is a partial; rename its file/);
    assert.match(refusal(rename(subject, 'Hi {{', 1, 'x')), /Place the cursor on an input variable/);
  });

  it('refuses names that are invalid, reserved, helpers or already declared beside it', () => {
    assert.match(refusal(rename(subject, 'Hi {{name}}', 6, '2fast')), /'2fast' cannot be a variable name/);
    assert.match(refusal(rename(subject, 'Hi {{name}}', 6, 'first-name')), /cannot be a variable name/);
    assert.match(refusal(rename(subject, 'Hi {{name}}', 6, 'this')), /'this' is a Handlebars keyword/);
    assert.match(refusal(rename(subject, 'Hi {{name}}', 6, 'json')), /'json' is a helper name/);
    assert.match(refusal(rename(subject, 'Hi {{name}}', 6, 'user')), /'user' is already declared next to 'name'/);
    assert.deepEqual(rename(subject, 'Hi {{name}}', 6, 'name'), { ok: true, edits: [] });
  });

  it('refuses what it cannot rename safely: undeclared names, partials that read it, lookups by name, a broken template', () => {
    const undeclared = promptUnderTest(lines('---', 'input:', '  schema:', '    a: string', '---', '{{a}} {{b}}'));
    assert.match(refusal(rename(undeclared, '{{b}}', 2, 'c')), /'b' is not declared in the input schema/);
    const noSchema = promptUnderTest('{{a}}');
    assert.match(refusal(rename(noSchema, '{{a}}', 2, 'c')), /no input schema/);
    const partialReads = promptUnderTest(lines('---', 'input:', '  schema:', '    a: string', '---', '{{a}} {{> footer}}'), undefined, { partialSource: () => 'Bye {{a}}' });
    assert.match(
      refusal(renameEdits(partialReads.document, undefined, partialReads.analysis, partialReads.offsetOf('{{a}}', 2), 'c', { partialSource: () => 'Bye {{a}}' })),
      /A partial this prompt includes reads 'a'/,
    );
    const lookup = promptUnderTest(lines('---', 'input:', '  schema:', '    a: string', '---', '{{a}} {{lookup @root "a"}}'));
    assert.match(refusal(rename(lookup, '{{a}}', 2, 'c')), /looks 'a' up by name/);
    const broken = promptUnderTest(lines('---', 'input:', '  schema:', '    a: string', '---', '{{a}} {{#if}}'));
    assert.match(refusal(rename(broken, '    a: string', 4, 'c')), /while the template does not parse/);
  });

  it('refuses a new name that a block parameter would shadow at one of the uses', () => {
    const shadowed = promptUnderTest(lines('---', 'input:', '  schema:', '    a: string', '    ok: boolean', '---', '{{#if ok as |alias|}}{{a}}{{/if}}'));
    assert.match(refusal(rename(shadowed, '    a: string', 4, 'alias')), /Renaming 'a' to 'alias' would break the prompt: 'alias' is declared in the input schema but the template never uses it/);
  });

  it('never throws, wherever it starts in whatever text, and every edit it returns lies in its file', () => {
    const pieces = ['{{', '}}', '{{#each orders as |order|}}', '{{/each}}', '{{name}}', '{{@root.name}}', '../', '{{> footer}}', ' ', '\n', '"', ':', '  '];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 2 })), { maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('renamed', 'x y', 'user'), (parts, where, newName) => {
        const mutated = promptUnderTest(`${prompt}${parts.join('')}`, samples);
        const offset = Math.floor(where * mutated.document.text.text.length);
        prepareRename(mutated.document, mutated.analysis, offset);
        const result = renameEdits(mutated.document, mutated.samples, mutated.analysis, offset, newName);
        if (result.ok) mutated.applied(result.edits);
      }),
      { numRuns: 200 },
    );
  });

  it('renaming any declared variable to a fresh name leaves the checker with nothing new to report', function () {
    // Hundreds of generated cases: seconds on an idle machine, several times that on a busy one.
    this.timeout(90_000);
    const reserved = new Set([...knownHelperNames(), 'list', 'obj', 'title', 'x', 'item', 'this', 'else', 'true', 'false', 'null', 'undefined', 'as']);
    const name = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,6}$/).filter((candidate) => !reserved.has(candidate));
    const use = (variable: string): fc.Arbitrary<string> =>
      fc.constantFrom(`{{${variable}}}`, `{{@root.${variable}}}`, `{{#each list}}{{title}} {{../${variable}}}{{/each}}`, `{{#with obj}}{{@root.${variable}}}{{/with}}`, `{{#if ${variable}}}yes{{/if}}`, `{{#each list as |item|}}{{item.title}}{{@root.${variable}}}{{/each}}`);
    const scenario = fc.uniqueArray(name, { minLength: 2, maxLength: 4 }).chain((variables) =>
      fc.record({
        variables: fc.constant(variables),
        uses: fc.tuple(...variables.map((variable) => fc.array(use(variable), { minLength: 1, maxLength: 3 }))),
        target: fc.nat({ max: variables.length - 1 }),
        newName: name.filter((candidate) => !variables.includes(candidate)),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ variables, uses, target, newName }) => {
        const schema = ['    list(array):', '      title: string', '    obj(object):', '      x: string', ...variables.map((variable) => `    ${variable}: string`)];
        const text = lines('---', 'input:', '  schema:', ...schema, '---', uses.flat().join('\n'), '{{#each list}}{{/each}}{{obj.x}}');
        const sampleText = lines('one:', '  list: [{title: t}]', '  obj: {x: y}', ...variables.map((variable) => `  ${variable}: v`));
        const subject = promptUnderTest(text, sampleText);
        const variable = variables[target] ?? '';
        const result = rename(subject, `    ${variable}: string`, 4, newName);
        const { prompt: renamed, samples: renamedSamples } = subject.applied(edits(result));
        const after = analyzePromptDocument(parsePromptDocument(renamed, { path: 'prompts/p.prompt' }), parseSampleFile(samplesPath, renamedSamples ?? ''));
        assert.deepEqual(after.diagnostics.map((diagnostic) => diagnostic.message), subject.diagnostics.map((diagnostic) => diagnostic.message));
        assert.ok(!new RegExp(`[{.\\s]${variable}[}\\s]`).test(renamed.split('---')[2] ?? ''), 'no use of the old name is left');
      }),
      { numRuns: 150 },
    );
  });
});
