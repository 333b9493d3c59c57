import { analyzeCanary, type CanaryAnalysis } from '../src/core/canary/canaryAnalysis';
import { OutcomeTally } from '../src/core/outcomes/outcomeTally';
import { readOutcomeFile } from '../src/node/outcomes/outcomeFileReader';

/** What `promptops compare` does with an outcome file once it knows the commits: stream, tally per unit, test, judge. */
export async function tallyOutcomeFile(file: string): Promise<CanaryAnalysis> {
  const tally = new OutcomeTally({ prompt: 'support/summarize', label: 'production', stableCommit: 'a'.repeat(40), canaryCommit: 'b'.repeat(40), metrics: ['resolved', 'latency_ms'] });
  await readOutcomeFile(file, tally);
  return analyzeCanary(tally.summary(), { alpha: 0.05, sequential: false, canaryWeight: 10, metrics: [{ name: 'resolved', lowerIsBetter: false }, { name: 'latency_ms', lowerIsBetter: true }] });
}
