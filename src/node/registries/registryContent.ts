import { analyzePromptDocument } from '../../core/checks/checkPrompt';
import { describeRenderProblem, firstRenderBlockingError, renderProblemOf } from '../../core/rendering/checkedRender';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { type PromptDocument } from '../../core/document/promptDocument';
import { parsePromptDocument } from '../../core/formats/promptFileKind';
import type { IncludeLookup as PartialLookup } from '../../core/formats/promptFormat';
import { resolveIncludeGraph } from '../../core/rendering/includeGraph';
import { messageText } from '../../core/rendering/promptRendering';
import type { IncludeLookup as PartialSource } from '../../core/formats/promptFormat';
import type { RegistryPromptContent } from '../../core/registry/promptRegistry';
import { placeholderInput } from '../../core/registry/placeholderInput';
import { registryContentOf } from '../../core/registry/registryPromptContent';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';

/** A prompt turned into registry content, with the warnings the user should see. */
export interface PreparedContent {
  readonly content: RegistryPromptContent;
  /** The front matter's model and config. */
  readonly config: Record<string, unknown>;
  readonly warnings: readonly string[];
}

/**
 * Refuses a prompt that the release gate refuses (`firstRenderBlockingError`, as promote and canary
 * do): the first error with its file, line and column; partials as the pushed version has them.
 */
export async function refuseUnreleasable(document: PromptDocument, partials: PartialLookup): Promise<void> {
  const blocking = await firstRenderBlockingError(document, partials);
  if (blocking) throw new ReleaseRefusal(`${describeRenderProblem(renderProblemOf(blocking))} A prompt that fails its checks is not pushed.`);
}

/**
 * What a prompt becomes in a registry that compiles plain `{{variable}}` placeholders: chat messages
 * per role section, or text. Handlebars features it will not reproduce refuse the push, unless
 * `flatten`: then the prompt is rendered once with each input path standing for its own placeholder
 * (partials inlined, helpers and blocks run), and that rendered shape is pushed.
 */
export async function prepareRegistryContent(source: string, displayPath: string, options: { readonly flatten: boolean; readonly registryName: string; readonly partials: PartialSource }): Promise<PreparedContent> {
  const document = parsePromptDocument(source, { path: displayPath });
  const template = document.format.registryTemplate(document);
  const config = template.config;
  const features = template.unportable;
  const located = features.map((feature) => `${displayPath}:${feature.range.start.line + 1}:${feature.range.start.character + 1}: ${escapeControlCharacters(template.describe(feature, options.registryName))}`);
  if (features.length === 0) return { content: registryContentOf({ sections: template.sections, text: template.text }), config, warnings: [] };
  if (!options.flatten) {
    const count = features.length === 1 ? `a ${template.featureNoun}` : `${features.length} ${template.featureNoun}s`;
    throw new ReleaseRefusal(`${displayPath} uses ${count} ${options.registryName} will not reproduce; pass --flatten to push its rendered shape (partials inlined, blocks and helpers run once) instead.`, located);
  }
  // The partials' own variables become placeholders too, or a variable read only in a partial would render as nothing.
  const graph = await resolveIncludeGraph(document.format.includes(document), (text) => document.format.includesOfIncluded(text), options.partials);
  const analysis = analyzePromptDocument(document, undefined, { partialSource: (name) => graph.sources.get(name) }).analysis;
  const rendered = await document.format.render({ document, input: placeholderInput(analysis?.uses ?? []), includes: async (name) => (graph.sources.has(name) ? graph.sources.get(name) : await options.partials(name)) });
  if (!rendered.ok) throw new ReleaseRefusal(`${displayPath} cannot be flattened: it does not render (${escapeControlCharacters(rendered.error)}).`);
  const messages = rendered.rendered.messages.map((message) => ({ role: message.role, text: messageText(message) }));
  const sections = template.sections === undefined && messages.length === 1 ? undefined : messages;
  return {
    content: registryContentOf({ sections, text: messages.map((message) => message.text).join('\n') }),
    config,
    warnings: [...located.map((line) => `${line} (flattened)`), `${displayPath} was flattened: ${options.registryName} gets the rendered shape, not the template.`],
  };
}
