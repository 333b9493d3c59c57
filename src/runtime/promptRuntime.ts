// The package's `promptops/runtime` entry point (dist/runtime.js): pure, no file system or git, so
// an application can load a bundle it fetched or embedded and resolve prompts anywhere.
import type { RenderedPrompt } from 'dotprompt';
import { renderPromptSource, rendersPromptFile } from '../core/rendering/promptRendering';
import { canaryBucket } from './canaryAssignment';
import { PromptBundleError, type PromptBundle } from './promptBundle';

export { canaryBucket } from './canaryAssignment';
export { verifyPromptBundle } from './bundleVerification';
export { bundleFormat, loadPromptBundle, PromptBundleError } from './promptBundle';
export type { BundledCanary, BundledPartialJson, BundledPrompt, BundledVersion, PromptBundle, PromptBundleJson } from './promptBundle';
export type { RenderedPrompt } from 'dotprompt';

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
  const version = inCanary ? canary : stable;
  return {
    source: version.source,
    path: version.path,
    partials: new Map([...version.partials].map(([name, partial]) => [name, partial.source])),
    provenance: { id, label, commit: version.commit, sha256: version.sha256, arm: inCanary ? 'canary' : 'stable' },
  };
}

/**
 * Renders a resolved dotprompt prompt with dotprompt, as Genkit would, `input.default` merged under
 * `input`; throws PromptBundleError when it does not render or is a Prompty file. Front matter is
 * never sent as a message: a source whose front matter is not closed or not YAML is refused.
 */
export async function renderResolved(resolved: ResolvedPrompt, input: Readonly<Record<string, unknown>> = {}): Promise<RenderedPrompt> {
  if (!rendersPromptFile(resolved.path)) {
    throw new PromptBundleError(`${resolved.path} is not a dotprompt file; render its source with the runtime of its own format.`);
  }
  const outcome = await renderPromptSource({ path: resolved.path, source: resolved.source, input, partials: (name) => resolved.partials.get(name) });
  if (!outcome.ok) {
    const { line, character } = outcome.position;
    throw new PromptBundleError(`${resolved.provenance.id} (${resolved.provenance.commit.slice(0, 7)}) does not render: ${resolved.path}:${line + 1}:${character + 1}: ${outcome.error.replace(/\.?$/, '.')}`);
  }
  return outcome.rendered;
}
