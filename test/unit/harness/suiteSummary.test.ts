import * as assert from 'node:assert/strict';
import { suiteRunProblem } from '../../harness/suiteSummary';

describe('Suite verdicts behind npm test\'s totals line', () => {
  it('a run that executed no test fails, naming the filter that matched nothing', () => {
    assert.equal(suiteRunProblem(0, { passed: 0, failed: 0, pending: 0 }), 'The suite executed no test (it found no test to run), so it checked nothing.');
    assert.equal(suiteRunProblem(1, { passed: 0, failed: 0, pending: 2 }, 'rollback'), 'The suite executed no test (PROMPTOPS_TEST_GREP=rollback matched no test title; 2 pending), so it checked nothing.');
  });

  it('a run with a failed test or a non-zero exit fails; one that passed tests and exited 0 passes', () => {
    assert.equal(suiteRunProblem(1, { passed: 3, failed: 1, pending: 0 }), '1 test failed.');
    assert.equal(suiteRunProblem(1, { passed: 3, failed: 2, pending: 0 }), '2 tests failed.');
    assert.equal(suiteRunProblem(1, { passed: 3, failed: 0, pending: 0 }), 'The suite exited with code 1.');
    assert.equal(suiteRunProblem(0, { passed: 1, failed: 0, pending: 5 }), undefined);
  });
});
