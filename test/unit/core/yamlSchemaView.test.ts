import * as assert from 'node:assert/strict';
import { isParsedNode } from '../../../src/core/document/yamlSource';
import { createTextDocument } from '../../../src/core/document/textDocument';
import { parseYamlSource } from '../../../src/core/document/yamlSource';
import { yamlSchemaView, type SchemaNodeView } from '../../../src/core/schema/schemaNodeView';

function viewOf(text: string): SchemaNodeView {
  const source = parseYamlSource('s.yaml', createTextDocument(text), 0, text);
  const root = source.yaml.contents;
  return yamlSchemaView(source, isParsedNode(root) ? root : null);
}

describe('a schema read from YAML', () => {
  it('reads maps and lists 64 levels deep and stops below that, as an empty value', () => {
    const levels = 70;
    const text = Array.from({ length: levels }, (_, depth) => `${'  '.repeat(depth)}a:`).join('\n') + ' leaf\n';
    let view: SchemaNodeView | undefined = viewOf(text);
    const kinds: string[] = [];
    while (view && kinds.length <= levels) {
      kinds.push(view.kind);
      view = view.get('a');
    }
    assert.equal(kinds.lastIndexOf('map'), 64, 'the view at depth 64 is still a map');
    assert.equal(kinds[65], 'null', 'below it, nothing is read');
    assert.equal(kinds.length, 66);
    let list: SchemaNodeView | undefined = viewOf(`${'['.repeat(levels)}1${']'.repeat(levels)}\n`);
    const listKinds: string[] = [];
    while (list && listKinds.length <= levels) {
      listKinds.push(list.kind);
      list = list.items()[0];
    }
    assert.deepEqual([listKinds.lastIndexOf('seq'), listKinds[65], listKinds.length], [64, 'null', 66], 'lists nest to the same depth');
  });

  it('reads the items of a list with their ranges, and an alias as the node it stands for', () => {
    const view = viewOf('base: &b {type: string}\nlist: [1, two]\ncopy: *b\n');
    assert.deepEqual(view.get('list')?.items().map((item) => [item.kind, item.scalar, item.range?.start.character]), [
      ['number', 1, 7],
      ['string', 'two', 10],
    ]);
    assert.equal(view.get('copy')?.get('type')?.scalar, 'string');
    assert.deepEqual(view.get('copy')?.plain(), { type: 'string' });
  });
});
