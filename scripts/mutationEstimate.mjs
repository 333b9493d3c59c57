// The lines `npm run mutation:sample` and `npm run mutation:tally` print for a sample: the whole
// scope's score estimated from the sampled mutants a report holds, with its 95% Wilson interval.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import sampling from '../out/test/harness/mutationSampling.js';

const percent = (value) => `${(value * 100).toFixed(1)}%`;

export function estimateLines({ seed, inScope, sample }, report) {
  const tally = sampling.tallySample(sample, report);
  const valid = tally.detected + tally.undetected;
  const interval = sampling.wilsonInterval(tally.detected, valid, normalQuantile(0.975, 0, 1));
  return [
    `Whole scope, estimated from ${sample.length} of ${inScope} mutants drawn at random (seed ${seed}):`,
    `  ${tally.detected} detected (killed or timed out), ${tally.undetected} undetected (survived or no coverage), ${tally.invalid} left out (did not type-check, or static)${tally.missing.length > 0 ? `, ${tally.missing.length} not tested (yet)` : ''}`,
    `  mutation score ${percent(interval.score)}, 95% confidence interval ${percent(interval.low)}–${percent(interval.high)} (Wilson, ${valid} valid mutants)`,
    ...tally.undetectedMutants.map(({ mutant, status }) => `  ${status}: ${mutant.fileName}:${mutant.location.start.line + 1}:${mutant.location.start.column + 1} ${mutant.mutatorName} → ${JSON.stringify(mutant.replacement).slice(0, 80)}`),
  ];
}

export function fileScoreLines(report) {
  const rows = sampling.scoreByFile(report);
  const line = ({ fileName, detected, undetected, invalid }) =>
    `  ${fileName}: ${detected + undetected === 0 ? 'no valid mutants' : percent(detected / (detected + undetected))} (${detected} detected, ${undetected} undetected, ${invalid} left out)`;
  const total = rows.reduce((sum, row) => ({ fileName: 'all', detected: sum.detected + row.detected, undetected: sum.undetected + row.undetected, invalid: sum.invalid + row.invalid }), { fileName: 'all', detected: 0, undetected: 0, invalid: 0 });
  return [...rows.map(line), line(total)];
}
