import * as assert from 'node:assert/strict';
import { frontMatterValues } from '../../../src/core/document/frontMatterValues';
import { parsePromptDocument } from '../../../src/core/formats/promptFileKind';
import { lines } from './diagnosticExpectations';

function valuesOf(...frontMatter: string[]): Record<string, unknown> {
  return frontMatterValues(parsePromptDocument(lines('---', ...frontMatter, '---', 'Hello'), { path: 'p.prompt' }));
}

describe('the front matter as plain values', () => {
  it('gives the fields of a front matter map, nested maps included', () => {
    assert.deepEqual(valuesOf('model: x', 'config: {temperature: 1}'), { model: 'x', config: { temperature: 1 } });
  });

  it('gives no values for a front matter that is a list, a string or invalid YAML', () => {
    assert.deepEqual(valuesOf('- a', '- b'), {});
    assert.deepEqual(valuesOf('hello'), {});
    assert.deepEqual(valuesOf('a: b: c'), {});
    assert.deepEqual(frontMatterValues(parsePromptDocument('Hello, no front matter\n', { path: 'p.prompt' })), {});
  });

  it('gives no values, rather than failing, for an alias bomb', () => {
    assert.deepEqual(
      valuesOf(
        'a: &a [x, x, x, x, x, x, x, x, x, x]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      ),
      {},
    );
  });
});
