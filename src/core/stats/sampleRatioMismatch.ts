import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';

/** Below this p-value the split of units between the arms is called a mismatch (the usual SRM threshold). */
export const sampleRatioMismatchThreshold = 0.001;

/** The sample ratio check: units per arm against the split the canary weight promises. */
export interface SampleRatioCheck {
  readonly stableUnits: number;
  readonly canaryUnits: number;
  /** The canary's expected share of units, from its weight (0–1). */
  readonly expectedCanaryShare: number;
  readonly chiSquare: number;
  readonly pValue: number;
  readonly mismatch: boolean;
}

/**
 * Chi-square goodness-of-fit test (1 df) of the units each arm received against the canary weight
 * (percent); a p-value under 0.001 is a sample ratio mismatch: the assignment or the logging is broken.
 */
export function sampleRatioMismatch(stableUnits: number, canaryUnits: number, canaryWeightPercent: number): SampleRatioCheck {
  const expectedCanaryShare = canaryWeightPercent / 100;
  const total = stableUnits + canaryUnits;
  if (total === 0) return { stableUnits, canaryUnits, expectedCanaryShare, chiSquare: 0, pValue: 1, mismatch: false };
  const expectedCanary = total * expectedCanaryShare;
  const expectedStable = total - expectedCanary;
  const chiSquare = (canaryUnits - expectedCanary) ** 2 / expectedCanary + (stableUnits - expectedStable) ** 2 / expectedStable;
  const pValue = 1 - chisquareCdf(chiSquare, 1);
  return { stableUnits, canaryUnits, expectedCanaryShare, chiSquare, pValue, mismatch: pValue < sampleRatioMismatchThreshold };
}
