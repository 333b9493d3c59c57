import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { ContinuousArm, TestResult } from './armSummary';

/** Welch's t-test result, with the Welch–Satterthwaite degrees of freedom and the t statistic. */
export interface WelchResult extends TestResult {
  readonly t: number;
  readonly df: number;
}

/**
 * Welch's two-sample t-test of canary − stable (unequal variances, Welch–Satterthwaite df), two-sided,
 * with its 1 − alpha confidence interval; both arms need at least two units.
 */
export function welchTest(canary: ContinuousArm, stable: ContinuousArm, alpha: number): WelchResult {
  if (canary.n < 2 || stable.n < 2) throw new RangeError('Welch\'s t-test needs at least two units in each arm.');
  const difference = canary.mean - stable.mean;
  const canaryTerm = canary.variance / canary.n;
  const stableTerm = stable.variance / stable.n;
  const standardError = Math.sqrt(canaryTerm + stableTerm);
  if (standardError === 0) {
    // Every unit of each arm had the same value: the difference is exact.
    return { difference, ci: [difference, difference], pValue: difference === 0 ? 1 : 0, t: difference === 0 ? 0 : Math.sign(difference) * Infinity, df: canary.n + stable.n - 2 };
  }
  // Welch–Satterthwaite, written with shares of the variance so that tiny variances cannot underflow to 0/0.
  const canaryShare = canaryTerm / (canaryTerm + stableTerm);
  const stableShare = stableTerm / (canaryTerm + stableTerm);
  const df = 1 / (canaryShare ** 2 / (canary.n - 1) + stableShare ** 2 / (stable.n - 1));
  const t = difference / standardError;
  const pValue = Math.min(1, 2 * tCdf(-Math.abs(t), df));
  const margin = tQuantile(1 - alpha / 2, df) * standardError;
  return { difference, ci: [difference - margin, difference + margin], pValue, t, df };
}
