// The package's `promptops/runtime` entry point (dist/runtime.js): pure, no file system or git, so
// an application can load a bundle it fetched or embedded and resolve prompts anywhere.
import type { RenderedPrompt } from 'dotprompt';
import { renderPromptSource, rendersPromptFile } from '../core/rendering/promptRendering';
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
 * Renders a resolved prompt with its format's engine: dotprompt as Genkit would, Prompty with nunjucks
 * or mustache; the prompt's defaults merge under `input`. Throws PromptBundleError when it does not
 * render. Front matter is never sent as a message: a source whose front matter is not closed or not YAML is refused.
 */
export async function renderResolved(resolved: ResolvedPrompt, input: Readonly<Record<string, unknown>> = {}): Promise<RenderedPrompt> {
  if (!rendersPromptFile(resolved.path)) {
    throw new PromptBundleError(`${resolved.path} is not a prompt file of a format this runtime renders (.prompt, .prompty).`);
  }
  const outcome = await renderPromptSource({ path: resolved.path, source: resolved.source, input, partials: (name) => resolved.partials.get(name) });
  if (!outcome.ok) {
    const { line, character } = outcome.position;
    throw new PromptBundleError(`${resolved.provenance.id} (${resolved.provenance.commit.slice(0, 7)}) does not render: ${resolved.path}:${line + 1}:${character + 1}: ${outcome.error.replace(/\.?$/, '.')}`);
  }
  return outcome.rendered;
}
