import YAML from 'yaml';
import { escapeControlCharacters } from '../../document/controlCharacters';
import type { RegistryPromptContent } from '../../registry/promptRegistry';
import { provenanceKey } from '../../registry/registryProvenance';
import type { RegistryFileOutcome, RegistryVersionContent } from '../promptFormat';

/** The chat roles a Prompty body can write as role lines; registries name the model's role `assistant`. */
const roleLines: ReadonlySet<string> = new Set(['system', 'user', 'assistant', 'developer', 'tool']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A registry version's config from a Prompty front matter: `model.id` (or a plain `model: gpt-4`)
 * becomes `model`, `model.options` the other entries, as registries and chat APIs name them.
 */
export function promptyRegistryConfig(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const model = values['model'];
  if (typeof model === 'string') return { model };
  if (!isRecord(model)) return {};
  const config: Record<string, unknown> = isRecord(model['options']) ? { ...model['options'] } : {};
  if (typeof model['id'] === 'string') config['model'] = model['id'];
  return config;
}

/** The `{{name}}` placeholders of a registry text, in order of appearance, once each. */
function placeholderNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g)) if (match[1] !== undefined) names.add(match[1]);
  return [...names];
}

/**
 * A `.prompty` file for a registry version (what `pull` writes when the pushed file is not at hand):
 * `name` when the path would give another id, the model as `model.id` with the rest of the config as
 * `model.options` (without PromptOps' provenance), every `{{variable}}` declared as a string input,
 * every placeholder as a `thread` input at its position, and a mustache body (registries substitute
 * plain `{{variable}}` placeholders, as mustache does) with one role line per message.
 */
export function promptyFileOf(version: RegistryVersionContent, name?: string): RegistryFileOutcome {
  const { content } = version;
  const unwritable = content.type === 'chat' ? content.prompt.find((message) => message.kind === 'message' && !roleLines.has(lineRole(message.role))) : undefined;
  if (unwritable?.kind === 'message') {
    return { ok: false, problem: `it has a message with the role '${escapeControlCharacters(unwritable.role)}', which a Prompty body has no role line for (system, user, assistant, developer, tool)` };
  }
  const { [provenanceKey]: _provenance, model, ...options } = version.config;
  const texts = content.type === 'text' ? [content.prompt] : content.prompt.flatMap((message) => (message.kind === 'message' ? [message.content] : []));
  const inputs: Record<string, { kind: string }> = {};
  for (const text of texts) for (const variable of placeholderNames(text)) inputs[variable] = { kind: 'string' };
  if (content.type === 'chat') for (const message of content.prompt) if (message.kind === 'placeholder') inputs[message.name] = { kind: 'thread' };
  const frontMatter: Record<string, unknown> = {};
  if (name !== undefined) frontMatter['name'] = name;
  const modelEntry: Record<string, unknown> = {};
  if (model !== undefined) modelEntry['id'] = model;
  if (Object.keys(options).length > 0) modelEntry['options'] = options;
  if (Object.keys(modelEntry).length > 0) frontMatter['model'] = modelEntry;
  if (Object.keys(inputs).length > 0) frontMatter['inputs'] = inputs;
  frontMatter['template'] = { format: { kind: 'mustache' }, parser: { kind: 'prompty' } };
  return { ok: true, text: `---\n${YAML.stringify(frontMatter).trimEnd()}\n---\n${bodyOf(content)}` };
}

/** dotprompt and some registries call the model's role `model`; Prompty calls it `assistant`. */
function lineRole(role: string): string {
  return role === 'model' ? 'assistant' : role;
}

function bodyOf(content: RegistryPromptContent): string {
  if (content.type === 'text') return content.prompt.endsWith('\n') ? content.prompt : `${content.prompt}\n`;
  return content.prompt
    .map((message) => {
      if (message.kind === 'placeholder') return `{{${message.name}}}\n`;
      return `${lineRole(message.role)}:\n${message.content.trimEnd()}\n`;
    })
    .join('\n');
}
