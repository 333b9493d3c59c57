import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { LangfuseContractServer } from '../../../contract/langfuseContractServer';
import { GitFixture } from '../../node/gitFixture';
import { runPromptops, type CapturedRun } from '../cliRunner';

/** A chat prompt: system and user sections, a model, a config, an input schema and sample sets. */
export const summarizeV1 = `---
model: googleai/gemini-2.0-flash
config:
  temperature: 0.2
input:
  schema:
    ticket: string
---
{{role "system"}}
You summarize support tickets.
{{role "user"}}
Summarize: {{ticket}}
`;

export const summarizeV2 = `---
model: googleai/gemini-2.0-flash
config:
  temperature: 0.2
input:
  schema:
    ticket: string
    customer: string
---
{{role "system"}}
You summarize support tickets in two sentences.
{{role "user"}}
Summarize {{customer}}'s ticket: {{ticket}}
`;

export const summarySamples = `outage:
  ticket: The dashboard is down.
  customer: Ada
billing:
  ticket: I was charged twice.
  customer: Grace
`;

/** A text prompt without role markers. */
export const triageV1 = `---
input:
  schema:
    ticket: string
---
Classify this ticket as bug, question or billing: {{ticket}}
`;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface RegistryCliFixture {
  readonly repo: GitFixture;
  readonly server: LangfuseContractServer;
  readonly v1: string;
  readonly v2: string;
  readonly triage: string;
  /** Runs promptops in the repository with the Langfuse settings; fails the test when any output shows the secret key. */
  promptops(...argv: string[]): Promise<CapturedRun>;
  readonly env: Record<string, string>;
}

/**
 * A repository with two versions of support/summarize.prompt (chat) and one of support/triage.prompt
 * (text), and a running contract server; the environment names it as LANGFUSE_HOST.
 */
export function useRegistryCliFixture(): () => RegistryCliFixture {
  let current: RegistryCliFixture | undefined;
  beforeEach(async () => {
    const repo = GitFixture.create();
    const v1 = repo.commit('summarize v1', { files: { 'support/summarize.prompt': summarizeV1, 'support/summarize.samples.yaml': summarySamples } });
    const triage = repo.commit('triage v1', { files: { 'support/triage.prompt': triageV1 } });
    const v2 = repo.commit('summarize v2', { files: { 'support/summarize.prompt': summarizeV2 } });
    const server = new LangfuseContractServer();
    await server.start();
    const env = { LANGFUSE_HOST: server.url, LANGFUSE_PUBLIC_KEY: server.publicKey, LANGFUSE_SECRET_KEY: server.secretKey, PROMPTOPS_REGISTRY_TIMEOUT_MS: '2000' };
    current = {
      repo,
      server,
      v1,
      v2,
      triage,
      env,
      promptops: async (...argv) => {
        const run = await runPromptops(argv, repo.root, env);
        assert.ok(!run.stdout.includes(server.secretKey) && !run.stderr.includes(server.secretKey), 'promptops never prints the secret key');
        return run;
      },
    };
  });
  afterEach(async () => {
    if (!current) return;
    const violations = [...current.server.violations];
    await current.server.close();
    current.repo.dispose();
    current = undefined;
    assert.deepEqual(violations, [], 'every request and response matches the OpenAPI document');
  });
  return () => {
    if (!current) throw new Error('the fixture is not set up');
    return current;
  };
}
