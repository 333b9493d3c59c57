import * as assert from 'node:assert/strict';
import type { ParsedNode } from 'yaml';
import { findSchemaKey, inputSchemaYaml, isEmptyValue } from '../../../../src/core/formats/dotprompt/languageService/inputSchemaYaml';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { isParsedNode, yamlNodeOffsets, type YamlSource } from '../../../../src/core/document/yamlSource';
import { lines, span } from '../diagnosticExpectations';

function yamlOf(...frontMatter: string[]) {
  return inputSchemaYaml(parsePromptDocument(lines('---', ...frontMatter, '---', 'x'), { path: 'p.prompt' }));
}

/** The source text of a node, as the user wrote it (first line only). */
function textOf(source: YamlSource, node: ParsedNode | null | undefined): string | undefined {
  if (!node) return undefined;
  const { start, end } = yamlNodeOffsets(source, node);
  return source.document.text.slice(start, end).split('\n')[0];
}

describe('the input section of a prompt’s YAML', () => {
  it('finds input, input.schema and input.default', () => {
    const found = yamlOf('model: m', 'input:', '  schema: {a: string}', '  default: {a: hi}');
    assert.ok(found);
    assert.equal(textOf(found.source, found.input?.keyNode), 'input');
    assert.equal(textOf(found.source, found.schema?.value), '{a: string}');
    assert.equal(textOf(found.source, found.defaults?.value), '{a: hi}');
    assert.equal(textOf(found.source, found.root), 'model: m');
  });

  it('has no schema or default when input is missing or not a map', () => {
    for (const frontMatter of [['model: m'], ['input: text'], ['input:']]) {
      const found = yamlOf(...frontMatter);
      assert.equal(found?.schema, undefined, frontMatter.join());
      assert.equal(found?.defaults, undefined, frontMatter.join());
    }
    assert.equal(yamlOf('model: m')?.input, undefined);
    assert.equal(yamlOf('input: text')?.input?.key, 'input');
  });

  it('has a null root for front matter holding only a comment, and nothing for front matter that does not parse or is absent', () => {
    const found = yamlOf('# only a comment');
    assert.ok(found);
    assert.equal(found.root, null);
    assert.equal(found.input, undefined);
    assert.equal(yamlOf('input: [unclosed'), undefined);
    assert.equal(inputSchemaYaml(parsePromptDocument('Hello', { path: 'p.prompt' })), undefined);
  });
});

describe('an empty YAML value', () => {
  it('is no node, or a scalar that is null or an empty string, and nothing else', () => {
    const found = yamlOf('a:', 'b: ~', 'c: ""', 'd: 0', 'e: false', 'f: {}', 'g: []', 'h: " "');
    const root = found?.root;
    assert.ok(root && 'items' in root);
    const values = (root.items as { value: unknown }[]).map((pair) => (isParsedNode(pair.value) ? pair.value : null));
    assert.deepEqual(values.map((value) => isEmptyValue(value)), [true, true, true, false, false, false, false, false]);
    assert.equal(isEmptyValue(null), true);
    assert.equal(isEmptyValue(undefined), true);
  });
});

describe('finding a schema key by where it is written', () => {
  const frontMatter = [
    'input:',
    '  schema:',
    '    type: object',
    '    properties:',
    '      name: {type: string}',
    '      tags:',
    '        - {label: x}',
    '    required: [name]',
  ];

  function find(line: number, character: number) {
    const found = yamlOf(...frontMatter);
    assert.ok(found);
    const location = findSchemaKey(found.source, found.schema?.value, span(line, character, line, character));
    return location && { key: textOf(found.source, location.keyNode), map: textOf(found.source, location.map), owner: textOf(found.source, location.owner) };
  }

  it('finds a property key and names the object schema that owns it', () => {
    // Line 5 of the prompt is `      name: {type: string}`.
    assert.deepEqual(find(5, 6), { key: 'name', map: 'name: {type: string}', owner: 'type: object' });
  });

  it('finds a key outside properties with no owner, including one inside a list item', () => {
    assert.deepEqual(find(3, 4), { key: 'type', map: 'type: object', owner: undefined });
    assert.deepEqual(find(7, 11), { key: 'label', map: '{label: x}', owner: undefined });
    assert.deepEqual(find(5, 13), { key: 'type', map: '{type: string}', owner: undefined });
  });

  it('finds nothing where no key starts', () => {
    assert.equal(find(5, 7), undefined);
    assert.equal(find(8, 15), undefined);
  });

  it('looks 64 maps deep and no deeper', () => {
    const nested = Array.from({ length: 70 }, (_, depth) => `${'  '.repeat(depth + 2)}k${depth}:`);
    const found = yamlOf('input:', '  schema:', ...nested.map((line, depth) => (depth === 69 ? `${line} x` : line)));
    assert.ok(found);
    // The key k<d> is written on prompt line 3 + d, after 2 * (d + 2) spaces.
    const at = (depth: number) => findSchemaKey(found.source, found.schema?.value, span(3 + depth, 2 * (depth + 2), 3 + depth, 2 * (depth + 2)));
    assert.equal(textOf(found.source, at(64)?.keyNode), 'k64');
    assert.equal(at(65), undefined);
  });
});
