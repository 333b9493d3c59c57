import type { RegistryChatMessage, RegistryPromptContent, RegistryPromptPage, RegistryPromptSummary, RegistryPromptVersion } from '../../../core/registry/promptRegistry';

/** Thrown when a response does not have the shape Langfuse's API documents. */
export class MalformedResponse extends Error {}

type Json = Record<string, unknown>;

function record(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedResponse(`${what} is not an object`);
  return value as Json;
}

function string(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new MalformedResponse(`${what} is not a string`);
  return value;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function integer(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new MalformedResponse(`${what} is not an integer`);
  return value;
}

function strings(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new MalformedResponse(`${what} is not a list of strings`);
  return value as string[];
}

function promptType(value: unknown, what: string): 'text' | 'chat' {
  if (value !== 'text' && value !== 'chat') throw new MalformedResponse(`${what} is neither "text" nor "chat"`);
  return value;
}

function chatMessage(value: unknown, index: number): RegistryChatMessage {
  const message = record(value, `message ${index + 1}`);
  if (message['type'] === 'placeholder' || (message['role'] === undefined && typeof message['name'] === 'string')) {
    return { kind: 'placeholder', name: string(message['name'], `placeholder ${index + 1}'s name`) };
  }
  return { kind: 'message', role: string(message['role'], `message ${index + 1}'s role`), content: string(message['content'], `message ${index + 1}'s content`) };
}

/** Reads a `Prompt` (GET, POST and PATCH answers). */
export function promptVersionOf(body: unknown): RegistryPromptVersion {
  const prompt = record(body, 'the prompt');
  const type = promptType(prompt['type'], 'the prompt type');
  const content: RegistryPromptContent =
    type === 'text'
      ? { type, prompt: string(prompt['prompt'], 'the text prompt') }
      : (() => {
          const messages = prompt['prompt'];
          if (!Array.isArray(messages)) throw new MalformedResponse('the chat prompt is not a list of messages');
          return { type, prompt: messages.map(chatMessage) };
        })();
  const config = prompt['config'];
  return {
    name: string(prompt['name'], 'the prompt name'),
    version: integer(prompt['version'], 'the version'),
    content,
    config: typeof config === 'object' && config !== null && !Array.isArray(config) ? (config as Json) : {},
    labels: strings(prompt['labels'], 'labels'),
    tags: strings(prompt['tags'] ?? [], 'tags'),
    commitMessage: optionalString(prompt['commitMessage']),
    createdAt: optionalString(prompt['createdAt']),
    createdBy: optionalString(prompt['createdBy']),
  };
}

function promptSummaryOf(value: unknown, index: number): RegistryPromptSummary {
  const meta = record(value, `prompt ${index + 1} of the list`);
  const versions = meta['versions'];
  if (!Array.isArray(versions) || !versions.every((version) => Number.isInteger(version))) throw new MalformedResponse(`prompt ${index + 1}'s versions are not a list of numbers`);
  return {
    name: string(meta['name'], `prompt ${index + 1}'s name`),
    type: promptType(meta['type'], `prompt ${index + 1}'s type`),
    versions: versions as number[],
    labels: strings(meta['labels'], `prompt ${index + 1}'s labels`),
    tags: strings(meta['tags'] ?? [], `prompt ${index + 1}'s tags`),
    lastUpdatedAt: optionalString(meta['lastUpdatedAt']),
  };
}

/** Reads a `PromptMetaListResponse` (the prompt list). */
export function promptPageOf(body: unknown): RegistryPromptPage {
  const response = record(body, 'the prompt list');
  const data = response['data'];
  if (!Array.isArray(data)) throw new MalformedResponse('the prompt list has no data');
  const meta = record(response['meta'], 'the page information');
  return {
    prompts: data.map(promptSummaryOf),
    page: integer(meta['page'], 'the page number'),
    totalPages: integer(meta['totalPages'], 'the page count'),
    totalItems: integer(meta['totalItems'], 'the item count'),
  };
}
