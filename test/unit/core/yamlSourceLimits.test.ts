import * as assert from 'node:assert/strict';
import { createTextDocument } from '../../../src/core/document/textDocument';
import { describeValue, maxYamlItems, parseYamlSource } from '../../../src/core/document/yamlSource';

describe('reading YAML inside a prompt file', () => {
  it('refuses YAML of more lines and items than it reads, in one sentence at its start, without parsing it', () => {
    const yaml = `items: [${'1,'.repeat(maxYamlItems)}1]\n`;
    const text = `---\n${yaml}---\nHello\n`;
    const source = parseYamlSource('big.prompt', createTextDocument(text), 4, yaml);
    assert.equal(source.hasErrors, true);
    assert.deepEqual(
      source.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message, diagnostic.range]),
      [['yaml-syntax', 'This YAML has more than 200000 lines and items, which PromptOps does not read.', { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }]],
    );
    assert.equal(source.yaml.contents, null, 'nothing of it was parsed');
  });

  it('reads YAML under the limit', () => {
    const yaml = `items: [${'1,'.repeat(1000)}1]\n`;
    const source = parseYamlSource('ok.prompt', createTextDocument(yaml), 0, yaml);
    assert.deepEqual([source.hasErrors, source.diagnostics], [false, []]);
  });

  it('describes a value by its kind for messages', () => {
    const cases: [unknown, string][] = [
      [null, 'empty'],
      [undefined, 'empty'],
      [[1], 'a list'],
      ['x', 'a string'],
      [5, 'a number'],
      [10n, 'a number'],
      [false, 'a boolean'],
      [{ a: 1 }, 'a map'],
      [() => 1, 'function'],
    ];
    for (const [value, description] of cases) assert.equal(describeValue(value), description, String(value));
  });
});
