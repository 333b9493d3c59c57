import * as assert from 'node:assert/strict';
import { createTextDocument } from '../../../src/core/document/textDocument';
import { parseYamlSource, yamlToPlain } from '../../../src/core/document/yamlSource';

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
