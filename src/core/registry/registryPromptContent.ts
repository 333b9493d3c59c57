import YAML from 'yaml';
import type { RegistryChatMessage, RegistryPromptContent } from './promptRegistry';
import { provenanceKey } from './registryProvenance';

/** A role section of a prompt: the role and the template text written under it. */
export interface RoleSection {
  readonly role: string;
  readonly text: string;
}

/** dotprompt calls the assistant `model`; registries (and the chat APIs they feed) call it `assistant`. */
function registryRole(role: string): string {
  return role === 'model' ? 'assistant' : role;
}

function promptRole(role: string): string {
  return role === 'assistant' ? 'model' : role;
}

/**
 * The registry content of a prompt (issue 12; the format seam of DESIGN §7 feeds it): a chat prompt
 * with one message per role section when the prompt has role sections, else one text prompt.
 * Sections with only whitespace are left out; each message is trimmed as dotprompt trims its parts.
 */
export function registryContentOf(prompt: { readonly sections: readonly RoleSection[] | undefined; readonly text: string }): RegistryPromptContent {
  if (prompt.sections === undefined) return { type: 'text', prompt: prompt.text.trim() };
  const messages: RegistryChatMessage[] = prompt.sections
    .filter((section) => section.text.trim() !== '')
    .map((section) => ({ kind: 'message', role: registryRole(section.role), content: section.text.trim() }));
  return { type: 'chat', prompt: messages };
}

/** The model and config a prompt's front matter declares, as a registry version's config holds them. */
export function registryConfigOf(frontMatter: { readonly model?: unknown; readonly config?: unknown }): Record<string, unknown> {
  const config = typeof frontMatter.config === 'object' && frontMatter.config !== null && !Array.isArray(frontMatter.config) ? { ...(frontMatter.config as Record<string, unknown>) } : {};
  if (typeof frontMatter.model === 'string') config['model'] = frontMatter.model;
  return config;
}

/**
 * A `.prompt` file for a registry version (what `pull` writes): `model` and the rest of the config
 * (without PromptOps' provenance) in the front matter, `name` when the file's path would give
 * another id, and the template: the text, or one `{{role}}` section per chat message
 * (placeholders become `{{history}}`, dotprompt's slot for messages supplied at run time).
 */
export function promptFileOf(version: { readonly content: RegistryPromptContent; readonly config: Readonly<Record<string, unknown>> }, name?: string): string {
  const { [provenanceKey]: _provenance, model, ...rest } = version.config;
  const config: Record<string, unknown> = { ...rest };
  const frontMatter: Record<string, unknown> = {};
  if (name !== undefined) frontMatter['name'] = name;
  if (typeof model === 'string') frontMatter['model'] = model;
  else if (model !== undefined) config['model'] = model;
  if (Object.keys(config).length > 0) frontMatter['config'] = config;
  const header = Object.keys(frontMatter).length > 0 ? `---\n${YAML.stringify(frontMatter).trimEnd()}\n---\n` : '';
  return `${header}${templateOf(version.content)}`;
}

function templateOf(content: RegistryPromptContent): string {
  if (content.type === 'text') return content.prompt.endsWith('\n') ? content.prompt : `${content.prompt}\n`;
  return content.prompt
    .map((message) => (message.kind === 'placeholder' ? '{{history}}\n' : `{{role "${promptRole(message.role)}"}}\n${message.content.trimEnd()}\n`))
    .join('\n');
}

/** Whether two contents would serve the same prompt (same type, same text, same messages in order). */
export function sameContent(a: RegistryPromptContent, b: RegistryPromptContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
