import * as assert from 'node:assert/strict';
import { LangfuseRegistry, type LangfuseRegistryOptions } from '../../../../src/node/registries/langfuse/langfuseRegistry';
import type { RetryPolicy } from '../../../../src/node/registries/registryRetries';
import { LangfuseContractServer } from '../../../contract/langfuseContractServer';
import { langfuseOpenApiFile } from '../../../contract/langfuseOpenApi';
import { requireSharedSpecsVariable, sharedSpecsRequired } from '../../sharedSpecs';

/** Short waits so fault tests run in milliseconds; the waits asked for are recorded instead of slept. */
export const fastPolicy: RetryPolicy = { attempts: 3, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 5_000, timeoutMs: 2_000 };

let skipNoticePrinted = false;

/**
 * A contract server per test (started in beforeEach, closed in afterEach, which also fails the test
 * on any OpenAPI violation), and a way to build adapters against it.
 */
export function useContractServer(): { server: () => LangfuseContractServer; registry: (options?: LangfuseRegistryOptions & { secretKey?: string; publicKey?: string }) => LangfuseRegistry; waits: number[] } {
  let server: LangfuseContractServer | undefined;
  const waits: number[] = [];
  beforeEach(async () => {
    server = new LangfuseContractServer();
    if (!server.openApi && sharedSpecsRequired()) assert.fail(`Langfuse OpenAPI validation cannot run: ${langfuseOpenApiFile} is absent, and ${requireSharedSpecsVariable}=1 requires it.`);
    if (!server.openApi && !skipNoticePrinted) {
      skipNoticePrinted = true;
      console.log(`    Langfuse OpenAPI validation skipped: ${langfuseOpenApiFile} is absent (the behaviour tests still run)`);
    }
    await server.start();
    waits.length = 0;
  });
  afterEach(async () => {
    const violations = [...(server?.violations ?? [])];
    await server?.close();
    assert.deepEqual(violations, [], 'every request and response matches the OpenAPI document');
  });
  const current = (): LangfuseContractServer => {
    if (!server) throw new Error('the contract server is not running');
    return server;
  };
  return {
    server: current,
    waits,
    registry: (options = {}) =>
      new LangfuseRegistry(
        { host: current().url, publicKey: options.publicKey ?? current().publicKey, secretKey: options.secretKey ?? current().secretKey },
        {
          policy: fastPolicy,
          sleep: async (ms) => {
            waits.push(ms);
          },
          ...options,
        },
      ),
  };
}
