import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTextDocument } from '../../../../src/core/document/textDocument';
import { parseYamlSource } from '../../../../src/core/document/yamlSource';
import { frontMatterReferences, readPromptyFrontMatter } from '../../../../src/core/formats/prompty/promptyFrontMatter';

// `check` takes shortcuts on every Prompty file; each must give what the full path gives.

/** Scalars as a front matter may write them, including escapes that spell `$` or `bindings` without the characters. */
const scalars = [
  'plain',
  '${file:notes.txt}',
  '${env:API_KEY}',
  '${env:}',
  '"${file: }"',
  '"\\x24{file:a.txt}"',
  '"\\u0024{env:HOME}"',
  "'${file:b.md}'",
  '"a\\tb"',
  '$',
  '12',
  'null',
];
const keys = ['name', 'bindings', '"bind\\x69ngs"', 'input', 'tools', 'description', 'x'];

type Tree = string | { readonly map: readonly (readonly [string, Tree])[] } | { readonly seq: readonly Tree[] };

function flow(tree: Tree): string {
  if (typeof tree === 'string') return tree;
  if ('map' in tree) return `{${tree.map.map(([key, value]) => `${key}: ${flow(value)}`).join(', ')}}`;
  return `[${tree.seq.map(flow).join(', ')}]`;
}

/** A tool's `bindings: {param: {input: name}}`, under either spelling of the key. */
const binding: fc.Arbitrary<Tree> = fc
  .tuple(fc.constantFrom('bindings', '"bind\\x69ngs"'), fc.constantFrom('city', 'unit'), fc.constantFrom('place', 'plain', '"pl\\x61ce"'))
  .map(([key, parameter, input]) => ({ map: [[key, { map: [[parameter, { map: [['input', input]] }]] }]] }));

const tree: fc.Memo<Tree> = fc.memo((depth): fc.Arbitrary<Tree> =>
  depth <= 1
    ? fc.constantFrom(...scalars)
    : fc.oneof(
        fc.constantFrom(...scalars),
        binding,
        fc.record({ map: fc.array(fc.tuple(fc.constantFrom(...keys), tree(depth - 1)), { maxLength: 3 }) }),
        fc.record({ seq: fc.array(tree(depth - 1), { maxLength: 3 }) }),
      ),
);

describe('Prompty check shortcuts give what the full path gives', () => {
  it('front matter references and tool bindings: skipping the walk when the text cannot hold them changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('tools', 'model', 'metadata'), tree(4)), { minLength: 1, maxLength: 3 }), (entries) => {
        const yamlText = entries.map(([key, value]) => `${key}: ${flow(value)}`).join('\n');
        const text = createTextDocument(`---\n${yamlText}\n---\n`);
        const source = parseYamlSource('p.prompty', text, 4, yamlText);
        if (source.hasErrors) return;
        const diagnostics: ReturnType<typeof readPromptyFrontMatter>['diagnostics'][number][] = [];
        const full = frontMatterReferences(source, diagnostics);
        const read = readPromptyFrontMatter(source);
        assert.deepEqual(read.fileReferences, full.fileReferences, yamlText);
        assert.deepEqual(read.boundInputs, full.boundInputs, yamlText);
        assert.deepEqual(read.diagnostics, diagnostics, yamlText);
      }),
      { numRuns: 600 },
    );
  });
});
