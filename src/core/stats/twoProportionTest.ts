import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { BinaryArm, TestResult } from './armSummary';

/** The two-proportion z-test result with its z statistic. */
export interface TwoProportionResult extends TestResult {
  readonly z: number;
}

/**
 * Two-sided two-proportion z-test of canary − stable: the statistic uses the pooled proportion (as
 * R's `prop.test(correct = FALSE)`), the confidence interval the unpooled (Wald) standard error.
 */
export function twoProportionTest(canary: BinaryArm, stable: BinaryArm, alpha: number): TwoProportionResult {
  if (canary.n < 1 || stable.n < 1) throw new RangeError('A two-proportion test needs units in both arms.');
  const canaryRate = canary.successes / canary.n;
  const stableRate = stable.successes / stable.n;
  const difference = canaryRate - stableRate;
  const pooled = (canary.successes + stable.successes) / (canary.n + stable.n);
  const pooledError = Math.sqrt(pooled * (1 - pooled) * (1 / canary.n + 1 / stable.n));
  const z = pooledError === 0 ? 0 : difference / pooledError;
  const pValue = pooledError === 0 ? 1 : Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
  const unpooledError = Math.sqrt((canaryRate * (1 - canaryRate)) / canary.n + (stableRate * (1 - stableRate)) / stable.n);
  const margin = normalQuantile(1 - alpha / 2, 0, 1) * unpooledError;
  return { difference, ci: [difference - margin, difference + margin], pValue, z };
}
