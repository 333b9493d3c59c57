import * as assert from 'node:assert/strict';
import { sampleFileProblem } from '../../../src/core/rendering/checkedRender';
import { parseSampleFile } from '../../../src/core/samples/sampleSets';

describe('the sample file problem a render reports', () => {
  it('is the first error in the file, whatever order the checks found them in', () => {
    const file = parseSampleFile('p.samples.yaml', 'a:\n  x: 1\n  x: 2\nb:\n  y: [1\n');
    assert.deepEqual(
      file.diagnostics.map((diagnostic) => diagnostic.range.start.line),
      [4, 2],
      'the syntax error is found before the repeated key, further down',
    );
    assert.deepEqual(sampleFileProblem(file), { file: 'p.samples.yaml', range: { start: { line: 2, character: 2 }, end: { line: 2, character: 3 } }, message: 'Map keys must be unique.' });
  });

  it('is nothing for a file without errors, or no file', () => {
    assert.equal(sampleFileProblem(parseSampleFile('p.samples.yaml', 'a:\n  x: 1\n')), undefined);
    assert.equal(sampleFileProblem(undefined), undefined);
  });
});
