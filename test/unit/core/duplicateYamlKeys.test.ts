import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isScalar, parseDocument, visit, type ParsedNode } from 'yaml';
import { createTextDocument } from '../../../src/core/document/textDocument';
import { isParsedNode, parseYamlSource } from '../../../src/core/document/yamlSource';

/** The duplicate-key findings of parseYamlSource as [start offset, end offset] pairs. */
function duplicateKeyOffsets(text: string): [number, number][] {
  const document = createTextDocument(text);
  return parseYamlSource('p.yaml', document, 0, text)
    .diagnostics.filter((diagnostic) => diagnostic.message === 'Map keys must be unique.')
    .map((diagnostic) => [document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end)]);
}

/** An independent oracle: yaml's own `visit` over every map, keys compared by type and text. */
function visitedDuplicateKeys(text: string): number[] {
  const starts: number[] = [];
  visit(parseDocument(text, { uniqueKeys: false, logLevel: 'silent' }), {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key: unknown = pair.key;
        if (!isScalar(key) || !isParsedNode(key)) continue;
        const identity = `${typeof key.value}:${String(key.value)}`;
        if (seen.has(identity)) starts.push((key as ParsedNode).range[0]);
        seen.add(identity);
      }
    },
  });
  return starts;
}

type Tree = string | { readonly map: readonly (readonly [string, Tree])[] } | { readonly seq: readonly Tree[] };
const keys = ['a', 'b', '1', '"a"', 'true', 'x y'];

/** Writes a tree in YAML flow style, where a map may repeat a key. */
function flow(tree: Tree): string {
  if (typeof tree === 'string') return tree;
  if ('map' in tree) return `{${tree.map.map(([key, value]) => `${key}: ${flow(value)}`).join(', ')}}`;
  return `[${tree.seq.map(flow).join(', ')}]`;
}

describe('Duplicate YAML keys', () => {
  it('are found in maps nested in lists and flow maps, at the repeated key', () => {
    const text = ['model: a', 'config:', '  items:', '    - {b: 1, b: 2}', '    - c: 1', '      c: 2', 'model: b', ''].join('\n');
    assert.deepEqual(duplicateKeyOffsets(text), [
      [67, 72],
      [39, 40],
      [62, 63],
    ]);
  });

  it('are the keys yaml\'s own visit finds, in any nesting of maps and lists', () => {
    const node: fc.Memo<Tree> = fc.memo((depth): fc.Arbitrary<Tree> =>
      depth <= 1
        ? fc.constantFrom('1', 'v', '"q"', 'null')
        : fc.oneof(
            fc.constantFrom('1', 'v'),
            fc.record({ map: fc.array(fc.tuple(fc.constantFrom(...keys), node(depth - 1)), { maxLength: 4 }) }),
            fc.record({ seq: fc.array(node(depth - 1), { maxLength: 3 }) }),
          ),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), node(4)), { minLength: 1, maxLength: 5 }), (entries) => {
        const text = entries.map(([key, value]) => `${key}: ${flow(value)}`).join('\n');
        const found = duplicateKeyOffsets(text).map(([start]) => start).sort((x, y) => x - y);
        assert.deepEqual(found, visitedDuplicateKeys(text).sort((x, y) => x - y));
      }),
      { numRuns: 300 },
    );
  });

  it('are found alike in small maps (compared pairwise) and wide ones (hashed)', () => {
    const wideKeys = [...keys, 'c', 'd', 'e', '2', '2.0', 'null', '~', 'false'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...wideKeys), fc.constantFrom('1', 'v', '{a: 1, a: 2}')), { minLength: 1, maxLength: 14 }), (entries) => {
        const text = entries.map(([key, value]) => `${key}: ${value}`).join('\n');
        const found = duplicateKeyOffsets(text).map(([start]) => start);
        const expected = visitedDuplicateKeys(text);
        assert.deepEqual([...found].sort((x, y) => x - y), [...expected].sort((x, y) => x - y));
        assert.equal(found.length, expected.length);
      }),
      { numRuns: 400 },
    );
  });
});
