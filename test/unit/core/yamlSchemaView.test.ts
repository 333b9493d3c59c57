import * as assert from 'node:assert/strict';
import { isParsedNode } from '../../../src/core/document/yamlSource';
import { createTextDocument } from '../../../src/core/document/textDocument';
import { parseYamlSource } from '../../../src/core/document/yamlSource';
import { plainSchemaView, schemaViewAt, yamlSchemaView, type SchemaNodeView } from '../../../src/core/schema/schemaNodeView';

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

function sourceOf(text: string) {
  return parseYamlSource('s.yaml', createTextDocument(text), 0, text);
}

/** A range as [start line, start character, end line, end character]. */
function at(range: { start: { line: number; character: number }; end: { line: number; character: number } } | undefined) {
  return range ? [range.start.line, range.start.character, range.end.line, range.end.character] : undefined;
}

describe('a schema view of YAML values', () => {
  it('tells scalars apart by kind and keeps their values', () => {
    const view = viewOf('s: text\nn: 4\nb: false\nz: ~\nbin: !!binary aGk=\n');
    assert.deepEqual(
      view.entries().map((entry) => [entry.key, entry.value.kind, entry.value.scalar]),
      [
        ['s', 'string', 'text'],
        ['n', 'number', 4],
        ['b', 'boolean', false],
        ['z', 'null', null],
        ['bin', 'other', undefined],
      ],
    );
    assert.deepEqual(view.get('bin')?.plain(), Buffer.from('hi'), 'binary data is kept as plain data, but is neither a map nor a list');
    assert.equal(view.scalar, undefined, 'a map has no scalar value');
    assert.deepEqual(view.items(), [], 'a map has no items');
  });

  it('gives each key its range, and a key without a value an empty value at the key', () => {
    const view = viewOf('name: x\n? lonely\n');
    assert.deepEqual(view.entries().map((entry) => [entry.key, at(entry.keyRange), entry.value.kind, at(entry.value.range)]), [
      ['name', [0, 0, 0, 4], 'string', [0, 6, 0, 7]],
      ['lonely', [1, 2, 1, 8], 'null', [1, 2, 1, 8]],
    ]);
    assert.deepEqual(at(view.range), [0, 0, 1, 8]);
  });

  it('points a declaration at the name inside its key, or at the whole key when the name is not there or empty', () => {
    const [entry] = viewOf('user(object, the user): x\n').entries();
    assert.deepEqual(at(entry?.declarationOf('user')?.nameRange), [0, 0, 0, 4]);
    assert.deepEqual(at(entry?.declarationOf('object')?.nameRange), [0, 5, 0, 11]);
    assert.deepEqual(at(entry?.declarationOf('object')?.keyRange), [0, 0, 0, 22]);
    assert.deepEqual(at(entry?.declarationOf('missing')?.nameRange), [0, 0, 0, 22]);
    assert.deepEqual(at(entry?.declarationOf('')?.nameRange), [0, 0, 0, 22]);
  });

  it('converts a list or map to plain data, and a list has items but no keys', () => {
    const view = viewOf('list: [1, {a: b}]\n');
    const list = view.get('list');
    assert.equal(list?.kind, 'seq');
    assert.equal(list?.scalar, undefined);
    assert.deepEqual(list?.plain(), [1, { a: 'b' }]);
    assert.deepEqual(list?.entries(), []);
    assert.equal(list?.get('0'), undefined);
    assert.deepEqual(list?.items()[1]?.plain(), { a: 'b' });
    assert.deepEqual(view.plain(), { list: [1, { a: 'b' }] });
    assert.equal(view.get('nothing'), undefined);
  });

  it('reads an alias to an anchor that does not exist as an empty value at the alias', () => {
    const source = sourceOf('a: *nowhere\n');
    const root = source.yaml.contents;
    const view = yamlSchemaView(source, isParsedNode(root) ? root : null);
    assert.equal(view.get('a')?.kind, 'null');
    assert.deepEqual(at(view.get('a')?.range), [0, 3, 0, 11]);
    assert.equal(yamlSchemaView(source, null).kind, 'null');
    assert.equal(yamlSchemaView(source, null).range, undefined);
  });
});

describe('a schema view of plain values', () => {
  it('tells plain values apart by kind, with no ranges', () => {
    const kinds = [null, undefined, [1], 'x', 2, 3n, true, { a: 1 }, () => 1, Symbol('s')].map((value) => plainSchemaView(value).kind);
    assert.deepEqual(kinds, ['null', 'null', 'seq', 'string', 'number', 'number', 'boolean', 'map', 'other', 'other']);
    assert.equal(plainSchemaView({ a: 1 }).range, undefined);
  });

  it('gives scalars their value and maps and lists none', () => {
    assert.deepEqual(
      ['x', 2, false, null, { a: 1 }, [1]].map((value) => plainSchemaView(value).scalar),
      ['x', 2, false, null, undefined, undefined],
    );
  });

  it('lists the keys of a map with their values and no ranges or declarations', () => {
    const view = plainSchemaView({ name: 'string', tags: ['a'] });
    assert.deepEqual(
      view.entries().map((entry) => [entry.key, entry.keyRange, entry.value.kind, entry.declarationOf(entry.key)]),
      [
        ['name', undefined, 'string', undefined],
        ['tags', undefined, 'seq', undefined],
      ],
    );
    assert.equal(view.get('name')?.scalar, 'string');
    assert.equal(view.get('other'), undefined);
    assert.deepEqual(view.get('tags')?.items().map((item) => item.scalar), ['a']);
    assert.deepEqual(view.plain(), { name: 'string', tags: ['a'] });
    assert.deepEqual(view.items(), []);
  });

  it('has no keys for a list or a string', () => {
    assert.deepEqual(plainSchemaView(['a']).entries(), []);
    assert.deepEqual(plainSchemaView('abc').entries(), []);
    assert.deepEqual(plainSchemaView('abc').items(), []);
  });
});

describe('following a JSON pointer through a schema view', () => {
  it('goes through keys and list indexes, decoding ~1 and ~0', () => {
    const view = viewOf('properties:\n  a/b:\n    items: [x, {t~n: deep}]\n');
    assert.equal(schemaViewAt(view, '/properties/a~1b/items/1/t~0n').scalar, 'deep');
    assert.equal(schemaViewAt(view, '/properties/a~1b/items/0').scalar, 'x');
    assert.deepEqual(at(schemaViewAt(view, '/properties/a~1b/items/0').range), [2, 12, 2, 13]);
  });

  it('stops at the deepest node that exists', () => {
    const view = viewOf('properties:\n  a: {type: string}\n');
    assert.deepEqual(schemaViewAt(view, '/properties/a/missing/more').plain(), { type: 'string' });
    assert.deepEqual(schemaViewAt(view, '/properties/a/type/more').scalar, 'string');
    assert.equal(schemaViewAt(view, ''), view);
    assert.deepEqual(schemaViewAt(plainSchemaView({ l: [5, 6] }), '/l/1').scalar, 6);
    assert.deepEqual(schemaViewAt(plainSchemaView({ l: [5, 6] }), '/l/9').plain(), [5, 6]);
  });
});
