import type { Message, RenderedPrompt } from 'dotprompt';
import type { Position } from '../document/textDocument';
import { formatOfFile, parsePromptDocument } from '../formats/promptFileKind';
import type { IncludeLookup, RenderOutcome } from '../formats/promptFormat';

/** A prompt file's source to render: its path (which picks the format), its text, input and included files. */
export interface SourceRenderRequest {
  /** The file's path (or just its name); its extension picks the format. */
  readonly path: string;
  /** The whole file: front matter and template. */
  readonly source: string;
  /** The input object, e.g. a sample set; the prompt's defaults merge under it. */
  readonly input: Readonly<Record<string, unknown>>;
  /** The files the prompt includes (partials, referenced files), as the rendered version has them. */
  readonly partials: IncludeLookup;
}

/**
 * Renders a prompt file's source with its format's engine (dotprompt, nunjucks or mustache) into
 * the RenderedPrompt shape; every failure is one sentence at the file's own line, never an exception.
 */
export async function renderPromptSource(request: SourceRenderRequest): Promise<RenderOutcome> {
  const document = parsePromptDocument(request.source, { path: request.path });
  return document.format.render({ document, input: request.input, includes: request.partials });
}

/** Whether a file is a prompt file of a format this core renders. */
export function rendersPromptFile(path: string): boolean {
  return formatOfFile(path) !== undefined;
}

/** Why a prompt's source cannot be read as its engine reads it, or undefined when it can. */
export interface PromptSourceProblem {
  readonly message: string;
  readonly position: Position;
}

/**
 * The first syntax error of a prompt file's source, in the checker's words and at the file's own
 * line: front matter never closed or not YAML, or a template that does not parse. Undefined when
 * the source reads as written.
 */
export function promptSourceProblem(path: string, source: string): PromptSourceProblem | undefined {
  const document = parsePromptDocument(source, { path });
  const [error] = document.format.readErrors(document);
  return error ? { message: error.message, position: error.range.start } : undefined;
}

/**
 * The files a prompt includes, directly or through the files `included` holds, that `included`
 * does not hold: what a bundle must carry for the prompt to render.
 */
export function includesMissingFrom(path: string, source: string, included: ReadonlyMap<string, string>): string[] {
  const document = parsePromptDocument(source, { path });
  const missing: string[] = [];
  const seen = new Set<string>();
  const queue = document.format.includes(document).map((use) => use.name);
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const text = included.get(name);
    if (text === undefined) missing.push(name);
    else queue.push(...document.format.includesOfIncluded(text));
  }
  return missing;
}

/** The text of a message: its text parts joined, other parts shown as a bracketed placeholder. */
export function messageText(message: Message): string {
  return message.content
    .map((part) => {
      if ('text' in part && typeof part.text === 'string') return part.text;
      if ('media' in part && part.media) return `[media: ${part.media.url}]`;
      if ('toolRequest' in part) return `[tool request: ${part.toolRequest?.name ?? ''}]`;
      if ('toolResponse' in part) return `[tool response: ${part.toolResponse?.name ?? ''}]`;
      return `[${Object.keys(part).join(', ')}]`;
    })
    .join('');
}

/** The rendered messages as readable text: a heading line per message, then its text. */
export function renderedAsText(rendered: RenderedPrompt): string {
  return rendered.messages.map((message) => `── ${message.role} ──\n${messageText(message)}`).join('\n');
}
