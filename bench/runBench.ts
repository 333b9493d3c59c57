// `npm run bench`: every benchmark prints ratios measured in this one run against a baseline,
// because these machines are shared and noisy; absolute times are shown for context only.

/** A benchmark: returns whether it met its targets. */
export type Benchmark = () => Promise<boolean>;

const benchmarks: readonly [string, () => Promise<Benchmark>][] = [
  ['checks (issues 3, 15)', async () => (await import('./checkBench')).checkBenchmark],
  ['Prompty checks (issue 13)', async () => (await import('./promptyBench')).promptyBenchmark],
  ['editor (issue 4)', async () => (await import('./editorBench')).editorBenchmark],
  ['file history (issue 5)', async () => (await import('./fileHistoryBench')).fileHistoryBenchmark],
  ['registry (issue 12)', async () => (await import('./registryBench')).registryBenchmark],
  ['compare (issue 14)', async () => (await import('./compareBench')).compareBenchmark],
  ['live delivery through flagd (issue 11)', async () => (await import('./flagdBench')).flagdBenchmark],
];

async function main(): Promise<void> {
  const only = process.argv[2];
  let missed = 0;
  for (const [name, load] of benchmarks) {
    // From the start of the name, so `checks` does not also pick "Prompty checks".
    if (only && !name.startsWith(only)) continue;
    console.log(`\n━━ ${name} ━━`);
    const met = await (await load())();
    if (!met) missed++;
  }
  console.log(missed === 0 ? '\nEvery benchmark met its target.' : `\n${missed} benchmark(s) missed a target.`);
  process.exitCode = missed === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
