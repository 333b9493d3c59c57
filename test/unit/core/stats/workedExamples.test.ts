import * as assert from 'node:assert/strict';
import { confidenceSequence, sequentialRhoSquared } from '../../../../src/core/stats/confidenceSequence';
import { fisherExactTest, newcombeInterval } from '../../../../src/core/stats/fisherExactTest';
import { holmAdjusted } from '../../../../src/core/stats/holmCorrection';
import { sampleRatioMismatch } from '../../../../src/core/stats/sampleRatioMismatch';
import { twoProportionTest } from '../../../../src/core/stats/twoProportionTest';
import { welchTest } from '../../../../src/core/stats/welchTest';

/** Asserts `actual` equals `expected` to four significant digits. */
function close(actual: number, expected: number, what: string): void {
  const scale = Math.abs(expected) === 0 ? 1 : 10 ** Math.floor(Math.log10(Math.abs(expected)));
  assert.ok(Math.abs(actual - expected) <= 0.5e-3 * scale, `${what}: ${actual} is not ${expected} to 4 significant digits`);
}

function arm(values: readonly number[]) {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { n: values.length, mean, variance };
}

describe('Statistics against published worked examples', () => {
  it("Welch's t-test on Student's sleep data gives what R's t.test(extra ~ group, data = sleep) prints", () => {
    // R: t = -1.8608, df = 17.776, p-value = 0.07939, 95 percent CI -3.3654832 0.2054832; group 1 − group 2.
    const group1 = arm([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]);
    const group2 = arm([1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]);
    const result = welchTest(group1, group2, 0.05);
    close(result.t, -1.8608, 't');
    close(result.df, 17.776, 'df');
    close(result.pValue, 0.07939, 'p');
    close(result.ci[0], -3.3654832, 'CI low');
    close(result.ci[1], 0.2054832, 'CI high');
    close(result.difference, -1.58, 'difference');
  });

  it('the two-proportion z-test on the Physicians\' Health Study (aspirin vs placebo) gives Agresti\'s X² = 25.01 and the Wald interval', () => {
    // Agresti, Categorical Data Analysis: 104 of 11,037 on aspirin and 189 of 11,034 on placebo had a heart attack.
    // Pearson X² = 25.01 (z² of the pooled test), p = 5.692e-7; difference −0.007706, 95% Wald CI −0.01072 to −0.004688.
    const result = twoProportionTest({ n: 11037, successes: 104 }, { n: 11034, successes: 189 }, 0.05);
    close(result.z * result.z, 25.01, 'X²');
    close(result.pValue, 5.692e-7, 'p');
    close(result.difference, -0.007706, 'difference');
    close(result.ci[0], -0.01072, 'CI low');
    close(result.ci[1], -0.004688, 'CI high');
  });

  it("Fisher's exact test gives R's fisher.test p-values for the tea tasting and the convictions tables", () => {
    // R documentation of fisher.test: TeaTasting p-value = 0.4857; Convictions (two-sided) p-value = 0.0005367.
    close(fisherExactTest({ n: 4, successes: 3 }, { n: 4, successes: 1 }, 0.05).pValue, 0.4857, 'tea tasting');
    close(fisherExactTest({ n: 17, successes: 2 }, { n: 13, successes: 10 }, 0.05).pValue, 0.0005367, 'convictions');
    close(fisherExactTest({ n: 13, successes: 10 }, { n: 17, successes: 2 }, 0.05).pValue, 0.0005367, 'convictions, arms swapped');
    assert.equal(fisherExactTest({ n: 10, successes: 0 }, { n: 20, successes: 0 }, 0.05).pValue, 1);
  });

  it("Newcombe's hybrid score interval matches his 1998 table (method 10)", () => {
    const cases: [number, number, number, number, number, number][] = [
      [56, 70, 48, 80, 0.05243, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [5, 56, 0, 29, -0.03814, 0.1926],
      [0, 10, 0, 20, -0.1611, 0.2775],
      [10, 10, 0, 20, 0.6791, 1],
    ];
    for (const [canarySuccesses, canaryN, stableSuccesses, stableN, low, high] of cases) {
      const [lo, hi] = newcombeInterval({ n: canaryN, successes: canarySuccesses }, { n: stableN, successes: stableSuccesses }, 0.05);
      close(lo, low, `${canarySuccesses}/${canaryN} − ${stableSuccesses}/${stableN} low`);
      close(hi, high, `${canarySuccesses}/${canaryN} − ${stableSuccesses}/${stableN} high`);
    }
  });

  it("Holm's adjustment matches R's p.adjust(c(0.01, 0.04, 0.03), 'holm') and skips untested metrics", () => {
    const adjusted = holmAdjusted([0.01, 0.04, undefined, 0.03]);
    assert.deepEqual(adjusted.map((p) => (p === undefined ? p : Number(p.toPrecision(4)))), [0.03, 0.06, undefined, 0.06]);
    assert.deepEqual(holmAdjusted([0.6, 0.7]), [1, 1]);
  });

  it('the sample ratio check flags Kohavi\'s 821,588 vs 815,482 split at 50% (p = 1.8e-6) and passes a 10% canary that got 10.4%', () => {
    const kohavi = sampleRatioMismatch(821588, 815482, 50);
    close(kohavi.chiSquare, 22.77, 'χ²');
    close(kohavi.pValue, 1.822e-6, 'p');
    assert.equal(kohavi.mismatch, true);
    const fine = sampleRatioMismatch(8960, 1040, 10);
    close(fine.chiSquare, 1.778, 'χ²');
    close(fine.pValue, 0.1824, 'p');
    assert.equal(fine.mismatch, false);
    assert.equal(sampleRatioMismatch(821, 179, 10).mismatch, true);
  });

  it('the asymptotic confidence sequence follows Waudby-Smith et al.\'s boundary with ρ² tuned for 5,000 units', () => {
    close(sequentialRhoSquared(0.05), 0.001587, 'ρ²');
    const early = confidenceSequence({ difference: 0.5, standardError: 0.2, canaryUnits: 400, stableUnits: 600 }, 0.05);
    close(early.ci[0], -0.1728, 'CS low');
    close(early.ci[1], 1.173, 'CS high');
    close(early.pValue, 0.2365, 'always-valid p');
    const tuned = confidenceSequence({ difference: 0.5, standardError: 0.2, canaryUnits: 2500, stableUnits: 2500 }, 0.05);
    close(tuned.ci[0], -0.107, 'CS low at 5,000');
    close(tuned.pValue, 0.1863, 'always-valid p at 5,000');
    // The same estimate is significant for a fixed-sample test (z = 2.5, p = 0.0124) but not yet for the sequence.
    assert.ok(tuned.pValue > 0.05);
  });
});
