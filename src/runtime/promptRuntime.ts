// The package's `promptops/runtime` entry point (dist/runtime.js): pure, no file system or git, so
// an application can load a bundle it fetched or embedded and resolve prompts anywhere.
import type { RenderedPrompt } from 'dotprompt';
import { renderPrompt } from '../core/promptRenderer';
import { PromptBundleError } from './promptBundle';
import type { ResolvedPrompt } from './promptResolution';

export { canaryBucket } from './canaryAssignment';
export { resolvePromptWithFlags } from './flagResolution';
export type { FlagProvenance, FlagResolvedPrompt, PromptFlagClient, PromptFlagDetails } from './flagResolution';
export { promptFlagKey } from './promptFlags';
export type { PromptFlagValue } from './promptFlags';
export { resolvePrompt } from './promptResolution';
export type { PromptProvenance, ResolvedPrompt } from './promptResolution';
export { verifyPromptBundle } from './bundleVerification';
export { bundleFormat, loadPromptBundle, PromptBundleError } from './promptBundle';
export type { BundledCanary, BundledPartialJson, BundledPrompt, BundledVersion, PromptBundle, PromptBundleJson } from './promptBundle';
export type { RenderedPrompt } from 'dotprompt';

/**
 * Renders a resolved dotprompt prompt with dotprompt, as Genkit would, `input.default` merged under
 * `input`; throws PromptBundleError when it does not render or is a Prompty file. Front matter is
 * never sent as a message: a source whose front matter is not closed or not YAML is refused.
 */
export async function renderResolved(resolved: ResolvedPrompt, input: Readonly<Record<string, unknown>> = {}): Promise<RenderedPrompt> {
  if (!resolved.path.endsWith('.prompt')) {
    throw new PromptBundleError(`${resolved.path} is not a dotprompt file; render its source with the runtime of its own format.`);
  }
  const outcome = await renderPrompt({ source: resolved.source, input, partials: (name) => resolved.partials.get(name) });
  if (!outcome.ok) {
    const { line, character } = outcome.position;
    throw new PromptBundleError(`${resolved.provenance.id} (${resolved.provenance.commit.slice(0, 7)}) does not render: ${resolved.path}:${line + 1}:${character + 1}: ${outcome.error.replace(/\.?$/, '.')}`);
  }
  return outcome.rendered;
}
