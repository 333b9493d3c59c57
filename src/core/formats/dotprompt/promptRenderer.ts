import { Dotprompt } from 'dotprompt';
import type { IncludeLookup, RenderOutcome } from '../promptFormat';
import { partialCycleMessage, resolveIncludeGraph } from '../../rendering/includeGraph';
import { includedPartialNames, includedPartials, partialsOfPartial } from './partialGraph';
import { templateStatements } from './templateModel';
import { parsePromptSyntax, promptSyntaxErrors, type PromptSyntax } from './promptSyntax';
import type { Position } from '../../document/textDocument';

export interface RenderRequest {
  /** The whole `.prompt` file: front matter and template. */
  readonly source: string;
  /** The input object, e.g. a sample set; front-matter `input.default` merges under it. */
  readonly input: Readonly<Record<string, unknown>>;
  readonly partials: IncludeLookup;
}

/** Why a prompt's source cannot be read as dotprompt reads it, or undefined when it can. */
export interface PromptSourceProblem {
  readonly message: string;
  readonly position: Position;
}

/**
 * The first syntax error of a `.prompt` source, in the checker's words and at the file's own line:
 * front matter never closed or not YAML (dotprompt would send it to the model as text) or a
 * template that does not parse. Undefined when the source reads as written.
 */
export function promptSourceProblem(source: string): PromptSourceProblem | undefined {
  const [error] = promptSyntaxErrors(parsePromptSyntax(source, ''));
  return error ? { message: error.message, position: error.range.start } : undefined;
}

/**
 * Renders a prompt through the dotprompt library, as Genkit does, with the front matter's
 * `input.default` merged under the input. Front matter that is never closed or does not parse,
 * a template that does not parse and partials that include each other are refused before dotprompt
 * runs (it would send the front matter as text, or recurse until the stack overflows); every
 * failure comes back as one sentence with the file position, never as an exception.
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
  const syntax = parsePromptSyntax(request.source, '');
  const [syntaxError] = promptSyntaxErrors(syntax);
  if (syntaxError) return { ok: false, error: syntaxError.message, position: syntaxError.range.start };
  const templateStart = syntax.text.positionAt(syntax.template.offset);
  try {
    const graph = await resolveIncludeGraph(includedPartials(templateStatements(syntax) ?? []), partialsOfPartial, request.partials);
    if (graph.cycle) return { ok: false, error: partialCycleMessage(graph.cycle), position: graph.cycleEntry?.start ?? templateStart };
    const partial = async (name: string): Promise<string | undefined> => (graph.sources.has(name) ? graph.sources.get(name) : await request.partials(name));
    const dotprompt = new Dotprompt({ partialResolver: async (name) => (await partial(name)) ?? null });
    const handlebars = dotprompt['handlebars'];
    for (const name of Object.keys(handlebars.partials)) handlebars.unregisterPartial(name);
    const parsed = dotprompt.parse(syntax.text.text);
    const defaults = parsed.input?.default;
    const renderer = await dotprompt.compile(parsed);
    const rendered = await renderer({ input: { ...request.input } }, defaults ? { input: { default: defaults } } : undefined);
    return { ok: true, rendered };
  } catch (error) {
    return { ok: false, error: describeRenderError(error), position: errorPosition(error, syntax, templateStart) };
  }
}

function describeRenderError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknownHelper = /knownHelpersOnly, but used the unknown helper (\S+)/.exec(message);
  if (unknownHelper) return `The template uses the helper "${unknownHelper[1]}", which dotprompt does not know.`;
  const missingPartial = /The partial (\S+) could not be found/.exec(message);
  if (missingPartial) return `The partial "${missingPartial[1]}" could not be found.`;
  if (error instanceof RangeError) return 'Rendering ran out of stack: the template or its partials nest too deeply.';
  // Handlebars errors span several lines (the source excerpt) and end with " - line:column"; the first line says what is wrong.
  return (message.split('\n')[0] ?? message).replace(/ - \d+:\d+$/, '').replace(/:$/, '.');
}

/** Where a Handlebars error points, moved from the template's own lines (it counts from the template's first line) to the file's. */
function errorPosition(error: unknown, syntax: PromptSyntax, templateStart: Position): Position {
  const line = typeof error === 'object' && error !== null ? Reflect.get(error, 'lineNumber') : undefined;
  const column = typeof error === 'object' && error !== null ? Reflect.get(error, 'column') : undefined;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) return templateStart;
  const character = typeof column === 'number' && Number.isInteger(column) && column >= 0 ? column : 0;
  const fileLine = templateStart.line + line - 1;
  if (fileLine >= syntax.text.lineCount) return templateStart;
  return { line: fileLine, character: line === 1 ? templateStart.character + character : character };
}

/**
 * The partials a prompt's template includes, directly or through the partials `partials` holds,
 * that `partials` does not hold: what a bundle must carry for the prompt to render.
 */
export function partialsMissingFrom(source: string, partials: ReadonlyMap<string, string>): string[] {
  const missing: string[] = [];
  const seen = new Set<string>();
  const queue = includedPartialNames(templateStatements(parsePromptSyntax(source, '')) ?? []);
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const partial = partials.get(name);
    if (partial === undefined) missing.push(name);
    else queue.push(...partialsOfPartial(partial));
  }
  return missing;
}
