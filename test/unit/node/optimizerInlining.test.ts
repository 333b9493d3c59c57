import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

// The compiled module, beside this test's compiled folder (out/test/unit/node → out/src/node).
const modulePath = path.join(__dirname, '..', '..', '..', 'src', 'node', 'optimizerInlining.js');

describe('limiting V8 inlining for check and test runs', () => {
  it('sets a flag this Node knows, so V8 prints nothing into the output of check --format json', () => {
    const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(modulePath)}).limitOptimizerInlining(); process.stdout.write('done')`], { encoding: 'utf8' });
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, 'done');
  });
});
