import { FlagdCore, MemoryStorage } from '@openfeature/flagd-core';
import type { PromptFlagClient } from '../../../src/runtime/flagResolution';

const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };

/**
 * flagd's own evaluation engine on a flag file, loaded with strict validation: flagd-core checks the
 * file against its compiled flag and targeting schemas and throws on anything flagd would reject.
 */
export function flagdEngine(flagFileText: string): FlagdCore {
  const storage = new MemoryStorage(quiet);
  storage.setConfigurations(flagFileText, true);
  return new FlagdCore(storage, quiet);
}

/** The value, variant and reason flagd resolves a flag to for a unit (the targetingKey), or without one. */
export function evaluate(engine: FlagdCore, flagKey: string, unit?: string): { commit: unknown; variant: string | undefined; reason: string | undefined } {
  const details = engine.resolveObjectEvaluation(flagKey, {}, unit === undefined ? {} : { targetingKey: unit });
  const value: unknown = details.value;
  const commit: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'commit') : undefined;
  return { commit, variant: details.variant, reason: details.reason };
}

/** An OpenFeature-shaped client over flagd-core, for runtime tests that need no provider. */
export function flagdClient(engine: FlagdCore): PromptFlagClient {
  return {
    getObjectDetails: (flagKey, defaultValue, context) => Promise.resolve(engine.resolveObjectEvaluation(flagKey, defaultValue, context?.targetingKey === undefined ? {} : { targetingKey: context.targetingKey })),
  };
}
