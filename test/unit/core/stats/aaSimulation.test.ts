import * as assert from 'node:assert/strict';
import randn from '@stdlib/random-base-randn';
import randu from '@stdlib/random-base-randu';
import { confidenceSequence } from '../../../../src/core/stats/confidenceSequence';
import { twoProportionTest } from '../../../../src/core/stats/twoProportionTest';
import { welchTest } from '../../../../src/core/stats/welchTest';

// A/A experiments: both arms draw from the same distribution, so every "significant" result is a
// false positive. The seeds are fixed, so these numbers are the same on every run.
const alpha = 0.05;

/** Running sums of one arm, from which the mean and variance come at any look. */
class RunningArm {
  n = 0;
  private sum = 0;
  private sumOfSquares = 0;

  add(value: number): void {
    this.n++;
    this.sum += value;
    this.sumOfSquares += value * value;
  }

  summary() {
    const mean = this.sum / this.n;
    return { n: this.n, mean, variance: (this.sumOfSquares - this.n * mean * mean) / (this.n - 1) };
  }
}

/** Runs `experiments` A/A experiments with a 10% canary, looking after every `unitsPerLook` units, and counts those ever called significant. */
function falsePositiveRates(experiments: number, looks: number, unitsPerLook: number, seed: number): { fixedFirstLook: number; fixedAnyLook: number; sequentialAnyLook: number } {
  const normal = randn.factory({ seed });
  const uniform = randu.factory({ seed: seed + 1 });
  let fixedFirstLook = 0;
  let fixedAnyLook = 0;
  let sequentialAnyLook = 0;
  for (let experiment = 0; experiment < experiments; experiment++) {
    const canary = new RunningArm();
    const stable = new RunningArm();
    let fixedHit = false;
    let sequentialHit = false;
    for (let look = 0; look < looks; look++) {
      for (let unit = 0; unit < unitsPerLook; unit++) (uniform() < 0.1 ? canary : stable).add(10 + 3 * normal());
      const [c, s] = [canary.summary(), stable.summary()];
      const fixed = welchTest(c, s, alpha);
      if (look === 0 && fixed.pValue < alpha) fixedFirstLook++;
      fixedHit ||= fixed.pValue < alpha;
      const standardError = Math.sqrt(c.variance / c.n + s.variance / s.n);
      sequentialHit ||= confidenceSequence({ difference: fixed.difference, standardError, canaryUnits: c.n, stableUnits: s.n }, alpha).pValue < alpha;
    }
    if (fixedHit) fixedAnyLook++;
    if (sequentialHit) sequentialAnyLook++;
  }
  return { fixedFirstLook: fixedFirstLook / experiments, fixedAnyLook: fixedAnyLook / experiments, sequentialAnyLook: sequentialAnyLook / experiments };
}

describe('A/A simulations (fixed seeds)', () => {
  let rates: ReturnType<typeof falsePositiveRates>;
  before(() => {
    rates = falsePositiveRates(2000, 10, 500, 20261201);
  });

  it("a single look with Welch's t-test is a false positive about 5% of the time", () => {
    assert.ok(rates.fixedFirstLook >= 0.035 && rates.fixedFirstLook <= 0.065, `single-look false-positive rate ${rates.fixedFirstLook}`);
  });

  it('looking ten times with the fixed test inflates false positives far above 5% (why --sequential exists)', () => {
    // Peeking after every 500 units and stopping at the first p < 0.05 finds a "difference" in A/A data
    // roughly three to four times as often as promised.
    assert.ok(rates.fixedAnyLook > 0.12, `ten-look fixed-test false-positive rate ${rates.fixedAnyLook}`);
  });

  it('with --sequential, ten looks keep false positives at or under 5%', () => {
    assert.ok(rates.sequentialAnyLook <= alpha, `ten-look sequential false-positive rate ${rates.sequentialAnyLook}`);
  });

  it('a single look with the two-proportion z-test on A/A conversions is a false positive about 5% of the time', () => {
    const uniform = randu.factory({ seed: 7 });
    let hits = 0;
    const experiments = 2000;
    for (let experiment = 0; experiment < experiments; experiment++) {
      const arms = { canary: { n: 0, successes: 0 }, stable: { n: 0, successes: 0 } };
      for (let unit = 0; unit < 2000; unit++) {
        const arm = uniform() < 0.1 ? arms.canary : arms.stable;
        arm.n++;
        if (uniform() < 0.3) arm.successes++;
      }
      if (twoProportionTest(arms.canary, arms.stable, alpha).pValue < alpha) hits++;
    }
    const rate = hits / experiments;
    assert.ok(rate >= 0.035 && rate <= 0.065, `single-look z-test false-positive rate ${rate}`);
  });
});
