import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isScalar, parseDocument, visit } from 'yaml';
import { walkYamlNodes } from '../../../src/core/document/yamlWalk';

/** What a walk reached, in order: each scalar by its source text, each pair by its key's. */
type Step = string;

function scalarStep(value: unknown, range: readonly number[] | undefined): Step {
  return `scalar ${String(value)} @${range?.[0] ?? -1}`;
}

function pairStep(key: unknown): Step {
  return `pair ${isScalar(key) ? String(key.value) : typeof key}`;
}

/** The oracle: yaml's own `visit`. */
function visitedSteps(text: string): Step[] {
  const steps: Step[] = [];
  visit(parseDocument(text, { uniqueKeys: false, logLevel: 'silent' }), {
    Scalar(_key, node) {
      steps.push(scalarStep(node.value, node.range ?? undefined));
    },
    Pair(_key, pair) {
      steps.push(pairStep(pair.key));
    },
  });
  return steps;
}

function walkedSteps(text: string): Step[] {
  const steps: Step[] = [];
  walkYamlNodes(parseDocument(text, { uniqueKeys: false, logLevel: 'silent' }).contents, {
    scalar: (node) => steps.push(scalarStep(node.value, node.range ?? undefined)),
    pair: (pair) => steps.push(pairStep(pair.key)),
  });
  return steps;
}

type Tree = string | { readonly map: readonly (readonly [Tree, Tree])[] } | { readonly seq: readonly Tree[] };

/** Writes a tree in YAML flow style; keys may be collections, list items may be single pairs. */
function flow(tree: Tree): string {
  if (typeof tree === 'string') return tree;
  if ('map' in tree) return `{${tree.map.map(([key, value]) => `${flow(key)}: ${flow(value)}`).join(', ')}}`;
  return `[${tree.seq.map(flow).join(', ')}]`;
}

/** Writes a tree in block style where it can. */
function block(tree: Tree, indent: string): string {
  if (typeof tree === 'string') return ` ${tree}`;
  if ('map' in tree) {
    if (tree.map.length === 0) return ' {}';
    return tree.map.map(([key, value]) => `\n${indent}${typeof key === 'string' ? key : `? ${flow(key)}\n${indent}`}:${block(value, `${indent}  `)}`).join('');
  }
  if (tree.seq.length === 0) return ' []';
  return tree.seq.map((item) => `\n${indent}-${typeof item === 'string' ? ` ${item}` : ` ${flow(item)}`}`).join('');
}

describe('Walking YAML nodes', () => {
  it('reaches the scalars and pairs of a front matter in the order yaml\'s visit does', () => {
    const text = ['inputs:', '  - name: a', '    default: ${file:a.txt}', 'tools:', '  - bindings: {q: {input: a}}', ''].join('\n');
    assert.deepEqual(walkedSteps(text), [
      'pair inputs',
      'scalar inputs @0',
      'pair name',
      'scalar name @12',
      'scalar a @18',
      'pair default',
      'scalar default @24',
      'scalar ${file:a.txt} @33',
      'pair tools',
      'scalar tools @47',
      'pair bindings',
      'scalar bindings @58',
      'pair q',
      'scalar q @69',
      'pair input',
      'scalar input @73',
      'scalar a @80',
    ]);
    assert.deepEqual(walkedSteps(text), visitedSteps(text));
  });

  it('reaches what yaml\'s visit reaches in any nesting of maps, lists, pairs in lists and collection keys', () => {
    const leaf = fc.constantFrom('1', 'v', '"q"', 'null', '${env:X}', '&a 2', '*a');
    const node: fc.Memo<Tree> = fc.memo((depth): fc.Arbitrary<Tree> =>
      depth <= 1
        ? leaf
        : fc.oneof(
            leaf,
            fc.record({ map: fc.array(fc.tuple(fc.oneof(fc.constantFrom('a', 'b', 'bindings'), node(depth - 1)), node(depth - 1)), { maxLength: 3 }) }),
            fc.record({ seq: fc.array(node(depth - 1), { maxLength: 3 }) }),
          ),
    );
    fc.assert(
      fc.property(node(4), fc.boolean(), (tree, asBlock) => {
        const text = asBlock && typeof tree !== 'string' ? block(tree, '') : flow(tree);
        assert.deepEqual(walkedSteps(text), visitedSteps(text));
      }),
      { numRuns: 500 },
    );
  });
});
