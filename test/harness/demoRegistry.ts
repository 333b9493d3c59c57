import { openRegistryWorkspace } from '../../src/node/registries/registryWorkspace';
import { LangfuseRegistry } from '../../src/node/registries/langfuse/langfuseRegistry';
import { applyRegistrySync, planRegistrySync } from '../../src/node/registries/registrySync';
import { contractKeys, LangfuseContractServer } from '../contract/langfuseContractServer';

/** The environment that points the editor (and a terminal's promptops) at the demo registry. */
export function demoRegistryEnv(url: string): Record<string, string> {
  return { LANGFUSE_HOST: url, LANGFUSE_PUBLIC_KEY: contractKeys.publicKey, LANGFUSE_SECRET_KEY: contractKeys.secretKey };
}

/**
 * Starts the Langfuse contract server for `npm start` and the screenshots, seeded from the demo
 * repository the way a team would have filled it: its releases synced with provenance (flattened
 * where they use partials or blocks), except marketing/product-description's production (so Git
 * is ahead there); support/summarize's production moved to the staging version in Langfuse (the
 * registry is ahead), a version of support/triage edited in Langfuse's UI and labelled production
 * (unknown origin), and a prompt that lives only in Langfuse.
 */
export async function startDemoRegistry(repository: string): Promise<LangfuseContractServer> {
  const server = new LangfuseContractServer();
  const url = await server.start();
  const registry = new LangfuseRegistry({ host: url, ...contractKeys });
  const workspace = await openRegistryWorkspace(repository);
  const plan = await planRegistrySync(workspace, registry, { flatten: true });
  const steps = plan.steps.filter((step) => !(step.prompt === 'marketing/product-description' && step.kind === 'push' && step.labels.includes('production')));
  await applyRegistrySync(workspace, registry, { ...plan, steps }, { now: () => new Date('2026-11-12T10:00:00Z') });
  // Someone moved production to the staging version in Langfuse's UI: the registry is ahead of Git there.
  const staging = await registry.getVersion('support/summarize', { label: 'staging' });
  await registry.setLabels('support/summarize', staging.version, ['production']);
  server.seed('support/triage', [
    { prompt: [{ role: 'system', content: 'Classify the ticket as bug, question, billing or outage. Answer with JSON.' }, { role: 'user', content: '{{ticket}}' }], labels: ['production'], commitMessage: 'Hotfix from the Langfuse UI: add outage', createdAt: '2026-11-14T08:15:00.000Z' },
  ]);
  server.seed('experiments/tone-check', [
    { prompt: [{ role: 'system', content: 'Rate the tone of the reply from 1 to 5.' }, { role: 'user', content: '{{reply}}' }], commitMessage: 'First try', createdAt: '2026-11-02T10:00:00.000Z' },
    { prompt: [{ role: 'system', content: 'Rate the tone of the reply from 1 (curt) to 5 (warm).' }, { role: 'user', content: '{{reply}}' }], labels: ['staging'], commitMessage: 'Anchor the scale', createdAt: '2026-11-03T10:00:00.000Z' },
  ]);
  return server;
}
