import { canaryBucket } from './canaryAssignment';
import { PromptBundleError, type BundledVersion, type PromptBundle } from './promptBundle';

/** Which prompt served a request, for the application's logs: enough to find the exact bytes again. */
export interface PromptProvenance {
  readonly id: string;
  readonly label: string;
  readonly commit: string;
  readonly sha256: string;
  /** `canary` when the unit fell into the label's canary, else `stable`. */
  readonly arm: 'stable' | 'canary';
}

/** A prompt resolved for one unit: its source, the partials it includes, and its provenance. */
export interface ResolvedPrompt {
  readonly source: string;
  /** The prompt file's path in its commit; `.prompt` is dotprompt, `.prompty` Prompty. */
  readonly path: string;
  /** Partial sources by name, for rendering. */
  readonly partials: ReadonlyMap<string, string>;
  readonly provenance: PromptProvenance;
}

/**
 * Resolves a prompt id and label to the version that serves this unit: the canary's version when
 * the label has a canary and the unit's bucket (see `canaryBucket`) is below its weight, else the
 * label's. Without a unit key the label's own version serves. Throws PromptBundleError when the
 * bundle has no such prompt or label.
 */
export function resolvePrompt(bundle: PromptBundle, id: string, label = 'production', unitKey?: string): ResolvedPrompt {
  const prompt = bundle.prompts.get(id);
  if (!prompt) throw new PromptBundleError(`The prompt bundle has no prompt ${id}.`);
  const stable = prompt.labels.get(label);
  if (!stable) throw new PromptBundleError(`The prompt bundle has no ${label} version of ${id} (it has ${[...prompt.labels.keys()].join(', ') || 'no labels'}).`);
  const canary = prompt.canaries.get(label);
  const inCanary = canary !== undefined && unitKey !== undefined && canaryBucket(id, unitKey) < canary.weight;
  return resolvedVersion(id, label, inCanary ? canary : stable, inCanary ? 'canary' : 'stable');
}

/** A bundled version as a resolved prompt of `id` and `label`, served on `arm`. */
export function resolvedVersion(id: string, label: string, version: BundledVersion, arm: PromptProvenance['arm']): ResolvedPrompt {
  return {
    source: version.source,
    path: version.path,
    partials: new Map([...version.partials].map(([name, partial]) => [name, partial.source])),
    provenance: { id, label, commit: version.commit, sha256: version.sha256, arm },
  };
}

