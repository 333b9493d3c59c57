import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { listAllPrompts } from '../src/core/registry/registryListing';
import { LangfuseRegistry } from '../src/node/registries/langfuse/langfuseRegistry';
import { contractKeys } from '../test/contract/langfuseContractServer';
import { ratioAgainstBaseline, reportRatio } from './measure';
import type { Benchmark } from './runBench';

// Issue 12, Measure: listing 500 prompts × 20 versions from the contract server, all pages, costs at
// most 1.2x the minimal sequential requests of a bare fetch loop (PromptOps reads pages 2… with
// bounded concurrency); the Registry view's first page costs at most 1.2x the single request it needs.
const prompts = 500;
const versionsPerPrompt = 20;
const target = 1.2;
const viewPageSize = 50;

const authorization = `Basic ${Buffer.from(`${contractKeys.publicKey}:${contractKeys.secretKey}`).toString('base64')}`;

/** The baseline: what a bare client must do at least, page after page with the largest page size. */
async function bareListing(origin: string): Promise<number> {
  let count = 0;
  for (let page = 1, totalPages = 1; page <= totalPages; page++) {
    const response = await fetch(`${origin}/api/public/v2/prompts?page=${page}&limit=100`, { headers: { authorization } });
    const body = (await response.json()) as { data: unknown[]; meta: { totalPages: number } };
    count += body.data.length;
    totalPages = body.meta.totalPages;
  }
  return count;
}

async function bareFirstPage(origin: string): Promise<number> {
  const response = await fetch(`${origin}/api/public/v2/prompts?page=1&limit=${viewPageSize}`, { headers: { authorization } });
  return ((await response.json()) as { data: unknown[] }).data.length;
}

/** Starts the contract server in its own process, seeded, and resolves to its URL and a stop function. */
async function startServer(): Promise<{ origin: string; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'test', 'contract', 'contractServerProcess.js'), String(prompts), String(versionsPerPrompt)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the contract server exited with ${String(code)}`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  return { origin, stop: () => child.kill('SIGTERM') };
}

export const registryBenchmark: Benchmark = async () => {
  const server = await startServer();
  try {
    const registry = new LangfuseRegistry({ host: server.origin, ...contractKeys });
    const listed = await listAllPrompts(registry);
    if (listed.length !== prompts || listed.some((prompt) => prompt.versions.length !== versionsPerPrompt)) throw new Error(`Expected ${prompts} prompts of ${versionsPerPrompt} versions, got ${listed.length}.`);
    if ((await bareListing(server.origin)) !== prompts) throw new Error('The bare listing did not see every prompt.');
    const all = await ratioAgainstBaseline(() => listAllPrompts(registry), () => bareListing(server.origin), { runs: 21, batch: 4, warmup: 20 });
    const first = await ratioAgainstBaseline(() => registry.listPrompts(1, viewPageSize), () => bareFirstPage(server.origin), { runs: 101, batch: 5, warmup: 200 });
    const listMet = reportRatio(`all ${prompts} prompts × ${versionsPerPrompt} versions (5 pages) through the Langfuse adapter vs a bare sequential fetch loop`, all, target);
    const firstMet = reportRatio(`the Registry view's first page (${viewPageSize} prompts) vs the single bare request`, first, target);
    return listMet && firstMet;
  } finally {
    server.stop();
  }
};
