import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FlagdProvider } from '@openfeature/flagd-provider';
import { OpenFeature } from '@openfeature/server-sdk';
import { loadPromptBundle, resolvePromptWithFlags } from '../src/runtime/promptRuntime';
import { startExampleService, type ExampleService } from '../test/harness/flagdService';
import { GitFixture } from '../test/unit/node/gitFixture';
import { median } from './measure';
import type { Benchmark } from './runBench';

// Issue 11, Measure: from the start of `promptops rollback --publish` until every one of 20 running
// services serves the old version, against the file-sync interval of flagd's in-process provider,
// and the canary split through flagd over 100,000 keys.
const services = 20;
const rounds = 3;
const pollMs = 50;
// The provider's FileFetch watches the flag file with fs.watchFile and no interval, so Node polls
// it every 5,007 ms (fs.watchFile's documented default): the engine's own floor for a file source.
const syncIntervalMs = 5007;
const overheadTargetMs = 1000;
const canaryKeys = 100_000;
const canaryWeight = 10;
const cli = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
const prompt = 'support/summarize';
const promptFile = 'support/summarize.prompt';

const version = (text: string) => `---\ninput:\n  schema:\n    ticket: string\n---\n${text} {{ticket}}\n`;

/** Runs the built CLI as its own process, as a release job would; resolves when it exits. */
function promptops(cwd: string, ...argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`promptops ${argv.join(' ')} exited ${code ?? 'on a signal'}: ${stderr.trim()}`))));
  });
}

/**
 * When a service first served `commit`, on the performance clock: asked as soon as it logs that flagd
 * re-read the flag file (so 20 idle services are not flooded with polls), then every 50 ms until it does.
 */
async function firstServing(service: ExampleService, commit: string, unit: string): Promise<number> {
  await service.nextLine((line) => line.includes('"flagsChanged"'));
  for (;;) {
    const provenance = await service.serve({ prompt, unit });
    if (provenance['commit'] === commit) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function rollbackToServe(fixture: GitFixture, v1: string, v2: string): Promise<boolean> {
  const root = fixture.root;
  await promptops(root, 'promote', promptFile, v1);
  await promptops(root, 'promote', promptFile, v2);
  await promptops(root, 'publish', '--flags', 'live/flags.json', '--bundle', 'live/bundle.json', '--mkdir');
  const fleet: ExampleService[] = [];
  try {
    // Started one after another, so their file polls run at unrelated phases, as in a real fleet.
    for (let i = 0; i < services; i++) fleet.push(await startExampleService(root, { bundle: 'live/bundle.json', flags: 'live/flags.json' }));
    const latencies: number[] = [];
    const cliTimes: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      const served = Promise.all(fleet.map((service, i) => firstServing(service, v1, `customer-${i}`)));
      await promptops(root, 'rollback', promptFile, '--publish', 'live/flags.json');
      cliTimes.push(performance.now() - start);
      latencies.push(...(await served).map((at) => at - start));
      // Forward again for the next round (not measured).
      const forward = Promise.all(fleet.map((service, i) => firstServing(service, v2, `customer-${i}`)));
      await promptops(root, 'promote', promptFile, v2, '--publish', 'live/flags.json');
      await forward;
    }
    const max = Math.max(...latencies);
    const ok = max <= syncIntervalMs + overheadTargetMs;
    console.log(`${services} example services (OpenFeature + flagd in-process on the published file), ${rounds} rollbacks; each asked as soon as it logs that flagd re-read the file`);
    console.log(`       provider file-sync interval: ${syncIntervalMs} ms (fs.watchFile's default poll); promptops rollback --publish itself: ${median(cliTimes).toFixed(0)} ms (median)`);
    console.log(`${ok ? 'meets ' : 'MISSES'} rollback-to-serve across the fleet: max ${max.toFixed(0)} ms, p50 ${median(latencies).toFixed(0)} ms (target max ≤ sync interval + ${overheadTargetMs} ms = ${syncIntervalMs + overheadTargetMs} ms)`);
    return ok;
  } finally {
    await Promise.all(fleet.map((service) => service.stop()));
  }
}

async function canarySplit(fixture: GitFixture, v3: string): Promise<boolean> {
  const root = fixture.root;
  await promptops(root, 'canary', promptFile, v3, '--weight', String(canaryWeight), '--publish', 'live/flags.json');
  await promptops(root, 'publish', '--flags', 'live/flags.json', '--bundle', 'live/bundle.json');
  const bundle = loadPromptBundle(fs.readFileSync(path.join(root, 'live/bundle.json'), 'utf8'));
  await OpenFeature.setProviderAndWait('bench', new FlagdProvider({ resolverType: 'in-process', offlineFlagSourcePath: path.join(root, 'live/flags.json') }));
  try {
    const client = OpenFeature.getClient('bench');
    const arms: string[] = [];
    const start = performance.now();
    for (let key = 0; key < canaryKeys; key++) arms.push((await resolvePromptWithFlags(bundle, client, prompt, 'production', `user-${key}`)).provenance.arm);
    const elapsed = performance.now() - start;
    let moved = 0;
    for (let key = 0; key < canaryKeys; key++) if ((await resolvePromptWithFlags(bundle, client, prompt, 'production', `user-${key}`)).provenance.arm !== arms[key]) moved++;
    const share = (100 * arms.filter((arm) => arm === 'canary').length) / canaryKeys;
    const ok = Math.abs(share - canaryWeight) <= 1 && moved === 0;
    console.log(`${ok ? 'meets ' : 'MISSES'} canary split through flagd: ${share.toFixed(2)}% of ${canaryKeys.toLocaleString('en-US')} keys on a ${canaryWeight}% canary (target ±1 pp), ${moved} keys changed arm on a second pass (target 0); ${((1000 * elapsed) / canaryKeys).toFixed(1)} µs per resolution`);
    return ok;
  } finally {
    await OpenFeature.close();
  }
}

export const flagdBenchmark: Benchmark = async () => {
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing; run npm run build first.`);
  const fixture = GitFixture.create();
  try {
    const v1 = fixture.commit('summarize v1', { files: { [promptFile]: version('Summarize:') } });
    const v2 = fixture.commit('summarize v2', { files: { [promptFile]: version('Summarize in three bullets:') } });
    const v3 = fixture.commit('summarize v3', { files: { [promptFile]: version('Summarize in one line:') } });
    const latency = await rollbackToServe(fixture, v1, v2);
    const split = await canarySplit(fixture, v3);
    return latency && split;
  } finally {
    fixture.dispose();
  }
};
