import type { ArmValues, MetricValues, OutcomeSummary } from '../outcomes/outcomeTally';
import type { TestResult } from '../stats/armSummary';
import { confidenceSequence } from '../stats/confidenceSequence';
import { fisherExactTest } from '../stats/fisherExactTest';
import { holmAdjusted } from '../stats/holmCorrection';
import { sampleRatioMismatch, type SampleRatioCheck } from '../stats/sampleRatioMismatch';
import { twoProportionTest } from '../stats/twoProportionTest';
import { welchTest } from '../stats/welchTest';
import { canaryVerdict, type CanaryVerdict } from './canaryVerdict';

/** A metric to judge, and which way is better. */
export interface MetricRequest {
  readonly name: string;
  /** Latency, cost, errors: smaller is better. */
  readonly lowerIsBetter: boolean;
}

/** Reads `NAME` or `NAME:lower` (as `--metric` and the `promptops.canary.metrics` setting take it), or says what is wrong in one sentence. */
export function parseMetricRequest(text: string): MetricRequest | string {
  const match = /^(.+?)(?::(lower|higher))?$/.exec(text.trim());
  const name = match?.[1]?.trim() ?? '';
  if (name === '') return `A metric is a name, optionally followed by :lower, not "${text}".`;
  return { name, lowerIsBetter: match?.[2] === 'lower' };
}

export interface CanaryAnalysisOptions {
  /** The significance level, e.g. 0.05. */
  readonly alpha: number;
  /** Always-valid confidence sequences instead of fixed-sample tests, for repeated looks. */
  readonly sequential: boolean;
  /** The metrics to judge, the first primary; undefined judges every metric of the rows in the order they appeared. */
  readonly metrics?: readonly MetricRequest[] | undefined;
  /** The canary's percent of traffic, for the sample ratio check. */
  readonly canaryWeight: number;
}

export type MetricTest = 'two-proportion-z' | 'fisher-exact' | 'welch-t' | 'confidence-sequence' | 'none';

/** One metric's comparison (DESIGN §9 JSON fields, plus direction, effect and why a test was not run). */
export interface MetricComparison {
  readonly name: string;
  readonly kind: 'binary' | 'continuous';
  readonly test: MetricTest;
  readonly direction: 'higher' | 'lower';
  readonly primary: boolean;
  readonly stable: { readonly n: number; readonly mean: number | null };
  readonly canary: { readonly n: number; readonly mean: number | null };
  /** Canary − stable; null without data in both arms. */
  readonly difference: number | null;
  readonly ci: readonly [number, number] | null;
  readonly pValue: number | null;
  /** Holm-adjusted across the metrics compared. */
  readonly adjustedPValue: number | null;
  readonly significant: boolean;
  /** Which way a significant difference goes for users: better, worse, or none when not significant. */
  readonly effect: 'better' | 'worse' | 'none';
  /** Why no test ran (too few units), when none did. */
  readonly untested?: string;
}

/** The whole comparison: metrics, sample ratio check, verdict and its reasons. */
export interface CanaryAnalysis {
  readonly alpha: number;
  readonly sequential: boolean;
  readonly metrics: readonly MetricComparison[];
  readonly srm: SampleRatioCheck;
  readonly verdict: CanaryVerdict;
  readonly reasons: readonly string[];
}

interface Tested {
  readonly test: MetricTest;
  readonly result?: TestResult;
  readonly untested?: string;
}

function meanOrNull(arm: ArmValues): number | null {
  return arm.n === 0 ? null : arm.mean;
}

