// `npm run mutation [group] [-- --concurrency N] [--force]`: StrykerJS with stryker.config.json, over
// everything in scope, or over one group with only the unit tests that exercise it, so that a run on a
// small machine ends in minutes rather than hours. Each group keeps its own incremental file and report
// under reports/mutation/<group>/, so runs of different groups do not invalidate each other.
import { Stryker } from '@stryker-mutator/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recordFileVariable } from './mutationRecord.mjs';
import { outOfProcessTests as ignore } from './mutationScope.mjs';

const nodeReleaseTests = [
  'out/test/unit/node/releases/**/*.test.js',
  'out/test/unit/cli/releases/**/*.test.js',
  'out/test/unit/cli/registry/statusSync.test.js',
  'out/test/unit/cli/versionsVerb.test.js',
];
// The manifest's storage (lock, atomic file, its location): about 350 of src/node/releases' 1,170 mutants.
const manifestStorage = ['manifestLock', 'manifestFile', 'releasesFileLocation', 'releaseWorkspace'].map((name) => `src/node/releases/${name}.ts`);

const groups = {
  all: { mutate: ['src/core/**/*.ts', 'src/node/**/*.ts', 'src/runtime/**/*.ts'], spec: ['out/test/unit/**/*.test.js'] },
  'core-releases': { mutate: ['src/core/releases/**/*.ts'], spec: ['out/test/unit/core/releases/**/*.test.js'] },
  'node-releases': { mutate: ['src/node/releases/**/*.ts'], spec: nodeReleaseTests },
  // The same group in two halves of about an hour each on two shared cores, for machines where the whole does not fit in one sitting.
  'node-releases-storage': { mutate: manifestStorage, spec: nodeReleaseTests },
  'node-releases-moves': { mutate: ['src/node/releases/**/*.ts', ...manifestStorage.map((file) => `!${file}`)], spec: nodeReleaseTests },
  runtime: {
    mutate: ['src/runtime/**/*.ts'],
    spec: ['out/test/unit/runtime/**/*.test.js', 'out/test/unit/cli/releases/exportVerb.test.js'],
  },
};

const args = process.argv.slice(2);
const name = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--concurrency')) ?? 'all';
const group = groups[name];
if (group === undefined) {
  console.error(`Unknown mutation group "${name}": use one of ${Object.keys(groups).join(', ')}.`);
  process.exit(2);
}
const concurrencyIndex = args.indexOf('--concurrency');
const concurrency = concurrencyIndex >= 0 ? Number(args[concurrencyIndex + 1]) : undefined;
if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
  console.error('--concurrency takes a whole number of test processes, at least 1.');
  process.exit(2);
}

const reports = name === 'all' ? 'reports/mutation' : `reports/mutation/${name}`;
// Each tested mutant is also appended to tested.jsonl as it is known, for `npm run mutation:tally` if the run is stopped.
process.env[recordFileVariable] = path.resolve(`${reports}/tested.jsonl`);
fs.rmSync(process.env[recordFileVariable], { force: true });
const stryker = new Stryker({
  configFile: 'stryker.config.json',
  mutate: group.mutate,
  mochaOptions: { config: '.mocharc.json', spec: group.spec, ignore },
  incrementalFile: `${reports}/stryker-incremental.json`,
  htmlReporter: { fileName: `${reports}/mutation.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  reporters: ['clear-text', 'progress', 'html', 'json', 'mutant-record'],
  plugins: ['@stryker-mutator/*', path.resolve('scripts/mutationRecord.mjs')],
  ...(concurrency === undefined ? {} : { concurrency }),
  ...(args.includes('--force') ? { force: true } : {}),
});
await stryker.runMutationTest();
