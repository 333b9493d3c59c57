import { analyzePromptDocument } from '../../core/checkPrompt';
import { printable } from '../../core/printableText';
import { parsePromptDocument, type PromptDocument } from '../../core/promptDocument';
import type { PromptDiagnostic } from '../../core/promptDiagnostic';
import { messageText, renderPrompt, type PartialSource } from '../../core/promptRenderer';
import type { RegistryPromptContent } from '../../core/registry/promptRegistry';
import { placeholderInput } from '../../core/registry/placeholderInput';
import { registryConfigOf, registryContentOf } from '../../core/registry/registryPromptContent';
import { unportableFeaturesOf, unportableFeatureSentence } from '../../core/registry/registryTemplateFeatures';
import { roleSectionsOf } from '../../core/registry/templateSections';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import type { SampleFile } from '../../core/sampleSets';

/** A prompt turned into registry content, with the warnings the user should see. */
export interface PreparedContent {
  readonly content: RegistryPromptContent;
  /** The front matter's model and config. */
  readonly config: Record<string, unknown>;
  readonly warnings: readonly string[];
}

function frontMatterValues(document: PromptDocument): { model?: unknown; config?: unknown } {
  if (!document.frontMatter?.valid) return {};
  try {
    const values: unknown = document.frontMatter.yaml.yaml.toJS({ maxAliasCount: 100 });
    return typeof values === 'object' && values !== null ? (values as { model?: unknown; config?: unknown }) : {};
  } catch {
    return {};
  }
}

function position(diagnostic: PromptDiagnostic): string {
  return `${diagnostic.file}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
}

/**
 * Refuses a prompt whose checks find errors, as a release would (the lead unifies this with the
 * release gate): the first error with its file, line and column, and how many there are.
 */
export function refuseFailingChecks(document: PromptDocument, samples: SampleFile | undefined, partials: { readonly exists?: (name: string) => boolean; readonly source?: (name: string) => string | undefined } = {}): void {
  const { diagnostics } = analyzePromptDocument(document, samples, {
    ...(partials.exists ? { partialExists: partials.exists } : {}),
    ...(partials.source ? { partialSource: partials.source } : {}),
  });
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const [first] = errors;
  if (!first) return;
  const more = errors.length === 1 ? '' : ` (and ${errors.length - 1} more error${errors.length === 2 ? '' : 's'}; promptops check lists them)`;
  throw new ReleaseRefusal(`${position(first)}: ${first.code}: ${printable(first.message)}${more} A prompt that fails its checks is not pushed.`);
}

/**
 * What a prompt becomes in a registry that compiles plain `{{variable}}` placeholders: chat messages
 * per role section, or text. Handlebars features it will not reproduce refuse the push, unless
 * `flatten`: then the prompt is rendered once with each input path standing for its own placeholder
 * (partials inlined, helpers and blocks run), and that rendered shape is pushed.
 */
export async function prepareRegistryContent(source: string, displayPath: string, options: { readonly flatten: boolean; readonly registryName: string; readonly partials: PartialSource }): Promise<PreparedContent> {
  const document = parsePromptDocument(source, { path: displayPath });
  const config = registryConfigOf(frontMatterValues(document));
  const features = unportableFeaturesOf(document);
  const located = features.map((feature) => `${displayPath}:${feature.range.start.line + 1}:${feature.range.start.character + 1}: ${printable(unportableFeatureSentence(feature, options.registryName))}`);
  if (features.length === 0) return { content: registryContentOf({ sections: roleSectionsOf(document), text: document.template.source }), config, warnings: [] };
  if (!options.flatten) {
    const count = features.length === 1 ? 'a Handlebars feature' : `${features.length} Handlebars features`;
    throw new ReleaseRefusal([...located, `${displayPath} uses ${count} ${options.registryName} will not reproduce; pass --flatten to push its rendered shape (partials inlined, blocks and helpers run once) instead.`]);
  }
  const analysis = analyzePromptDocument(document, undefined).analysis;
  const rendered = await renderPrompt({ source, input: placeholderInput(analysis?.uses ?? []), partials: options.partials });
  if (!rendered.ok) throw new ReleaseRefusal(`${displayPath} cannot be flattened: it does not render (${printable(rendered.error)}).`);
  const messages = rendered.rendered.messages.map((message) => ({ role: message.role, text: messageText(message) }));
  const sections = roleSectionsOf(document) === undefined && messages.length === 1 ? undefined : messages;
  return {
    content: registryContentOf({ sections, text: messages.map((message) => message.text).join('\n') }),
    config,
    warnings: [...located.map((line) => `${line} (flattened)`), `${displayPath} was flattened: ${options.registryName} gets the rendered shape, not the template.`],
  };
}
