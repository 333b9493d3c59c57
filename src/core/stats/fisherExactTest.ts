import hypergeometricCdf from '@stdlib/stats-base-dists-hypergeometric-cdf';
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { BinaryArm, TestResult } from './armSummary';

// Tables whose probability is within this relative tolerance of the observed one count as "as extreme", as in R.
const relativeTolerance = 1 + 1e-7;

/**
 * Fisher's exact test of a 2×2 table (canary and stable × outcome or not), two-sided as R's
 * `fisher.test` computes it: the probability of every table with the same margins that is no more
 * likely than the observed one. Used when any cell is under 5, where the z-test's normal
 * approximation fails. The interval is Newcombe's hybrid score interval for the difference of
 * proportions (his method 10), which keeps its coverage for small counts.
 */
export function fisherExactTest(canary: BinaryArm, stable: BinaryArm, alpha: number): TestResult {
  if (canary.n < 1 || stable.n < 1) throw new RangeError('Fisher\'s exact test needs units in both arms.');
  const total = canary.n + stable.n;
  const successes = canary.successes + stable.successes;
  const draws = canary.n;
  const pmf = (k: number): number => hypergeometricPmf(k, total, successes, draws);
  const lowest = Math.max(0, draws - (total - successes));
  const highest = Math.min(draws, successes);
  const threshold = pmf(canary.successes) * relativeTolerance;
  const mode = Math.min(highest, Math.max(lowest, Math.floor(((draws + 1) * (successes + 1)) / (total + 2))));
  let pValue: number;
  if (pmf(mode) <= threshold) {
    pValue = 1;
  } else {
    // The probabilities rise to the mode and fall after it, so each tail "no more likely than observed" is a run from an end.
    const lowerEnd = lastAtMost(lowest, mode - 1, (k) => pmf(k) <= threshold);
    const upperStart = firstAtMost(mode + 1, highest, (k) => pmf(k) <= threshold);
    const lowerTail = lowerEnd === undefined ? 0 : hypergeometricCdf(lowerEnd, total, successes, draws);
    // P(X ≥ k) is P(draws − X ≤ draws − k) for the failures' count, which keeps tiny tails precise.
    const upperTail = upperStart === undefined ? 0 : hypergeometricCdf(draws - upperStart, total, total - successes, draws);
    pValue = Math.min(1, lowerTail + upperTail);
  }
  return { difference: canary.successes / canary.n - stable.successes / stable.n, ci: newcombeInterval(canary, stable, alpha), pValue };
}

/** The largest k in [from, to] where `holds` is true, for a predicate true up to some point and false after. */
function lastAtMost(from: number, to: number, holds: (k: number) => boolean): number | undefined {
  if (to < from || !holds(from)) return undefined;
  let [low, high] = [from, to];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (holds(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The smallest k in [from, to] where `holds` is true, for a predicate false up to some point and true after. */
function firstAtMost(from: number, to: number, holds: (k: number) => boolean): number | undefined {
  if (to < from || !holds(to)) return undefined;
  let [low, high] = [from, to];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (holds(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Wilson's score interval for one proportion. */
function wilsonInterval(arm: BinaryArm, z: number): [number, number] {
  const rate = arm.successes / arm.n;
  const z2 = z * z;
  const centre = rate + z2 / (2 * arm.n);
  const spread = z * Math.sqrt((rate * (1 - rate)) / arm.n + z2 / (4 * arm.n * arm.n));
  const denominator = 1 + z2 / arm.n;
  return [(centre - spread) / denominator, (centre + spread) / denominator];
}

/** Newcombe's (1998) hybrid score interval for canary − stable, from each arm's Wilson interval. */
export function newcombeInterval(canary: BinaryArm, stable: BinaryArm, alpha: number): [number, number] {
  const z = normalQuantile(1 - alpha / 2, 0, 1);
  const [canaryRate, stableRate] = [canary.successes / canary.n, stable.successes / stable.n];
  const [canaryLow, canaryHigh] = wilsonInterval(canary, z);
  const [stableLow, stableHigh] = wilsonInterval(stable, z);
  const difference = canaryRate - stableRate;
  const below = Math.sqrt((canaryRate - canaryLow) ** 2 + (stableHigh - stableRate) ** 2);
  const above = Math.sqrt((canaryHigh - canaryRate) ** 2 + (stableRate - stableLow) ** 2);
  return [difference - below, difference + above];
}
