import { Dotprompt, type Message, type RenderedPrompt } from 'dotprompt';
import { stripBom } from './textDocument';

/** Finds the source of a partial by name, or undefined when there is none. */
export type PartialSource = (name: string) => string | undefined | Promise<string | undefined>;

export interface RenderRequest {
  /** The whole `.prompt` file: front matter and template. */
  readonly source: string;
  /** The input object, e.g. a sample set; front-matter `input.default` merges under it. */
  readonly input: Readonly<Record<string, unknown>>;
  readonly partials: PartialSource;
}

export type RenderOutcome =
  | { readonly ok: true; readonly rendered: RenderedPrompt }
  | { readonly ok: false; readonly error: string };

/**
 * Renders a prompt through the dotprompt library, as Genkit does, with the front matter's
 * `input.default` merged under the input; failures (missing partial, unknown helper, bad YAML)
 * come back as one message, never as an exception.
 */
export async function renderPrompt(request: RenderRequest): Promise<RenderOutcome> {
  // Every Dotprompt instance registers partials on the one Handlebars environment they share
  // (`Handlebars.noConflict()` returns it, not a copy) and never replaces a name it has seen, so
  // two versions of `_style.prompt` would render alike: renders take turns, each without partials.
  const turn = renderQueue.then(() => renderAlone(request));
  renderQueue = turn.catch(() => undefined);
  return turn;
}

let renderQueue: Promise<unknown> = Promise.resolve();

async function renderAlone(request: RenderRequest): Promise<RenderOutcome> {
  try {
    const dotprompt = new Dotprompt({ partialResolver: async (name) => (await request.partials(name)) ?? null });
    const handlebars = dotprompt['handlebars'];
    for (const name of Object.keys(handlebars.partials)) handlebars.unregisterPartial(name);
    // dotprompt's front-matter pattern does not match after a byte order mark.
    const parsed = dotprompt.parse(stripBom(request.source));
    const defaults = parsed.input?.default;
    const renderer = await dotprompt.compile(parsed);
    const rendered = await renderer({ input: { ...request.input } }, defaults ? { input: { default: defaults } } : undefined);
    return { ok: true, rendered };
  } catch (error) {
    return { ok: false, error: describeRenderError(error) };
  }
}

function describeRenderError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknownHelper = /knownHelpersOnly, but used the unknown helper (\S+)/.exec(message);
  if (unknownHelper) return `The template uses the helper "${unknownHelper[1]}", which dotprompt does not know.`;
  const missingPartial = /The partial (\S+) could not be found/.exec(message);
  if (missingPartial) return `The partial "${missingPartial[1]}" could not be found.`;
  // Handlebars parse errors span several lines (the source excerpt); the first says what is wrong.
  return message.split('\n')[0] ?? message;
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
