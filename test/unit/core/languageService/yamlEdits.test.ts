import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { createTextDocument } from '../../../../src/core/document/textDocument';
import { isParsedNode, parseYamlSource, type YamlSource } from '../../../../src/core/document/yamlSource';
import { applyTextEdits, type TextEdit } from '../../../../src/core/languageService/textEdits';
import { appendSeqValue, deleteMapEntry, deleteSeqItem, deleteSeqValue, insertMapEntry, nameInScalar, type YamlEntryText } from '../../../../src/core/languageService/yamlEdits';

/** The YAML source and the node at a key path (`['a', 'b']`) in it. */
function nodeAt(text: string, path: readonly string[]) {
  const source = parseYamlSource('s.yaml', createTextDocument(text), 0, text);
  const node: unknown = path.length === 0 ? source.yaml.contents : source.yaml.getIn(path, true);
  assert.ok(isParsedNode(node), `a node at ${path.join('.')}`);
  return { source, node };
}

function after(source: YamlSource, edit: TextEdit | undefined): string | undefined {
  return edit ? applyTextEdits(source.document, [edit]) : undefined;
}

const entry = (key: string, value: string): YamlEntryText => ({ block: [{ level: 0, text: `${key}: ${value}` }], flow: `${key}: ${value}` });

describe('YAML edits that keep the rest of the file as written', () => {
  it('appends to a list in its own style: flow with items, empty flow, block at its indentation', () => {
    const flow = nodeAt('required: [a, b] # keep\n', ['required']);
    assert.equal(after(flow.source, appendSeqValue(flow.source, flow.node, 'c')), 'required: [a, b, c] # keep\n');
    const empty = nodeAt('required: []\nnext: 1\n', ['required']);
    assert.equal(after(empty.source, appendSeqValue(empty.source, empty.node, 'c')), 'required: [c]\nnext: 1\n');
    const block = nodeAt('required:\n    - a\n    - b\nnext: 1', ['required']);
    assert.equal(after(block.source, appendSeqValue(block.source, block.node, 'c')), 'required:\n    - a\n    - b\n    - c\nnext: 1');
    const last = nodeAt('required:\n  - a', ['required']);
    assert.equal(after(last.source, appendSeqValue(last.source, last.node, 'b')), 'required:\n  - a\n  - b', 'at the end of a file without a final line break');
    const map = nodeAt('m: {a: 1}\n', ['m']);
    assert.equal(appendSeqValue(map.source, map.node, 'x'), undefined, 'not a list');
  });

  it('removes a list item by value or index, with its comma or its whole line', () => {
    const flow = nodeAt('r: [a, b, c]\n', ['r']);
    assert.equal(after(flow.source, deleteSeqValue(flow.source, flow.node, 'b')), 'r: [a, c]\n');
    assert.equal(after(flow.source, deleteSeqValue(flow.source, flow.node, 'a')), 'r: [b, c]\n');
    assert.equal(after(flow.source, deleteSeqItem(flow.source, flow.node, 2)), 'r: [a, b]\n');
    assert.equal(deleteSeqValue(flow.source, flow.node, 'z'), undefined);
    assert.equal(deleteSeqItem(flow.source, flow.node, 3), undefined);
    assert.equal(deleteSeqItem(flow.source, flow.node, -1), undefined);
    const block = nodeAt('r:\n  - a\n  - b\nend: 1\n', ['r']);
    assert.equal(after(block.source, deleteSeqValue(block.source, block.node, 'a')), 'r:\n  - b\nend: 1\n');
    const only = nodeAt('r:\n  - a\nend: 1\n', ['r']);
    assert.equal(after(only.source, deleteSeqValue(only.source, only.node, 'a')), 'r:\n  []\nend: 1\n', 'a block list cannot be empty, so it becomes []');
    const lastLine = nodeAt('r:\n  - a\n  - b', ['r']);
    assert.equal(after(lastLine.source, deleteSeqValue(lastLine.source, lastLine.node, 'b')), 'r:\n  - a');
  });

  it('adds and removes map entries in the map\'s own style', () => {
    const flow = nodeAt('m: {a: 1}\n', ['m']);
    assert.equal(after(flow.source, insertMapEntry(flow.source, flow.node, entry('b', '2'))), 'm: {a: 1, b: 2}\n');
    const emptyFlow = nodeAt('m: {}\n', ['m']);
    assert.equal(after(emptyFlow.source, insertMapEntry(emptyFlow.source, emptyFlow.node, entry('b', '2'))), 'm: {b: 2}\n');
    const block = nodeAt('m:\n   a: 1\nz: 0\n', ['m']);
    assert.equal(after(block.source, insertMapEntry(block.source, block.node, entry('b', '2'))), 'm:\n   a: 1\n   b: 2\nz: 0\n');
    assert.equal(after(block.source, deleteMapEntry(block.source, block.node, 'a')), 'm:\n   {}\nz: 0\n');
    assert.equal(after(flow.source, deleteMapEntry(flow.source, flow.node, 'a')), 'm: {}\n');
    assert.equal(deleteMapEntry(flow.source, flow.node, 'nope'), undefined);
  });

  it('finds a name inside a scalar as written, quotes left out', () => {
    const quoted = nodeAt('"na me": 1\n', []);
    const key = quoted.source.yaml.contents && 'items' in quoted.source.yaml.contents ? (quoted.source.yaml.contents.items[0] as { key: unknown }).key : undefined;
    assert.deepEqual(nameInScalar(quoted.source, key, 'na me'), { start: { line: 0, character: 1 }, end: { line: 0, character: 6 } });
    assert.equal(nameInScalar(quoted.source, key, 'absent'), undefined);
    assert.equal(nameInScalar(quoted.source, key, ''), undefined);
  });

  it('leaves YAML that still parses, to the same data plus the new item, for any flow list', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 5 }), fc.constantFrom('x', 'y'), (items, added) => {
        const text = `r: [${items.join(', ')}]\n`;
        const list = nodeAt(text, ['r']);
        const changed = after(list.source, appendSeqValue(list.source, list.node, added));
        assert.deepEqual(parseDocument(changed ?? '').toJS(), { r: [...items, added] });
        if (items.length > 0) {
          const removed = after(list.source, deleteSeqItem(list.source, list.node, 0));
          assert.deepEqual(parseDocument(removed ?? '').toJS(), { r: items.slice(1) });
        }
      }),
    );
  });
});
