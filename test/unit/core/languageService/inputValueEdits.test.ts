import * as assert from 'node:assert/strict';
import type { ParsedNode } from 'yaml';
import { createTextDocument } from '../../../../src/core/document/textDocument';
import { isParsedNode, parseYamlSource, yamlNodeOffsets, type YamlSource } from '../../../../src/core/document/yamlSource';
import { nodeAtDataPath, nodesAt, parseDataPath, renameKeyEdits } from '../../../../src/core/languageService/inputValueEdits';
import { applyTextEdits } from '../../../../src/core/languageService/textEdits';

function parsed(text: string): { source: YamlSource; root: ParsedNode | null } {
  const source = parseYamlSource('s.yaml', createTextDocument(text), 0, text);
  const root = source.yaml.contents;
  return { source, root: isParsedNode(root) ? root : null };
}

function textOf(source: YamlSource, node: ParsedNode | undefined): string | undefined {
  if (!node) return undefined;
  const { start, end } = yamlNodeOffsets(source, node);
  return source.document.text.slice(start, end);
}

const data = 'customer: {name: Ann}\nitems:\n  - {title: a, "name": x}\n  - {title: b}\n  - plain\nby: {x: {name: 1}, y: {name: 2}}\n';

describe('input values addressed by steps', () => {
  it('follows a key, every list item and every map value', () => {
    const { source, root } = parsed(data);
    const at = (steps: Parameters<typeof nodesAt>[1]) => nodesAt(root, steps).map(({ key, value }) => [textOf(source, key), textOf(source, value)]);
    assert.deepEqual(at([{ kind: 'key', name: 'customer' }, { kind: 'key', name: 'name' }]), [['name', 'Ann']]);
    assert.deepEqual(at([{ kind: 'key', name: 'items' }, { kind: 'items' }, { kind: 'key', name: 'title' }]), [['title', 'a'], ['title', 'b']]);
    assert.deepEqual(at([{ kind: 'key', name: 'items' }, { kind: 'items' }]), [[undefined, '{title: a, "name": x}'], [undefined, '{title: b}'], [undefined, 'plain']]);
    assert.deepEqual(at([{ kind: 'key', name: 'by' }, { kind: 'values' }, { kind: 'key', name: 'name' }]), [['name', '1'], ['name', '2']]);
    assert.deepEqual(at([]), []);
    assert.deepEqual(at([{ kind: 'items' }]), [], 'a map has no items');
    assert.deepEqual(at([{ kind: 'key', name: 'customer' }, { kind: 'key', name: 'name' }, { kind: 'key', name: 'deeper' }]), []);
  });

  it('renames a key everywhere the steps lead, keeping its quotes', () => {
    const { source, root } = parsed(data);
    const edits = renameKeyEdits(source, root, [{ kind: 'key', name: 'items' }, { kind: 'items' }, { kind: 'key', name: 'name' }], 'name', 'label');
    assert.equal(applyTextEdits(source.document, edits).split('\n')[2], '  - {title: a, "label": x}');
    assert.equal(edits.length, 1);
    assert.deepEqual(renameKeyEdits(source, root, [{ kind: 'key', name: 'items' }, { kind: 'items' }], 'x', 'y'), [], 'list items have no key to rename');
  });
});

describe('data paths as sample diagnostics write them', () => {
  it('splits keys and list indexes', () => {
    assert.deepEqual(parseDataPath('items[0].title'), ['items', 0, 'title']);
    assert.deepEqual(parseDataPath('customer.name'), ['customer', 'name']);
    assert.deepEqual(parseDataPath('grid[12][3]'), ['grid', 12, 3]);
    assert.deepEqual(parseDataPath(''), []);
  });

  it('leads to the value at the path, or nothing where the path leaves the data', () => {
    const { source, root } = parsed(data);
    assert.equal(textOf(source, nodeAtDataPath(root, ['items', 1, 'title'])), 'b');
    assert.equal(textOf(source, nodeAtDataPath(root, ['customer', 'name'])), 'Ann');
    assert.equal(textOf(source, nodeAtDataPath(root, [])), data.trimEnd());
    assert.equal(nodeAtDataPath(root, ['items', 9]), undefined);
    assert.equal(nodeAtDataPath(root, ['customer', 0]), undefined);
    assert.equal(nodeAtDataPath(root, ['items', 2, 'title']), undefined);
    assert.equal(nodeAtDataPath(root, ['missing']), undefined);
  });
});
