import type { MetricComparison, MetricTest } from '../../core/canary/canaryAnalysis';
import { formatCount, formatPValue, formatSigned, formatStat, pValueClause } from '../../core/canary/statFormat';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import type { AbbreviateCommit } from '../../core/releases/commitAbbreviation';
import type { CanaryComparison } from '../../node/canary/canaryComparison';
import type { CanaryReportMetric, CanaryReportState } from '../../webview/canaryReportProtocol';

const testNames: Readonly<Record<MetricTest, string>> = {
  'two-proportion-z': 'two-proportion z',
  'fisher-exact': "Fisher's exact",
  'welch-t': "Welch's t",
  'confidence-sequence': 'confidence sequence',
  none: 'not tested',
};

function arm(side: { n: number; mean: number | null }): string {
  return side.mean === null ? `n = ${formatCount(side.n)}` : `${formatStat(side.mean)} (n = ${formatCount(side.n)})`;
}

function metricRow(metric: MetricComparison): CanaryReportMetric {
  const notes = [metric.primary ? 'primary' : '', metric.direction === 'lower' ? 'lower is better' : ''].filter(Boolean).join(', ');
  return {
    name: escapeControlCharacters(metric.name),
    notes,
    test: testNames[metric.test],
    stable: arm(metric.stable),
    canary: arm(metric.canary),
    difference: metric.difference === null ? '–' : formatSigned(metric.difference),
    interval: metric.ci === null ? (metric.untested ?? '–') : `${formatSigned(metric.ci[0])} to ${formatSigned(metric.ci[1])}`,
    pValue: metric.adjustedPValue === null ? '–' : formatPValue(metric.adjustedPValue),
    effect: metric.effect,
    chart: metric.ci === null || metric.difference === null ? null : { difference: metric.difference, low: metric.ci[0], high: metric.ci[1] },
  };
}

/** What the Canary report shows for a comparison (commits abbreviated by `short`), every text from files escaped. */
export function canaryReportState(comparison: CanaryComparison, outcomesFile: string, running: boolean, short: AbbreviateCommit): CanaryReportState {
  const { experiment, rows, analysis } = comparison;
  const srm = analysis.srm;
  const total = srm.stableUnits + srm.canaryUnits;
  const share = total === 0 ? '–' : `${formatStat((srm.canaryUnits / total) * 100)}%`;
  return {
    prompt: experiment.prompt,
    label: experiment.label,
    split: `stable ${short(experiment.stableCommit)} vs canary ${short(experiment.canaryCommit)} at ${experiment.weight}%${experiment.since ? ` since ${experiment.since}` : ''}${running ? '' : ' (ended; from the audit log)'}`,
    outcomesFile: escapeControlCharacters(outcomesFile),
    running,
    result: {
      ok: true,
      verdict: analysis.verdict,
      reasons: analysis.reasons,
      rows: `${formatCount(rows.read)} rows read, ${formatCount(rows.used)} used, ${formatCount(rows.otherPrompts)} of other prompts or labels, ${formatCount(rows.malformed + rows.armMismatch + rows.unknownCommit)} left out · alpha ${analysis.alpha}${analysis.sequential ? ', sequential' : ''}`,
      intervalName: `${Number(((1 - analysis.alpha) * 100).toPrecision(4))}% ${analysis.sequential ? 'confidence sequence' : 'CI'}`,
      metrics: analysis.metrics.map(metricRow),
      srm: {
        text: `Sample ratio: ${formatCount(srm.stableUnits)} stable and ${formatCount(srm.canaryUnits)} canary units (canary ${share}, weight ${experiment.weight}%), ${pValueClause('p', srm.pValue)}: ${srm.mismatch ? 'MISMATCH' : 'no mismatch'}`,
        mismatch: srm.mismatch,
      },
    },
  };
}