/** Chooses and runs the test DESIGN §9 names for a metric: z or Fisher for 0/1 units, Welch otherwise, a confidence sequence with --sequential. */
function testMetric(metric: MetricValues, options: CanaryAnalysisOptions): Tested {
  const { stable, canary } = metric;
  const binaryUnits = metric.binary && stable.successes !== undefined && canary.successes !== undefined;
  if (options.sequential) {
    if (stable.n < 2 || canary.n < 2) return { test: 'none', untested: `each arm needs at least 2 units (stable has ${stable.n}, canary ${canary.n})` };
    const standardError = Math.sqrt(canary.variance / canary.n + stable.variance / stable.n);
    return { test: 'confidence-sequence', result: confidenceSequence({ difference: canary.mean - stable.mean, standardError, canaryUnits: canary.n, stableUnits: stable.n }, options.alpha) };
  }
  if (binaryUnits && stable.successes !== undefined && canary.successes !== undefined) {
    if (stable.n < 1 || canary.n < 1) return { test: 'none', untested: `each arm needs at least 1 unit (stable has ${stable.n}, canary ${canary.n})` };
    const arms = { canary: { n: canary.n, successes: canary.successes }, stable: { n: stable.n, successes: stable.successes } };
    const cells = [arms.canary.successes, arms.canary.n - arms.canary.successes, arms.stable.successes, arms.stable.n - arms.stable.successes];
    if (cells.some((cell) => cell < 5)) return { test: 'fisher-exact', result: fisherExactTest(arms.canary, arms.stable, options.alpha) };
    return { test: 'two-proportion-z', result: twoProportionTest(arms.canary, arms.stable, options.alpha) };
  }
  if (stable.n < 2 || canary.n < 2) return { test: 'none', untested: `each arm needs at least 2 units (stable has ${stable.n}, canary ${canary.n})` };
  return { test: 'welch-t', result: welchTest(canary, stable, options.alpha) };
}

/**
 * Compares the canary with the stable version on every metric (per unit), corrects for testing
 * several metrics with Holm, checks the split of units against the weight, and gives the verdict.
 */
export function analyzeCanary(summary: OutcomeSummary, options: CanaryAnalysisOptions): CanaryAnalysis {
  const requests: readonly MetricRequest[] = options.metrics ?? summary.metrics.map((metric) => ({ name: metric.name, lowerIsBetter: false }));
  const byName = new Map(summary.metrics.map((metric) => [metric.name, metric]));
  const empty: ArmValues = { n: 0, mean: Number.NaN, variance: Number.NaN, successes: undefined };
  const tested = requests.map((request) => {
    const values = byName.get(request.name) ?? { name: request.name, binary: true, stable: empty, canary: empty };
    return { request, values, outcome: testMetric(values, options) };
  });
  const adjusted = holmAdjusted(tested.map(({ outcome }) => outcome.result?.pValue));
  const metrics = tested.map(({ request, values, outcome }, index): MetricComparison => {
    const adjustedPValue = adjusted[index] ?? null;
    const result = outcome.result;
    const significant = adjustedPValue !== null && adjustedPValue < options.alpha && result !== undefined && result.difference !== 0;
    const improves = result !== undefined && (request.lowerIsBetter ? result.difference < 0 : result.difference > 0);
    return {
      name: request.name,
      kind: values.binary ? 'binary' : 'continuous',
      test: outcome.test,
      direction: request.lowerIsBetter ? 'lower' : 'higher',
      primary: index === 0,
      stable: { n: values.stable.n, mean: meanOrNull(values.stable) },
      canary: { n: values.canary.n, mean: meanOrNull(values.canary) },
      difference: result?.difference ?? (values.stable.n > 0 && values.canary.n > 0 ? values.canary.mean - values.stable.mean : null),
      ci: result ? [result.ci[0], result.ci[1]] : null,
      pValue: result?.pValue ?? null,
      adjustedPValue,
      significant,
      effect: significant ? (improves ? 'better' : 'worse') : 'none',
      ...(outcome.untested ? { untested: outcome.untested } : {}),
    };
  });
  const srm = sampleRatioMismatch(summary.units.stable, summary.units.canary, options.canaryWeight);
  const { verdict, reasons } = canaryVerdict({ metrics, srm, rows: summary.rows, problems: summary.problems, alpha: options.alpha, sequential: options.sequential });
  return { alpha: options.alpha, sequential: options.sequential, metrics, srm, verdict, reasons };
}
