import * as assert from 'node:assert/strict';
import { createTextDocument } from '../../../../src/core/document/textDocument';
import { declareVariablesEdits, removeVariableEdits } from '../../../../src/core/formats/dotprompt/languageService/schemaDeclarationEdits';
import type { VariableToDeclare } from '../../../../src/core/formats/promptFormat';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { applyTextEdits } from '../../../../src/core/languageService/textEdits';
import { parseSampleFile } from '../../../../src/core/samples/sampleSets';
import { lines } from '../diagnosticExpectations';

const text: VariableToDeclare = { name: 'topic', type: { kind: 'scalar', type: 'string' }, optional: false };
const count: VariableToDeclare = { name: 'count', type: { kind: 'scalar', type: 'integer' }, optional: true };

/** The prompt after declaring the variables, or undefined when no edit is offered. */
function declared(prompt: string, variables: readonly VariableToDeclare[] = [text]): string | undefined {
  const document = parsePromptDocument(prompt, { path: 'p.prompt' });
  const edits = declareVariablesEdits(document, variables);
  return edits && applyTextEdits(createTextDocument(prompt), edits);
}

describe('declaring variables in the input schema', () => {
  it('offers nothing for no variables', () => {
    assert.equal(declared(lines('---', 'model: m', '---', 'x'), []), undefined);
  });

  it('creates the front matter for a prompt without one, with its line breaks, but not for text opening with ---', () => {
    assert.equal(declared('Hi {{topic}}'), lines('---', 'input:', '  schema:', '    topic: string', '---', 'Hi {{topic}}'));
    assert.equal(declared('Hi\r\n{{topic}}'), '---\r\ninput:\r\n  schema:\r\n    topic: string\r\n---\r\nHi\r\n{{topic}}');
    assert.equal(declared(lines('---x', 'Hi')), undefined);
  });

  it('fills front matter that holds only a comment, before the closing fence', () => {
    assert.equal(declared(lines('---', '# note', '---', 'x')), lines('---', '# note', 'input:', '  schema:', '    topic: string', '---', 'x'));
    assert.equal(declared('---\r\n# note\r\n---\r\nx'), '---\r\n# note\r\ninput:\r\n  schema:\r\n    topic: string\r\n---\r\nx');
  });

  it('adds input, schema or the entries where each is missing or empty', () => {
    assert.equal(declared(lines('---', 'model: m', '---', 'x')), lines('---', 'model: m', 'input:', '  schema:', '    topic: string', '---', 'x'));
    assert.equal(declared(lines('---', 'input:', '---', 'x')), lines('---', 'input:', '  schema:', '    topic: string', '---', 'x'));
    assert.equal(declared(lines('---', 'input:', '  default: {a: 1}', '---', 'x')), lines('---', 'input:', '  default: {a: 1}', '  schema:', '    topic: string', '---', 'x'));
    assert.equal(declared(lines('---', 'input:', '  schema:', '---', 'x'), [text, count]), lines('---', 'input:', '  schema:', '    topic: string', '    count?: integer', '---', 'x'));
    assert.equal(declared(lines('---', 'input:', '  schema:', '    a: string', '---', 'x'), [count]), lines('---', 'input:', '  schema:', '    a: string', '    count?: integer', '---', 'x'));
  });

  it('offers nothing when input or the schema cannot take entries', () => {
    assert.equal(declared(lines('---', 'input: [a]', '---', 'x')), undefined);
    assert.equal(declared(lines('---', 'input:', '  schema: Person', '---', 'x')), undefined);
    assert.equal(declared(lines('---', 'input:', '  schema: {type: string}', '---', 'x')), undefined);
    assert.equal(declared(lines('---', 'input: {schema: [a', '---', 'x')), undefined);
  });

  it('writes JSON Schema properties and required names, creating either where missing', () => {
    assert.equal(
      declared(lines('---', 'input:', '  schema:', '    type: object', '---', 'x'), [text, count]),
      lines('---', 'input:', '  schema:', '    type: object', '    properties:', '      topic: {type: string}', '      count: {type: integer}', '    required: [topic]', '---', 'x'),
    );
    assert.equal(
      declared(lines('---', 'input:', '  schema:', '    type: object', '    properties:', '    required: [a]', '---', 'x')),
      lines('---', 'input:', '  schema:', '    type: object', '    properties:', '      topic: {type: string}', '    required: [a, topic]', '---', 'x'),
    );
    assert.equal(
      declared(lines('---', 'input:', '  schema:', '    type: object', '    properties: {a: {type: string}}', '---', 'x'), [count]),
      lines('---', 'input:', '  schema:', '    type: object', '    properties: {a: {type: string}, count: {type: integer}}', '---', 'x'),
    );
  });

  it('offers nothing when JSON Schema properties are not a map', () => {
    assert.equal(declared(lines('---', 'input:', '  schema:', '    type: object', '    properties: [a]', '---', 'x')), undefined);
  });
});

describe('removing a declared variable', () => {
  function removed(prompt: string, name: string, samples?: string) {
    const document = parsePromptDocument(prompt, { path: 'p.prompt' });
    const sampleFile = samples === undefined ? undefined : parseSampleFile('p.samples.yaml', samples);
    const files = removeVariableEdits(document, sampleFile, name);
    return files?.map((file) => [file.path, applyTextEdits(createTextDocument(file.path === 'p.prompt' ? prompt : (samples ?? '')), file.edits)]);
  }

  it('removes the declaration, its default and its sample values', () => {
    const prompt = lines('---', 'input:', '  schema:', '    topic: string', '    a: string', '  default:', '    topic: x', '    a: y', '---', 'x');
    assert.deepEqual(removed(prompt, 'topic', lines('s1:', '  topic: 1', '  a: 2', 's2:', '  a: 3', '')), [
      ['p.prompt', lines('---', 'input:', '  schema:', '    a: string', '  default:', '    a: y', '---', 'x')],
      ['p.samples.yaml', lines('s1:', '  a: 2', 's2:', '  a: 3', '')],
    ]);
  });

  it('touches only the prompt when no sample set holds the variable', () => {
    const prompt = lines('---', 'input:', '  schema:', '    topic: string', '    a: string', '  default: {a: y}', '---', 'x');
    assert.deepEqual(removed(prompt, 'topic', lines('s1:', '  a: 2', '')), [['p.prompt', lines('---', 'input:', '  schema:', '    a: string', '  default: {a: y}', '---', 'x')]]);
  });

  it('removes a JSON Schema property with its required name', () => {
    const prompt = lines('---', 'input:', '  schema:', '    type: object', '    properties:', '      topic: {type: string}', '      a: {type: string}', '    required: [topic, a]', '---', 'x');
    assert.deepEqual(removed(prompt, 'topic'), [['p.prompt', lines('---', 'input:', '  schema:', '    type: object', '    properties:', '      a: {type: string}', '    required: [a]', '---', 'x')]]);
  });

  it('offers nothing for a name that is not declared or a schema that is not an object', () => {
    assert.equal(removed(lines('---', 'input:', '  schema:', '    a: string', '---', 'x'), 'topic'), undefined);
    assert.equal(removed(lines('---', 'input:', '  schema: string', '---', 'x'), 'topic'), undefined);
    assert.equal(removed('Hi {{topic}}', 'topic'), undefined);
  });
});
