import * as assert from 'node:assert/strict';
import type { ParsedNode } from 'yaml';
import { createTextDocument } from '../../../src/core/document/textDocument';
import { describeValue, describeYamlNode, maxYamlItems, parseYamlSource, yamlMapEntries, yamlMapGet, yamlNodeOffsets, yamlNodeRange } from '../../../src/core/document/yamlSource';

describe('reading YAML inside a prompt file', () => {
  it('refuses YAML of more lines and items than it reads, in one sentence at its start, without parsing it', () => {
    const yaml = `items: [${'1,'.repeat(maxYamlItems)}1]\n`;
    const text = `---\n${yaml}---\nHello\n`;
    const source = parseYamlSource('big.prompt', createTextDocument(text), 4, yaml);
    assert.equal(source.hasErrors, true);
    assert.deepEqual(
      source.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message, diagnostic.range]),
      [['yaml-syntax', 'This YAML has more than 200000 lines and items, which PromptOps does not read.', { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }]],
    );
    assert.equal(source.yaml.contents, null, 'nothing of it was parsed');
  });

  it('reads YAML under the limit', () => {
    const yaml = `items: [${'1,'.repeat(1000)}1]\n`;
    const source = parseYamlSource('ok.prompt', createTextDocument(yaml), 0, yaml);
    assert.deepEqual([source.hasErrors, source.diagnostics], [false, []]);
  });

  it('describes a value by its kind for messages', () => {
    const cases: [unknown, string][] = [
      [null, 'empty'],
      [undefined, 'empty'],
      [[1], 'a list'],
      ['x', 'a string'],
      [5, 'a number'],
      [10n, 'a number'],
      [false, 'a boolean'],
      [{ a: 1 }, 'a map'],
      [() => 1, 'function'],
    ];
    for (const [value, description] of cases) assert.equal(describeValue(value), description, String(value));
  });
});

/** The diagnostics of YAML read on its own, as [severity, message, start offset, end offset, the text they mark]. */
function yamlFindings(text: string): [string, string, number, number, string][] {
  const document = createTextDocument(text);
  return parseYamlSource('p.yaml', document, 0, text).diagnostics.map((diagnostic) => {
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    return [diagnostic.severity, diagnostic.message, start, end, text.slice(start, end)];
  });
}

describe('reading YAML inside a prompt file: how much it reads', () => {
  it('reads a long value on one line, however many characters it has', () => {
    const yaml = `note: "${'x'.repeat(maxYamlItems + 10)}"\n`;
    const source = parseYamlSource('long.prompt', createTextDocument(yaml), 0, yaml);
    assert.deepEqual([source.hasErrors, source.diagnostics], [false, []]);
  });

  it('reads YAML of exactly as many lines as it reads at most', () => {
    const yaml = `#${'\n'.repeat(maxYamlItems)}`;
    const source = parseYamlSource('edge.prompt', createTextDocument(yaml), 0, yaml);
    assert.deepEqual([source.hasErrors, source.diagnostics], [false, []]);
  });

  it('refuses YAML of more lines than it reads, even when a line break or a comma comes first', () => {
    for (const yaml of [`\n${'a\n'.repeat(maxYamlItems)}`, `,${'\n'.repeat(maxYamlItems)}`]) {
      const source = parseYamlSource('big.prompt', createTextDocument(yaml), 0, yaml);
      assert.deepEqual(source.diagnostics.map((diagnostic) => diagnostic.message), ['This YAML has more than 200000 lines and items, which PromptOps does not read.']);
    }
  });

  it('explains YAML nested too deeply to read, over the whole YAML', () => {
    const yaml = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    const text = `---\n${yaml}\n---\n`;
    const document = createTextDocument(text);
    const source = parseYamlSource('deep.prompt', document, 4, yaml);
    assert.equal(source.hasErrors, true);
    assert.deepEqual(
      source.diagnostics.map((diagnostic) => [diagnostic.message, document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end)]),
      [['The YAML cannot be read: it is nested too deeply.', 4, 6004]],
    );
  });
});

describe('reading YAML inside a prompt file: where its mistakes are marked', () => {
  it('marks the last character written when a flow list is left open, past trailing blank lines', () => {
    const message = 'Flow sequence in block collection must be sufficiently indented and end with a ].';
    assert.deepEqual(yamlFindings('a: [1, 2'), [['error', message, 7, 8, '2']]);
    assert.deepEqual(yamlFindings('a: [1, 2   \n\n'), [['error', message, 7, 8, '2']]);
    assert.deepEqual(yamlFindings('['), [['error', 'Flow sequence must end with a ].', 0, 1, '[']]);
  });

  it('marks the character before an unclosed quote ends the text', () => {
    assert.deepEqual(yamlFindings('a: "unterminated\n'), [['error', 'Missing closing "quote.', 15, 16, 'd']]);
  });

  it('widens a one-character mark to the whole plain word it starts', () => {
    assert.deepEqual(yamlFindings('a: @xyz\n'), [['error', 'Plain value cannot start with reserved character @.', 3, 7, '@xyz']]);
    assert.deepEqual(yamlFindings('a: b: c\n'), [['error', 'Nested mappings are not allowed in compact mappings.', 3, 4, 'b']]);
  });

  it('keeps a mark of several characters as yaml gives it, and a one-character mark on a space as is', () => {
    assert.deepEqual(yamlFindings('a: 1\n a2: 2\n'), [
      ['error', 'Nested mappings are not allowed in compact mappings.', 3, 4, '1'],
      ['error', 'Implicit keys need to be on a single line.', 3, 8, '1\n a2'],
    ]);
    assert.deepEqual(yamlFindings('a:\n  - 1\n  b: 2\n'), [['error', 'All mapping items must start at the same column.', 9, 10, ' ']]);
  });

  it('reports an unknown tag or directive as a warning sentence, and the YAML as still readable', () => {
    assert.deepEqual(yamlFindings('a: !foo x\n'), [['warning', 'Unresolved tag: !foo.', 3, 7, '!foo']]);
    assert.deepEqual(yamlFindings('%FOO bar\n---\na: 1\n'), [['warning', 'Unknown directive %FOO.', 0, 8, '%FOO bar']]);
    const text = 'a: !foo x\n';
    assert.equal(parseYamlSource('p.yaml', createTextDocument(text), 0, text).hasErrors, false);
  });
});

