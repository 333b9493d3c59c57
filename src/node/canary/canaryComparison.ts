import { analyzeCanary, type CanaryAnalysis, type MetricRequest } from '../../core/canary/canaryAnalysis';
import { canaryExperimentOf, type CanaryExperiment } from '../../core/canary/canaryExperiment';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { OutcomeTally, type OutcomeRowCounts } from '../../core/outcomes/outcomeTally';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { readOutcomeFile } from '../outcomes/outcomeFileReader';
import { describeManifestProblem, readManifestFile } from '../releases/manifestFile';
import type { ReleaseWorkspace } from '../releases/releaseWorkspace';

/** What to compare: a prompt's label in a workspace, against an outcome file. */
export interface CanaryComparisonRequest {
  readonly workspace: ReleaseWorkspace;
  readonly prompt: string;
  readonly label: string;
  readonly outcomesFile: string;
  readonly metrics?: readonly MetricRequest[] | undefined;
  readonly alpha: number;
  readonly sequential: boolean;
  readonly signal?: AbortSignal | undefined;
}

/** The canary judged on an outcome file. */
export interface CanaryComparison {
  readonly experiment: CanaryExperiment;
  readonly outcomesFile: string;
  readonly rows: OutcomeRowCounts;
  readonly analysis: CanaryAnalysis;
}

/** A comparison that cannot start: no canary to compare, or a metric no row measures. */
export class CanaryComparisonError extends Error {}

/** Finds the label's canary in the manifest (or its audit log), streams the outcome file and judges the canary. */
export async function compareCanary(request: CanaryComparisonRequest): Promise<CanaryComparison> {
  const { workspace, prompt, label } = request;
  const { parsed } = readManifestFile(workspace.manifestFile);
  if (parsed.fatal) throw new ReleaseRefusal(describeManifestProblem(workspace.releasesFile, parsed.fatal));
  const experiment = canaryExperimentOf(parsed.manifest, prompt, label);
  if (!experiment) throw new CanaryComparisonError(`${prompt} ${label} has no canary in ${workspace.releasesFile}, and its audit log records none; start one with promptops canary.`);
  const tally = new OutcomeTally({ prompt, label, stableCommit: experiment.stableCommit, canaryCommit: experiment.canaryCommit, metrics: request.metrics?.map((metric) => metric.name) });
  await readOutcomeFile(request.outcomesFile, tally, request.signal);
  const summary = tally.summary();
  if (request.metrics && summary.rows.used > 0) {
    const measured = [...summary.metrics.filter((metric) => metric.stable.n + metric.canary.n > 0).map((metric) => metric.name), ...summary.otherMetrics];
    const missing = summary.metrics.filter((metric) => metric.stable.n + metric.canary.n === 0).map((metric) => metric.name);
    if (missing.length > 0) {
      const names = (list: readonly string[]) => list.map((name) => `"${escapeControlCharacters(name)}"`).join(', ');
      throw new CanaryComparisonError(`No row of ${prompt} ${label} measures ${names(missing)}${measured.length > 0 ? `; the rows measure ${names(measured)}` : ''}.`);
    }
  }
  const analysis = analyzeCanary(summary, { alpha: request.alpha, sequential: request.sequential, metrics: request.metrics, canaryWeight: experiment.weight });
  return { experiment, outcomesFile: request.outcomesFile, rows: summary.rows, analysis };
}
