import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { BinaryArm, ContinuousArm, TestResult } from '../../../../src/core/stats/armSummary';
import { confidenceSequence } from '../../../../src/core/stats/confidenceSequence';
import { fisherExactTest } from '../../../../src/core/stats/fisherExactTest';
import { holmAdjusted } from '../../../../src/core/stats/holmCorrection';
import { twoProportionTest } from '../../../../src/core/stats/twoProportionTest';
import { welchTest } from '../../../../src/core/stats/welchTest';

const binaryArm = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.record({ n: fc.constant(n), successes: fc.integer({ min: 0, max: n }) }));
const smallBinaryArm = fc.integer({ min: 1, max: 40 }).chain((n) => fc.record({ n: fc.constant(n), successes: fc.integer({ min: 0, max: n }) }));
const continuousArm = fc.record({
  n: fc.integer({ min: 2, max: 100000 }),
  mean: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  // Real metrics have no variances near the subnormal range, where every formula is down to its last bit.
  variance: fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1e8, noNaN: true })),
});
const alpha = fc.constantFrom(0.01, 0.05, 0.1);

function checkResult(result: TestResult): void {
  assert.ok(result.pValue >= 0 && result.pValue <= 1, `p-value ${result.pValue} outside [0, 1]`);
  const slack = 1e-9 * Math.max(1, Math.abs(result.difference));
  assert.ok(result.ci[0] <= result.difference + slack && result.difference - slack <= result.ci[1], `CI [${result.ci.join(', ')}] misses ${result.difference}`);
}

/** Swapping the arms negates the difference and mirrors the interval; the p-value stays. */
function checkSwap(forward: TestResult, backward: TestResult): void {
  const tolerance = (value: number) => 1e-9 * Math.max(1, Math.abs(value));
  assert.ok(Math.abs(forward.difference + backward.difference) <= tolerance(forward.difference));
  assert.ok(Math.abs(forward.ci[0] + backward.ci[1]) <= tolerance(forward.ci[0]));
  assert.ok(Math.abs(forward.ci[1] + backward.ci[0]) <= tolerance(forward.ci[1]));
  assert.ok(Math.abs(forward.pValue - backward.pValue) <= 1e-9, `p ${forward.pValue} vs ${backward.pValue}`);
}

describe('Statistics properties (fast-check)', () => {
  it("Welch's t-test: p in [0, 1], the CI contains the difference, swapping arms mirrors it", () => {
    fc.assert(fc.property(continuousArm, continuousArm, alpha, (canary: ContinuousArm, stable: ContinuousArm, a) => {
      const forward = welchTest(canary, stable, a);
      checkResult(forward);
      checkSwap(forward, welchTest(stable, canary, a));
    }));
  });

  it('the two-proportion z-test: p in [0, 1], the CI contains the difference, swapping arms mirrors it', () => {
    fc.assert(fc.property(binaryArm, binaryArm, alpha, (canary: BinaryArm, stable: BinaryArm, a) => {
      const forward = twoProportionTest(canary, stable, a);
      checkResult(forward);
      checkSwap(forward, twoProportionTest(stable, canary, a));
    }));
  });

  it("Fisher's exact test: p in [0, 1], the CI contains the difference, swapping arms mirrors it", () => {
    fc.assert(fc.property(smallBinaryArm, smallBinaryArm, alpha, (canary: BinaryArm, stable: BinaryArm, a) => {
      const forward = fisherExactTest(canary, stable, a);
      checkResult(forward);
      checkSwap(forward, fisherExactTest(stable, canary, a));
    }));
  });

  it('the confidence sequence: p in [0, 1], it contains the difference, and past small arms it is never more confident than a single look', () => {
    fc.assert(fc.property(continuousArm, continuousArm, alpha, (canary, stable, a) => {
      const fixed = welchTest(canary, stable, a);
      const standardError = Math.sqrt(canary.variance / canary.n + stable.variance / stable.n);
      const sequence = confidenceSequence({ difference: fixed.difference, standardError, canaryUnits: canary.n, stableUnits: stable.n }, a);
      checkResult(sequence);
      checkSwap(sequence, confidenceSequence({ difference: -fixed.difference, standardError, canaryUnits: stable.n, stableUnits: canary.n }, a));
      // With a handful of units Welch's t has heavier tails than the (asymptotic) sequence's normal boundary.
      if (canary.n >= 30 && stable.n >= 30) assert.ok(sequence.pValue >= fixed.pValue - 1e-9, 'always-valid p-values are no smaller than fixed ones');
    }));
  });

  it('Holm-adjusted p-values stay in [0, 1], are never below the raw ones, and keep their order', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), (pValues) => {
      const adjusted = holmAdjusted(pValues);
      pValues.forEach((p, i) => {
        const value = adjusted[i] ?? Number.NaN;
        assert.ok(value >= p && value <= 1);
        pValues.forEach((q, j) => {
          if (p < q) assert.ok(value <= (adjusted[j] ?? Number.NaN));
        });
      });
    }));
  });
});
