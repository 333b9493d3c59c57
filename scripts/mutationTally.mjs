// `npm run mutation:tally -- RECORD [--sample SAMPLE]`: the score of the mutants a run recorded so far
// (scripts/mutationRecord.mjs appends each as it is tested), per file; with --sample, the whole-scope
// estimate from the sampled mutants among them. For runs stopped before the end: Stryker writes its own
// report only when a run finishes.
import * as fs from 'node:fs';
import sampling from '../out/test/harness/mutationSampling.js';
import { estimateLines, fileScoreLines } from './mutationEstimate.mjs';

const [recordFile] = process.argv.slice(2).filter((arg, index, args) => !arg.startsWith('--') && args[index - 1] !== '--sample');
const sampleIndex = process.argv.indexOf('--sample');
if (!recordFile || !fs.existsSync(recordFile)) {
  console.error('Name the record of a mutation run, for example reports/mutation/sample/tested.jsonl.');
  process.exit(2);
}
const records = fs.readFileSync(recordFile, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
const report = sampling.reportFromRecords(records);
console.log(`${records.length} mutants recorded in ${recordFile}:`);
console.log(fileScoreLines(report).join('\n'));
if (sampleIndex >= 0) console.log(estimateLines(JSON.parse(fs.readFileSync(process.argv[sampleIndex + 1], 'utf8')), report).join('\n'));
