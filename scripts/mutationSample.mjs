// `npm run mutation:sample [-- --size N] [--seed S] [--concurrency N]`: the mutation score of the whole
// scope (src/core, src/node, src/runtime: about 20,000 mutants, half a day of Stryker on two cores)
// estimated from a uniform random sample of its mutants, with a 95% confidence interval. The sample
// is seeded, so a rerun with the same seed picks the same mutants of unchanged code and Stryker's
// incremental file under reports/mutation/sample/ makes it quick. Every unit test that runs in-process
// is given to Stryker, as `npm run mutation` would.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import randu from '@stdlib/random-base-randu';
import sampling from '../out/test/harness/mutationSampling.js';
import { estimateLines } from './mutationEstimate.mjs';
import { recordFileVariable } from './mutationRecord.mjs';
import { outOfProcessTests as ignore } from './mutationScope.mjs';

const scope = ['src/core', 'src/node', 'src/runtime'];
const reports = 'reports/mutation/sample';

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} takes a whole number, at least 1.`);
    process.exit(2);
  }
  return value;
}

function typeScriptFiles(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every mutant Stryker would make in scope, listed by its own instrumenter without running anything. */
async function listMutants() {
  const quiet = new Proxy({}, { get: (_, name) => (String(name).startsWith('is') ? () => false : () => undefined) });
  const files = scope.flatMap(typeScriptFiles).map((name) => ({ name, content: fs.readFileSync(name, 'utf8'), mutate: true }));
  const { mutants } = await new Instrumenter(quiet).instrument(files, { plugins: null, excludedMutations: [], ignorers: [], noHeader: true });
  return [...mutants].sort(sampling.compareListedMutants);
}

const size = option('size', 400);
const seed = option('seed', 1);
const concurrency = option('concurrency', 1);
const listed = await listMutants();
const sample = sampling.sampleMutants(listed, size, randu.factory({ seed }));
console.log(`Sampled ${sample.length} of the ${listed.length} mutants in scope (seed ${seed}); the mutants nested inside them are ignored.`);

fs.mkdirSync(reports, { recursive: true });
// Each tested mutant is also appended to tested.jsonl as it is known, for `npm run mutation:tally` if the run is stopped.
process.env[recordFileVariable] = path.resolve(`${reports}/tested.jsonl`);
fs.rmSync(process.env[recordFileVariable], { force: true });
fs.writeFileSync(`${reports}/sample.json`, `${JSON.stringify({ seed, size, inScope: listed.length, sample }, null, 1)}\n`);
const stryker = new Stryker({
  configFile: 'stryker.config.json',
  mutate: sample.map(sampling.mutatePattern),
  mochaOptions: { config: '.mocharc.json', spec: ['out/test/unit/**/*.test.js'], ignore },
  incrementalFile: `${reports}/stryker-incremental.json`,
  htmlReporter: { fileName: `${reports}/mutation.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  reporters: ['progress', 'html', 'json', 'mutant-record'],
  // Only the sampled mutants are tested: scripts/mutationSampleIgnorer.mjs ignores the ones nested in their ranges.
  plugins: ['@stryker-mutator/*', path.resolve('scripts/mutationSampleIgnorer.mjs'), path.resolve('scripts/mutationRecord.mjs')],
  ignorers: ['sample-only'],
  concurrency,
  ...(process.argv.includes('--force') ? { force: true } : {}),
});
await stryker.runMutationTest();

const report = JSON.parse(fs.readFileSync(`${reports}/mutation.json`, 'utf8'));
const summary = estimateLines({ seed, inScope: listed.length, sample }, report);
fs.writeFileSync(`${reports}/estimate.txt`, `${summary.join('\n')}\n`);
console.log(summary.join('\n'));
