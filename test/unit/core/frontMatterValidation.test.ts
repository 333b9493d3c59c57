import * as assert from 'node:assert/strict';
import { createTextDocument } from '../../../src/core/document/textDocument';
import { parseYamlSource } from '../../../src/core/document/yamlSource';
import { validateFrontMatter } from '../../../src/core/formats/dotprompt/frontMatterValidation';
import { lines } from './diagnosticExpectations';

/** Each problem as [start line, start character, end line, end character, severity, message]. */
function problems(text: string): [number, number, number, number, string, string][] {
  const source = parseYamlSource('p.prompt', createTextDocument(text), 0, text);
  return validateFrontMatter(source).diagnostics.map((d) => {
    assert.equal(d.code, 'front-matter-schema');
    assert.equal(d.file, 'p.prompt');
    return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, d.message];
  });
}

/** The fields found, as key → the value's source text. */
function fields(text: string): Record<string, string> {
  const source = parseYamlSource('p.prompt', createTextDocument(text), 0, text);
  const found = validateFrontMatter(source).fields;
  const out: Record<string, string> = {};
  for (const [name, entry] of Object.entries(found)) {
    if (entry) out[name] = `${entry.key}=${entry.value ? text.slice(entry.value.range[0], entry.value.range[1]).trim() : ''}`;
  }
  return out;
}

const mustBeMap = 'The front matter must be a map of fields such as model and input, not';

