import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isSeq, type ParsedNode } from 'yaml';
import { createTextDocument } from '../../../src/core/document/textDocument';
import { isParsedNode, parseYamlSource, yamlMapGet, yamlToPlain, yamlToPlainByYaml } from '../../../src/core/document/yamlSource';

function plain(text: string): ReturnType<typeof yamlToPlain> {
  const source = parseYamlSource('p.yaml', createTextDocument(text), 0, text);
  return yamlToPlain(source, source.yaml.contents);
}

const refused = { ok: false, reason: 'an anchor refers to itself or the data is nested too deeply' };

describe('YAML as plain data', () => {
  it('refuses an anchor that refers to itself, in a list or a map, at any depth', () => {
    assert.deepEqual(plain('&a [1, *a]'), refused);
    assert.deepEqual(plain('outer: &a {inner: [2, {back: *a}]}'), refused);
  });

  it('keeps an anchor used twice side by side, which is not a cycle', () => {
    assert.deepEqual(plain('a: &x [1, {b: 2}]\nc: *x\n'), { ok: true, value: { a: [1, { b: 2 }], c: [1, { b: 2 }] } });
  });
});

describe('YAML as plain data, the shortcut for plain trees', () => {
  const scalars = ['1', 'v', '"q"', "'s'", 'null', '~', 'true', '0x1F', '1e3', '.nan', '-.inf', '!!binary aGk=', '!!str 3', '!custom x', '&a 2', '*a', '"\\u0041"'];
  const keys = ['a', 'b', '__proto__', 'constructor', 'toString', '1', 'true', 'null', '""', '<<', '&k kk', '[k]', '{k: 1}', '!!binary aGk=', '.nan'];
  const tags = ['', '', '', '&a ', '!!set ', '!!omap ', '!!pairs ', '!custom ', '!!map ', '!!seq '];
  type Tree = string | { readonly tag: string; readonly map: readonly (readonly [string, Tree])[] } | { readonly tag: string; readonly seq: readonly Tree[] };

  function flow(tree: Tree): string {
    if (typeof tree === 'string') return tree;
    if ('map' in tree) return `${tree.tag}{${tree.map.map(([key, value]) => `${key}: ${flow(value)}`).join(', ')}}`;
    return `${tree.tag}[${tree.seq.map(flow).join(', ')}]`;
  }

  /** Every map and list under a node, and the node: each is converted on its own too. */
  function nodesUnder(node: unknown, found: ParsedNode[] = []): ParsedNode[] {
    if (isParsedNode(node)) found.push(node);
    if (isMap(node)) for (const pair of node.items) nodesUnder(pair.value, found);
    if (isSeq(node)) for (const item of node.items) nodesUnder(item, found);
    return found;
  }

  it('converts any tree of maps, lists, scalars, anchors, aliases, tags and odd keys as yaml\'s own conversion does', () => {
    const tree: fc.Memo<Tree> = fc.memo((depth): fc.Arbitrary<Tree> =>
      depth <= 1
        ? fc.constantFrom(...scalars)
        : fc.oneof(
            fc.constantFrom(...scalars),
            fc.record({ tag: fc.constantFrom(...tags), map: fc.array(fc.tuple(fc.constantFrom(...keys), tree(depth - 1)), { maxLength: 3 }) }),
            fc.record({ tag: fc.constantFrom(...tags), seq: fc.array(tree(depth - 1), { maxLength: 3 }) }),
          ),
    );
    fc.assert(
      fc.property(tree(4), fc.boolean(), (value, yaml11) => {
        const text = `${yaml11 ? '%YAML 1.1\n---\n' : ''}${flow(value)}\n`;
        const source = parseYamlSource('p.yaml', createTextDocument(text), 0, text);
        for (const node of nodesUnder(source.yaml.contents)) {
          assert.deepEqual(yamlToPlain(source, node), yamlToPlainByYaml(source, node), text);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('gives a block-style default with nested maps and lists as plain data', () => {
    assert.deepEqual(plain('customer:\n  name: Ana\n  plan: pro\norders:\n  - {id: 7, total: 12.5}\n  - ~\n'), {
      ok: true,
      value: { customer: { name: 'Ana', plan: 'pro' }, orders: [{ id: 7, total: 12.5 }, null] },
    });
  });
});

describe('YAML as plain data, the limits of yaml\'s own conversion', () => {
  /** Fifty anchors, each a list twenty deep around the one before: 1,000 nested lists built from short text. */
  const chain = Array.from({ length: 50 }, (_, index) => `a${index}: &a${index} ${'['.repeat(20)}${index === 0 ? '' : `*a${index - 1}`}${']'.repeat(20)}`).join('\n');

  it('keeps data 1,001 lists deep and refuses data 1,002 deep', () => {
    const text = `${chain}\nok: [*a49]\ndeep: [[*a49]]\n`;
    const source = parseYamlSource('p.yaml', createTextDocument(text), 0, text);
    const at = (key: string): ParsedNode | null | undefined => yamlMapGet(source.yaml.contents, key)?.value;
    assert.equal(yamlToPlain(source, at('ok')).ok, true);
    assert.deepEqual(yamlToPlain(source, at('deep')), refused);
  });

  it('refuses an ordered map that holds itself', () => {
    assert.deepEqual(plain('&a !!omap [ {self: *a} ]\n'), refused);
  });

  it('refuses a set that holds itself', () => {
    assert.deepEqual(plain('&a !!set {? *a}\n'), refused);
  });

  it('refuses an alias bomb with yaml\'s reason', () => {
    const text = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', ''].join('\n');
    assert.deepEqual(plain(text), { ok: false, reason: 'Excessive alias count indicates a resource exhaustion attack' });
  });
});
