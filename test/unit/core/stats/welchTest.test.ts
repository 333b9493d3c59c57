import * as assert from 'node:assert/strict';
import { welchTest } from '../../../../src/core/stats/welchTest';
import { near } from './nearly';

describe("Welch's t-test", () => {
  it('means 5 and 3 with variances 2 (n 4) and 3 (n 3) give t 1.633 on 3.857 df, p 0.1804', () => {
    const result = welchTest({ n: 4, mean: 5, variance: 2 }, { n: 3, mean: 3, variance: 3 }, 0.05);
    near(result.difference, 2, 'difference');
    near(result.t, 1.6329931618554523, 't');
    near(result.df, 3.857142857142857, 'df');
    near(result.pValue, 0.18043493390048926, 'p');
    near(result.ci[0], -1.4506865295120708, 'CI low');
    near(result.ci[1], 5.450686529512071, 'CI high');
  });

  it('alpha 0.1 gives the 90% interval −0.639 to 4.639', () => {
    const result = welchTest({ n: 4, mean: 5, variance: 2 }, { n: 3, mean: 3, variance: 3 }, 0.1);
    near(result.ci[0], -0.6390024042165883, 'CI low');
    near(result.ci[1], 4.639002404216589, 'CI high');
  });

  it('a canary with the lower mean gets a negative t and the same p-value', () => {
    const result = welchTest({ n: 3, mean: 3, variance: 3 }, { n: 4, mean: 5, variance: 2 }, 0.05);
    near(result.t, -1.6329931618554523, 't');
    near(result.pValue, 0.18043493390048926, 'p');
  });

  it('arms without variance and equal means show no difference: t 0, p 1, df n₁ + n₂ − 2', () => {
    const result = welchTest({ n: 2, mean: 4, variance: 0 }, { n: 3, mean: 4, variance: 0 }, 0.05);
    assert.deepEqual(result, { difference: 0, ci: [0, 0], pValue: 1, t: 0, df: 3 });
  });

  it('arms without variance and different means differ exactly: p 0 and an infinite t of the difference\'s sign', () => {
    assert.deepEqual(welchTest({ n: 2, mean: 6, variance: 0 }, { n: 2, mean: 4, variance: 0 }, 0.05), { difference: 2, ci: [2, 2], pValue: 0, t: Infinity, df: 2 });
    assert.deepEqual(welchTest({ n: 2, mean: 4, variance: 0 }, { n: 2, mean: 6, variance: 0 }, 0.05), { difference: -2, ci: [-2, -2], pValue: 0, t: -Infinity, df: 2 });
  });

  it('is refused when either arm has fewer than two units', () => {
    const message = { name: 'RangeError', message: "Welch's t-test needs at least two units in each arm." };
    assert.throws(() => welchTest({ n: 1, mean: 1, variance: 0 }, { n: 5, mean: 1, variance: 1 }, 0.05), message);
    assert.throws(() => welchTest({ n: 5, mean: 1, variance: 1 }, { n: 1, mean: 1, variance: 0 }, 0.05), message);
  });
});
