import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReleaseManifest } from '../../src/core/releases/manifestParser';
import { canaryBucket } from '../../src/runtime/canaryAssignment';

/** A small seeded generator (mulberry32), so the demo's outcomes are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes what the demo application logged while support/summarize's canary ran: one row per
 * summary, with the runtime's provenance (arms assigned by `canaryBucket`, as `resolvePrompt` does)
 * and three metrics. The canary resolves more tickets at about the same latency. Also writes the
 * workspace settings that point the Canary report at the file.
 */
export function writeDemoOutcomes(repository: string): void {
  const manifest = parseReleaseManifest(fs.readFileSync(path.join(repository, 'prompt-releases.yaml'), 'utf8')).manifest;
  const releases = manifest.prompts.get('support/summarize');
  const stable = releases?.labels.get('production');
  const canary = releases?.canaries.get('production');
  if (!stable || !canary) throw new Error('The demo history has no canary of support/summarize production.');
  const random = seededRandom(20261112);
  const lines: string[] = [];
  for (let customer = 0; customer < 12_000; customer++) {
    const unit = `customer-${customer}`;
    const arm = canaryBucket('support/summarize', unit) < canary.weight ? 'canary' : 'stable';
    const commit = arm === 'canary' ? canary.commit : stable.commit;
    for (let ticket = 0; ticket <= customer % 3; ticket++) {
      const resolved = random() < (arm === 'canary' ? 0.7 : 0.62);
      const csat = Math.min(5, Math.max(1, Math.round(3.9 + (arm === 'canary' ? 0.05 : 0) + (random() - 0.5) * 3)));
      const latency = Math.round(1650 + random() * 400);
      lines.push(JSON.stringify({ prompt: 'support/summarize', label: 'production', arm, commit, unit, metrics: { resolved, csat, latency_ms: latency } }));
    }
    if (customer % 50 === 0) lines.push(JSON.stringify({ prompt: 'support/triage', label: 'production', arm: 'stable', commit: manifest.prompts.get('support/triage')?.labels.get('production')?.commit ?? '', unit, metrics: { routed: true } }));
  }
  fs.mkdirSync(path.join(repository, 'outcomes'), { recursive: true });
  fs.writeFileSync(path.join(repository, 'outcomes', 'support-summarize.jsonl'), `${lines.join('\n')}\n`);
  fs.mkdirSync(path.join(repository, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(repository, '.vscode', 'settings.json'),
    `${JSON.stringify({ 'promptops.canary.outcomesFile': 'outcomes/support-summarize.jsonl', 'promptops.canary.metrics': ['resolved', 'csat', 'latency_ms:lower'] }, null, 2)}\n`,
  );
}
