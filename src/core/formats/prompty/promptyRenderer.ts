import type { Message, Part, RenderedPrompt } from 'dotprompt';
import mustache from 'mustache';
import * as nunjucks from 'nunjucks';
import type { FormatRenderRequest, RenderOutcome } from '../promptFormat';
import { isPromptyDocument, type PromptyDocument } from './promptyDocument';
import { splitRoleSections } from './roleSections';

const environment = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false });
/** A line that stands for a thread input's messages until the rendered text is split into messages. */
const threadMarker = (index: number): string => `\u0000prompty-thread-${index}\u0000`;
const threadMarkerPattern = /\u0000prompty-thread-(\d+)\u0000/;

const roles: Readonly<Record<string, Message['role']>> = { system: 'system', developer: 'system', user: 'user', assistant: 'model', model: 'model', tool: 'tool' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A message of a thread input (`{role, content}`, content as text or parts) in the RenderedPrompt shape. */
function threadMessage(item: unknown): Message {
  if (!isRecord(item)) return { role: 'user', content: [{ text: typeof item === 'string' ? item : JSON.stringify(item) }] };
  const role = roles[String(item['role'] ?? 'user').toLowerCase()] ?? 'user';
  const content = item['content'];
  const parts: Part[] = Array.isArray(content)
    ? content.map((part: unknown): Part => (isRecord(part) && typeof part['text'] === 'string' ? { text: part['text'] } : { text: typeof part === 'string' ? part : JSON.stringify(part) }))
    : [{ text: typeof content === 'string' ? content : JSON.stringify(content ?? '') }];
  return { role, content: parts };
}

function parseIncluded(path: string, text: string): unknown {
  if (!/\.json$/i.test(path)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The input a template sees: defaults (with `${file:}` defaults read) under the given input, thread inputs as markers. */
async function templateInput(request: FormatRenderRequest, document: PromptyDocument): Promise<{ input: Record<string, unknown>; threads: unknown[][] }> {
  const input: Record<string, unknown> = { ...(document.inputDefaults?.value ?? {}) };
  for (const [name, path] of document.fileDefaults) {
    const text = await request.includes(path);
    if (text !== undefined) input[name] = parseIncluded(path, text);
  }
  Object.assign(input, request.input);
  const threads: unknown[][] = [];
  for (const declared of document.inputs) {
    if (declared.kind !== 'thread') continue;
    const value = input[declared.name];
    threads.push(Array.isArray(value) ? value : []);
    input[declared.name] = `\n${threadMarker(threads.length - 1)}\n`;
  }
  return { input, threads };
}

/** Splits rendered text into messages on role lines, with each thread's messages where its marker stands. */
function messagesOf(rendered: string, threads: readonly unknown[][]): Message[] {
  const messages: Message[] = [];
  for (const section of splitRoleSections(rendered)) {
    const role = roles[section.role] ?? 'user';
    const pieces = section.text.split(threadMarkerPattern);
    pieces.forEach((piece, index) => {
      if (index % 2 === 1) messages.push(...(threads[Number(piece)] ?? []).map(threadMessage));
      else if (piece.trim() !== '') messages.push({ role, content: [{ text: piece.trim() }], ...(Object.keys(section.attributes).length > 0 ? { metadata: { ...section.attributes } } : {}) });
    });
  }
  return messages;
}

function renderTemplate(document: PromptyDocument, input: Record<string, unknown>): string {
  if (document.template.kind === 'mustache') {
    // A fresh writer: the shared one caches every template; no HTML escaping, as Prompty renders.
    return new mustache.Writer().render(document.template.source, input, {}, { escape: (value: string) => value });
  }
  return environment.renderString(document.template.source, input);
}

/**
 * Renders a Prompty document: its template with nunjucks (jinja2) or mustache, then split into
 * messages on role lines, a thread input expanding to its messages where it stands; every failure
 * is one sentence at the file's position, never an exception.
 */
export async function renderPrompty(request: FormatRenderRequest): Promise<RenderOutcome> {
  const document = request.document;
  const start = document.text.positionAt(document.template.offset);
  if (!isPromptyDocument(document)) return { ok: false, error: 'This is not a Prompty document.', position: start };
  const [syntaxError] = document.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && (diagnostic.code === 'template-syntax' || diagnostic.code === 'yaml-syntax'));
  if (syntaxError) return { ok: false, error: syntaxError.message, position: syntaxError.range.start };
  try {
    const { input, threads } = await templateInput(request, document);
    const rendered: RenderedPrompt = { messages: messagesOf(renderTemplate(document, input), threads) };
    return { ok: true, rendered };
  } catch (error: unknown) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/^\(unknown path\)\s*(\[Line \d+, Column \d+\])?\s*/, '').replace(/^(?:Template render error|Error):\s*/, '').trim();
    return { ok: false, error: `The template does not render: ${message.replace(/\.?$/, '.')}`, position: start };
  }
}