describe('front matter shape checks', () => {
  it('accepts no front matter or an empty value, and refuses a list or a string at the whole front matter', () => {
    assert.deepEqual(problems(''), []);
    assert.deepEqual(problems('~'), []);
    assert.deepEqual(problems(lines('- a', '- b')), [[0, 0, 1, 3, 'error', `${mustBeMap} a list.`]]);
    assert.deepEqual(problems('hello'), [[0, 0, 0, 5, 'error', `${mustBeMap} a string.`]]);
  });

  it('names each text field that holds something other than a string, at its value', () => {
    assert.deepEqual(problems(lines('name: 1', 'variant: [a]', 'version: {a: 1}', 'description: true', 'model: 2')), [
      [0, 6, 0, 7, 'error', "'name' must be a string, not a number."],
      [1, 9, 1, 12, 'error', "'variant' must be a string, not a list."],
      [2, 9, 2, 15, 'error', "'version' must be a string, not a map."],
      [3, 13, 3, 17, 'error', "'description' must be a string, not a boolean."],
      [4, 7, 4, 8, 'error', "'model' must be a string, not a number."],
    ]);
  });

  it('marks an empty text field at its key when no value is written, and at the colon when one is left blank', () => {
    assert.deepEqual(problems(lines('? name', 'model:', '')), [
      [0, 2, 0, 6, 'error', "'name' must be a string, not empty."],
      [1, 6, 1, 6, 'error', "'model' must be a string, not empty."],
    ]);
  });

  it('accepts extension fields, keys dotprompt keeps in raw, and strings where strings belong', () => {
    assert.deepEqual(problems(lines('x.y: 1', 'maxTurns: [3]', 'name: ok', 'model: googleai/x')), []);
  });

  it('accepts config as a map or left empty, and refuses a string or a list', () => {
    for (const text of ['config: {a: 1}', 'config: ~', 'config:']) assert.deepEqual(problems(text), [], text);
    assert.deepEqual(problems('config: fast'), [[0, 8, 0, 12, 'error', "'config' must be a map of model settings, not a string."]]);
    assert.deepEqual(problems('config: [1]'), [[0, 8, 0, 11, 'error', "'config' must be a map of model settings, not a list."]]);
  });

  it('marks every tool that is not a name, and a tools field that is not a list', () => {
    assert.deepEqual(problems('tools: [search, 3, {a: 1}, [x]]'), [
      [0, 16, 0, 17, 'error', "Each entry of 'tools' must be a tool name, not a number."],
      [0, 19, 0, 25, 'error', "Each entry of 'tools' must be a tool name, not a map."],
      [0, 27, 0, 30, 'error', "Each entry of 'tools' must be a tool name, not a list."],
    ]);
    assert.deepEqual(problems('tools:'), []);
    assert.deepEqual(problems('tools: search'), [[0, 7, 0, 13, 'error', "'tools' must be a list of tool names, not a string."]]);
    assert.deepEqual(problems('tools: {a: 1}'), [[0, 7, 0, 13, 'error', "'tools' must be a list of tool names, not a map."]]);
  });

  it('accepts toolDefs as a list or left empty, and refuses a map or a string', () => {
    assert.deepEqual(problems('toolDefs: [a]'), []);
    assert.deepEqual(problems('toolDefs:'), []);
    assert.deepEqual(problems('toolDefs: {a: 1}'), [[0, 10, 0, 16, 'error', "'toolDefs' must be a list of tool definitions, not a map."]]);
    assert.deepEqual(problems('toolDefs: x'), [[0, 10, 0, 11, 'error', "'toolDefs' must be a list of tool definitions, not a string."]]);
  });

  it('checks output.format and output.schema, ignores other output keys, and refuses an output that is not a map', () => {
    assert.deepEqual(problems('output: {format: 1, schema: [a], extra: [1]}'), [
      [0, 17, 0, 18, 'error', "'output.format' must be a string such as json or text, not a number."],
      [0, 28, 0, 31, 'error', "'output.schema' must be a Picoschema map, a JSON Schema or a type name, not a list."],
    ]);
    assert.deepEqual(problems(lines('output:', '  format:', '  schema:', '')), [[1, 9, 1, 9, 'error', "'output.format' must be a string such as json or text, not empty."]]);
    assert.deepEqual(problems(lines('output:', '  ? format', '  ? schema', '')), [[1, 4, 1, 10, 'error', "'output.format' must be a string such as json or text, not empty."]]);
    assert.deepEqual(problems('output: {format: json, extra: 1}'), []);
    assert.deepEqual(problems('output:'), []);
    assert.deepEqual(problems('output: json'), [[0, 8, 0, 12, 'error', "'output' must be a map with format and schema, not a string."]]);
    assert.deepEqual(problems('output: [a]'), [[0, 8, 0, 11, 'error', "'output' must be a map with format and schema, not a list."]]);
  });

  it('hands on an output schema written as a map or a type name, and nothing else', () => {
    assert.deepEqual(fields('output: {format: json, schema: {a: string}}'), { outputSchema: 'schema={a: string}' });
    assert.deepEqual(fields('output: {schema: Person}'), { outputSchema: 'schema=Person' });
    assert.deepEqual(fields('output: {schema: [a]}'), {});
    assert.deepEqual(fields('output: {schema: 3}'), {});
  });

  it('refuses an input that is not a map, and accepts one left empty', () => {
    assert.deepEqual(problems('input:'), []);
    assert.deepEqual(problems('input: x'), [[0, 7, 0, 8, 'error', "'input' must be a map with schema and default, not a string."]]);
    assert.deepEqual(problems('input: [a]'), [[0, 7, 0, 10, 'error', "'input' must be a map with schema and default, not a list."]]);
  });

  it('warns about unknown input keys and refuses a schema or default of the wrong kind', () => {
    assert.deepEqual(problems(lines('input:', '  defaults: {a: 1}', '  schema: [a]', '  default: x')), [
      [1, 2, 1, 10, 'warning', "'input.defaults' is not a dotprompt field and is ignored; input takes schema and default."],
      [2, 10, 2, 13, 'error', "'input.schema' must be a Picoschema map, a JSON Schema or a type name, not a list."],
      [3, 11, 3, 12, 'error', "'input.default' must be a map from variable name to value, not a string."],
    ]);
    assert.deepEqual(problems(lines('input:', '  schema:', '  default: [1]')), [
      [2, 11, 2, 14, 'error', "'input.default' must be a map from variable name to value, not a list."],
    ]);
    assert.deepEqual(problems(lines('input:', '  schema: 5')), [
      [1, 10, 1, 11, 'error', "'input.schema' must be a Picoschema map, a JSON Schema or a type name, not a number."],
    ]);
    assert.deepEqual(problems(lines('input:', '  ? schema', '  ? default')), []);
  });

  it('hands on the input schema (map or type name) and a default map, and leaves out what is empty or wrong', () => {
    assert.deepEqual(fields(lines('input:', '  schema: Person', '  default: {a: 1}')), { inputSchema: 'schema=Person', inputDefault: 'default={a: 1}' });
    assert.deepEqual(fields(lines('input:', '  schema: {a: string}', '  default:')), { inputSchema: 'schema={a: string}' });
    assert.deepEqual(fields(lines('input:', '  schema: [a]', '  default: x', '  defaults: {a: 1}')), {});
    assert.deepEqual(fields('input: x'), {});
  });
});
