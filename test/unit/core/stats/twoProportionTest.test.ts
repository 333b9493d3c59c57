import * as assert from 'node:assert/strict';
import { twoProportionTest } from '../../../../src/core/stats/twoProportionTest';
import { near } from './nearly';

describe('Two-proportion z-test', () => {
  it('30 of 100 against 20 of 100 gives z 1.633, p 0.1025 and the Wald interval −0.0192 to 0.2192', () => {
    const result = twoProportionTest({ n: 100, successes: 30 }, { n: 100, successes: 20 }, 0.05);
    near(result.difference, 0.1, 'difference');
    near(result.z, 1.6329931618554518, 'z');
    near(result.pValue, 0.10247043485974941, 'p');
    near(result.ci[0], -0.01921995485894243, 'CI low');
    near(result.ci[1], 0.21921995485894238, 'CI high');
  });

  it('a larger alpha gives a narrower interval (90%: −0.0000525 to 0.2000525)', () => {
    const result = twoProportionTest({ n: 100, successes: 30 }, { n: 100, successes: 20 }, 0.1);
    near(result.ci[0], -5.2540098455428064e-5, 'CI low');
    near(result.ci[1], 0.20005254009845538, 'CI high');
  });

  it('a canary that does worse gets a negative z with the same p-value', () => {
    const result = twoProportionTest({ n: 100, successes: 20 }, { n: 100, successes: 30 }, 0.05);
    near(result.difference, -0.1, 'difference');
    near(result.z, -1.6329931618554518, 'z');
    near(result.pValue, 0.10247043485974941, 'p');
  });

  it('one unit per arm is enough: 1 of 1 against 0 of 1 gives z √2 and a zero-width interval at 1', () => {
    const result = twoProportionTest({ n: 1, successes: 1 }, { n: 1, successes: 0 }, 0.05);
    near(result.z, 1.414213562373095, 'z');
    near(result.pValue, 0.15729920705028502, 'p');
    assert.deepEqual(result.ci, [1, 1]);
  });

  it('arms where every unit succeeded show no difference: z 0, p 1', () => {
    const result = twoProportionTest({ n: 10, successes: 10 }, { n: 5, successes: 5 }, 0.05);
    assert.deepEqual(result, { difference: 0, ci: [0, 0], pValue: 1, z: 0 });
  });

  it('arms where no unit succeeded show no difference: z 0, p 1', () => {
    const result = twoProportionTest({ n: 4, successes: 0 }, { n: 7, successes: 0 }, 0.05);
    assert.deepEqual(result, { difference: 0, ci: [0, 0], pValue: 1, z: 0 });
  });

  it('is refused when either arm has no units', () => {
    const message = { name: 'RangeError', message: 'A two-proportion test needs units in both arms.' };
    assert.throws(() => twoProportionTest({ n: 0, successes: 0 }, { n: 5, successes: 1 }, 0.05), message);
    assert.throws(() => twoProportionTest({ n: 5, successes: 1 }, { n: 0, successes: 0 }, 0.05), message);
  });
});
