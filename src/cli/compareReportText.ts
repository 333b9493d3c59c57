import type { MetricComparison, MetricTest } from '../core/canary/canaryAnalysis';
import { formatCount, formatPValue, formatSigned, formatStat, pValueClause } from '../core/canary/statFormat';
import { escapeControlCharacters } from '../core/document/controlCharacters';
import type { AbbreviateCommit } from '../core/releases/commitAbbreviation';
import type { CanaryComparison } from '../node/canary/canaryComparison';

const testNames: Readonly<Record<MetricTest, string>> = {
  'two-proportion-z': 'z',
  'fisher-exact': 'fisher',
  'welch-t': 'welch',
  'confidence-sequence': 'sequence',
  none: '-',
};

function mean(value: number | null): string {
  return value === null ? '-' : formatStat(value);
}

function row(metric: MetricComparison): string[] {
  return [
    `${escapeControlCharacters(metric.name)}${metric.direction === 'lower' ? ' ↓' : ''}${metric.primary ? ' *' : ''}`,
    testNames[metric.test],
    formatCount(metric.stable.n),
    mean(metric.stable.mean),
    formatCount(metric.canary.n),
    mean(metric.canary.mean),
    metric.difference === null ? '-' : formatSigned(metric.difference),
    metric.ci === null ? '-' : `[${formatSigned(metric.ci[0])}, ${formatSigned(metric.ci[1])}]`,
    metric.pValue === null ? '-' : formatPValue(metric.pValue),
    metric.adjustedPValue === null ? '-' : formatPValue(metric.adjustedPValue),
    metric.effect === 'none' ? '' : metric.effect,
  ];
}

/** Columns padded to their widest cell, two spaces apart. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((cells) => [...(cells[column] ?? '')].length))) ?? [];
  return rows.map((cells) => cells.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - [...cell].length)).join('  ').trimEnd());
}

/** The compare report for a terminal: the experiment (commits abbreviated by `short`), one table row per metric, the sample ratio check, the verdict and its reasons. */
export function compareReportText(comparison: CanaryComparison, outcomesArgument: string, short: AbbreviateCommit): string {
  const { experiment, rows, analysis } = comparison;
  const level = `${Number(((1 - analysis.alpha) * 100).toPrecision(4))}% ${analysis.sequential ? 'CS' : 'CI'}`;
  const since = experiment.since ? ` since ${experiment.since}` : '';
  const ended = experiment.source === 'audit log' ? ' (ended; read from the audit log)' : '';
  const left = rows.malformed + rows.armMismatch + rows.unknownCommit;
  const srm = analysis.srm;
  const total = srm.stableUnits + srm.canaryUnits;
  const share = total === 0 ? '-' : `${formatStat((srm.canaryUnits / total) * 100)}%`;
  const lines = [
    `${escapeControlCharacters(experiment.prompt)} ${experiment.label}: stable ${short(experiment.stableCommit)} vs canary ${short(experiment.canaryCommit)} at ${experiment.weight}%${since}${ended}`,
    `${escapeControlCharacters(outcomesArgument)}: ${formatCount(rows.read)} rows read, ${formatCount(rows.used)} used, ${formatCount(rows.otherPrompts)} of other prompts or labels, ${formatCount(left)} left out`,
    '',
    ...table([['metric', 'test', 'stable n', 'mean', 'canary n', 'mean', 'canary − stable', level, 'p', 'adj. p', ''], ...analysis.metrics.map(row)]),
    '',
    `SRM: ${formatCount(srm.stableUnits)} stable and ${formatCount(srm.canaryUnits)} canary units (canary ${share}, weight ${experiment.weight}%): ${pValueClause('p', srm.pValue)}, ${srm.mismatch ? 'MISMATCH' : 'no mismatch'}`,
    '',
    `Verdict: ${analysis.verdict}`,
    ...analysis.reasons.map((reason) => `  - ${reason}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The compare report as JSON (DESIGN §9 fields per metric, `srm` and `verdict`, plus the experiment and row counts). */
export function compareReportJson(comparison: CanaryComparison): unknown {
  const { experiment, rows, analysis } = comparison;
  return {
    prompt: experiment.prompt,
    label: experiment.label,
    stable: { commit: experiment.stableCommit },
    canary: { commit: experiment.canaryCommit, weight: experiment.weight, since: experiment.since ?? null, source: experiment.source },
    alpha: analysis.alpha,
    sequential: analysis.sequential,
    rows,
    metrics: analysis.metrics.map(({ untested, ...metric }) => ({ ...metric, untested: untested ?? null })),
    srm: { pValue: analysis.srm.pValue, mismatch: analysis.srm.mismatch, chiSquare: analysis.srm.chiSquare, stableUnits: analysis.srm.stableUnits, canaryUnits: analysis.srm.canaryUnits, expectedCanaryShare: analysis.srm.expectedCanaryShare },
    verdict: analysis.verdict,
    reasons: analysis.reasons,
  };
}
