import type { TestResult } from './armSummary';

/**
 * The tuning constant of the asymptotic confidence sequences: the total number of units (both arms)
 * at which the sequence is tightest. 5,000 is GrowthBook's default; the sequence stays valid at every
 * other sample size, only a little wider than it could be there.
 */
export const sequentialTuningUnits = 5000;

/** The mixing parameter ρ² that makes the boundary tightest at `tuningUnits` (Waudby-Smith et al., approximate optimum). */
export function sequentialRhoSquared(alpha: number, tuningUnits = sequentialTuningUnits): number {
  const logTerm = -2 * Math.log(alpha);
  return (logTerm + Math.log(logTerm + 1)) / tuningUnits;
}

/** A difference of means and its standard error, from both arms' sizes. */
export interface DifferenceEstimate {
  readonly difference: number;
  readonly standardError: number;
  readonly canaryUnits: number;
  readonly stableUnits: number;
}

/**
 * An always-valid result for canary − stable: the asymptotic confidence sequence of Waudby-Smith,
 * Arbour, Sinha, Kennedy and Ramdas ("Time-uniform central limit theory", 2021) around the
 * difference, μ̂ ± σ̂·√(2(Nρ² + 1)/(N²ρ²) · ln(√(Nρ² + 1)/α)) with N the units of both arms and σ̂²
 * = N·SE², and its p-value (the smallest alpha whose sequence excludes zero). Looking again and again
 * keeps the chance of any false positive at alpha, unlike a fixed-sample test.
 */
export function confidenceSequence(estimate: DifferenceEstimate, alpha: number, tuningUnits = sequentialTuningUnits): TestResult {
  const { difference, standardError } = estimate;
  const units = estimate.canaryUnits + estimate.stableUnits;
  const rho2 = sequentialRhoSquared(alpha, tuningUnits);
  const spread = units * rho2 + 1;
  const sigma = standardError * Math.sqrt(units);
  if (sigma === 0) return { difference, ci: [difference, difference], pValue: difference === 0 ? 1 : 0 };
  const margin = sigma * Math.sqrt(((2 * spread) / (units * units * rho2)) * Math.log(Math.sqrt(spread) / alpha));
  const standardized = difference / sigma;
  const pValue = Math.min(1, Math.sqrt(spread) * Math.exp(-(standardized * standardized * units * units * rho2) / (2 * spread)));
  return { difference, ci: [difference - margin, difference + margin], pValue };
}