describe('reading YAML inside a prompt file: repeated keys', () => {
  it('tells a number key from the same digits quoted as a string', () => {
    assert.deepEqual(yamlFindings('1: a\n"1": b\n'), []);
    const wide = ['1: a', '"1": b', 'c: 1', 'd: 1', 'e: 1', 'f: 1', 'g: 1', 'h: 1', 'i: 1', ''].join('\n');
    assert.deepEqual(yamlFindings(wide), []);
  });

  it('finds a key repeated in a wide map, at the repeat', () => {
    const wide = ['a: 1', 'b: 1', 'c: 1', 'd: 1', 'e: 1', 'f: 1', 'g: 1', 'h: 1', 'b: 2', ''].join('\n');
    assert.deepEqual(yamlFindings(wide), [['error', 'Map keys must be unique.', 40, 41, 'b']]);
  });

  it('finds a key repeated inside a map used as a key, and inside a pair written in a flow list', () => {
    assert.deepEqual(yamlFindings('? {a: 1, a: 2}\n: x\n'), [['error', 'Map keys must be unique.', 9, 10, 'a']]);
    assert.deepEqual(yamlFindings('[a: {b: 1, b: 2}]\n'), [['error', 'Map keys must be unique.', 11, 12, 'b']]);
    assert.deepEqual(yamlFindings('!!pairs [{b: 1, b: 2}: x]'), [['error', 'Map keys must be unique.', 16, 17, 'b']]);
  });
});

describe('reading YAML inside a prompt file: nodes, entries and their ranges', () => {
  const text = '---\na:\n  b: 1\n  c: 2\n\nd: \n[k]: 3\n5: five\ne: *x\n---\n';
  const yaml = text.slice(4, text.length - 4);
  const source = parseYamlSource('p.prompt', createTextDocument(text), 4, yaml);

  it('lists a map\'s entries with scalar keys in order, skipping other keys, numbers as text', () => {
    assert.deepEqual(
      yamlMapEntries(source.yaml.contents).map((entry) => entry.key),
      ['a', 'd', '5', 'e'],
    );
    assert.deepEqual(yamlMapEntries(yamlMapGet(source.yaml.contents, 'a')?.value).map((entry) => entry.key), ['b', 'c']);
  });

  it('finds an entry by its key, and nothing in a value that is not a map', () => {
    assert.equal(yamlMapGet(source.yaml.contents, '5')?.key, '5');
    assert.equal(yamlMapGet(source.yaml.contents, 'missing'), undefined);
    assert.equal(yamlMapGet(yamlMapGet(source.yaml.contents, 'a')?.value, 'c')?.key, 'c');
    assert.equal(yamlMapGet(yamlMapGet(source.yaml.contents, '5')?.value, 'five'), undefined);
    assert.deepEqual(yamlMapEntries(yamlMapGet(source.yaml.contents, '5')?.value), []);
  });

  it('gives a block map value\'s range without the line breaks after it, and an empty value\'s as empty', () => {
    const block = yamlMapGet(source.yaml.contents, 'a')?.value;
    assert.ok(block);
    assert.deepEqual(yamlNodeOffsets(source, block), { start: 9, end: 20 });
    assert.equal(text.slice(9, 20), 'b: 1\n  c: 2');
    const empty = yamlMapGet(source.yaml.contents, 'd')?.value;
    assert.ok(empty);
    assert.deepEqual(yamlNodeOffsets(source, empty), { start: 25, end: 25 });
  });

  it('gives a missing node the empty range where the YAML starts', () => {
    assert.deepEqual(yamlNodeRange(source, null), { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
    assert.deepEqual(yamlNodeRange(source, yamlMapGet(source.yaml.contents, '5')?.value), { start: { line: 7, character: 3 }, end: { line: 7, character: 7 } });
  });

  it('describes a node by its kind for messages', () => {
    const get = (key: string): ParsedNode | null | undefined => yamlMapGet(source.yaml.contents, key)?.value;
    assert.deepEqual(
      [describeYamlNode(source.yaml.contents), describeYamlNode(get('a')), describeYamlNode(get('5')), describeYamlNode(get('e')), describeYamlNode(undefined), describeYamlNode(null), describeYamlNode(get('d'))],
      ['a map', 'a map', 'a string', 'an alias', 'empty', 'empty', 'empty'],
    );
    const list = '[1]';
    assert.equal(describeYamlNode(parseYamlSource('p.yaml', createTextDocument(list), 0, list).yaml.contents), 'a list');
  });
});
