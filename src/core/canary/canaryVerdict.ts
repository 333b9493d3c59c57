import { escapeControlCharacters } from '../document/controlCharacters';
import type { OutcomeProblem, OutcomeRowCounts } from '../outcomes/outcomeTally';
import type { SampleRatioCheck } from '../stats/sampleRatioMismatch';
import type { MetricComparison } from './canaryAnalysis';
import { formatCount, formatSigned, pValueClause } from './statFormat';

/** DESIGN §9: what to do with the canary. */
export type CanaryVerdict = 'promote' | 'roll-back' | 'hold' | 'keep-collecting';

/** Malformed rows above this share of the rows read make the data suspect: hold. */
export const malformedShareLimit = 0.01;

export interface VerdictInput {
  readonly metrics: readonly MetricComparison[];
  readonly srm: SampleRatioCheck;
  readonly rows: OutcomeRowCounts;
  readonly problems: { readonly malformed: readonly OutcomeProblem[]; readonly armMismatch: readonly OutcomeProblem[]; readonly unknownCommit: readonly OutcomeProblem[] };
  readonly alpha: number;
  readonly sequential: boolean;
}

function metricName(metric: MetricComparison): string {
  const name = escapeControlCharacters(metric.name);
  const notes = [metric.primary ? 'primary' : '', metric.direction === 'lower' ? 'lower is better' : ''].filter(Boolean);
  return notes.length > 0 ? `${name} (${notes.join(', ')})` : name;
}

function estimate(metric: MetricComparison, alpha: number, sequential: boolean): string {
  if (metric.difference === null || metric.ci === null) return '';
  const level = `${Number(((1 - alpha) * 100).toPrecision(4))}% ${sequential ? 'confidence sequence' : 'CI'}`;
  return `${formatSigned(metric.difference)} (${level} ${formatSigned(metric.ci[0])} to ${formatSigned(metric.ci[1])}), ${pValueClause('adjusted p', metric.adjustedPValue ?? 1)}`;
}

function lines(problems: readonly OutcomeProblem[]): string {
  const shown = problems.map((problem) => problem.line);
  return shown.length === 1 ? `line ${shown[0] ?? ''}` : `lines ${shown.join(', ')}`;
}

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * The verdict and one line per reason: `roll-back` when any metric is significantly worse (a canary is
 * cheap to stop, even when the data are also suspect), else `hold` on a sample ratio mismatch or
 * untrustworthy rows, else `promote` when the primary metric is significantly better, else `keep-collecting`.
 */
export function canaryVerdict(input: VerdictInput): { verdict: CanaryVerdict; reasons: string[] } {
  const { metrics, srm, rows, problems, alpha, sequential } = input;
  const worse = metrics.filter((metric) => metric.effect === 'worse');
  const better = metrics.filter((metric) => metric.effect === 'better');
  const primary = metrics[0];
  const holds: string[] = [];
  if (srm.mismatch) {
    const expected = Math.round((srm.stableUnits + srm.canaryUnits) * srm.expectedCanaryShare);
    holds.push(`Sample ratio mismatch: the canary has ${plural(srm.canaryUnits, 'unit', 'units')} of ${formatCount(srm.stableUnits + srm.canaryUnits)} where its weight of ${formatCount(srm.expectedCanaryShare * 100)}% means about ${formatCount(expected)} (${pValueClause('p', srm.pValue)}, under 0.001); assignment or logging is broken, so no comparison can be trusted.`);
  }
  if (rows.armMismatch > 0) {
    holds.push(`${plural(rows.armMismatch, 'row has an arm', 'rows have an arm')} that disagrees with its commit (${lines(problems.armMismatch)}); the application's provenance is wrong, so the arms cannot be trusted.`);
  }
  if (rows.read > 0 && rows.malformed / rows.read > malformedShareLimit) {
    holds.push(`${plural(rows.malformed, 'line is', 'lines are')} malformed (${lines(problems.malformed)}: ${escapeControlCharacters(problems.malformed[0]?.detail ?? '')}), more than ${malformedShareLimit * 100}% of the file.`);
  }
  const notes: string[] = [];
  if (rows.used === 0) notes.push(`No usable row for this canary among the ${plural(rows.read, 'row', 'rows')} read (${formatCount(rows.otherPrompts)} of other prompts or labels).`);
  if (rows.malformed > 0 && rows.malformed / rows.read <= malformedShareLimit) {
    notes.push(`${plural(rows.malformed, 'malformed line was', 'malformed lines were')} left out (${lines(problems.malformed)}: ${escapeControlCharacters(problems.malformed[0]?.detail ?? '')}).`);
  }
  if (rows.unknownCommit > 0) {
    notes.push(`${plural(rows.unknownCommit, 'row names a commit that is', 'rows name commits that are')} neither the stable nor the canary version (${lines(problems.unknownCommit)}); left out.`);
  }
  for (const metric of metrics) {
    if (metric.untested) notes.push(`${metricName(metric)} was not tested: ${metric.untested}.`);
  }

  let verdict: CanaryVerdict;
  const reasons: string[] = [];
  if (worse.length > 0) {
    verdict = 'roll-back';
    reasons.push(...worse.map((metric) => `${metricName(metric)} is significantly worse: ${estimate(metric, alpha, sequential)}.`), ...holds);
  } else if (holds.length > 0) {
    verdict = 'hold';
    reasons.push(...holds);
  } else if (primary && primary.effect === 'better') {
    verdict = 'promote';
    reasons.push(`${metricName(primary)} is significantly better: ${estimate(primary, alpha, sequential)}.`);
    reasons.push(metrics.length > 1 ? 'No other metric is significantly worse, and the split of units matches the weight.' : 'The split of units matches the weight.');
  } else {
    verdict = 'keep-collecting';
    if (!primary) reasons.push('No metric to compare: the rows of this canary have none.');
    else if (primary.untested) reasons.push(`Not enough data for ${metricName(primary)} yet.`);
    else reasons.push(`No significant difference in ${metricName(primary)} yet: ${estimate(primary, alpha, sequential)}.`);
    reasons.push(...better.filter((metric) => metric !== primary).map((metric) => `${metricName(metric)} is significantly better, but it is not the primary metric.`));
  }
  return { verdict, reasons: [...reasons, ...notes] };
}
