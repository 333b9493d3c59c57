import type { RenderedPrompt } from 'dotprompt';
import { checkPromptDocument } from '../checks/checkPrompt';
import type { IncludeLookup } from '../formats/promptFormat';
import { resolveIncludeGraph, type IncludeGraph } from './includeGraph';
import { compareDiagnostics, type DiagnosticCode, type PromptDiagnostic } from '../document/promptDiagnostic';
import type { PromptDocument } from '../document/promptDocument';
import type { SampleFile } from '../samples/sampleSets';
import type { Range } from '../document/textDocument';

/** Why a prompt does not render: the checker's own sentence, at the file's own line and column. */
export interface RenderProblem {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

/**
 * The checks whose errors mean a prompt cannot be rendered as written, so render, test, the preview
 * and every release refuse it: front matter that does not parse or has the wrong shape, a template
 * that does not parse, a helper, filter, partial or referenced file the engine cannot find, partials that include each other.
 */
export const renderBlockingCodes: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['yaml-syntax', 'front-matter-schema', 'template-syntax', 'missing-partial', 'missing-file', 'unknown-helper', 'partial-cycle']);

/** The first error (in file order) of a code that stops rendering, if any. */
export function firstBlockingError(diagnostics: readonly PromptDiagnostic[]): PromptDiagnostic | undefined {
  return [...diagnostics].sort(compareDiagnostics).find((diagnostic) => diagnostic.severity === 'error' && renderBlockingCodes.has(diagnostic.code));
}

/** A diagnostic as a render problem. */
export function renderProblemOf(diagnostic: PromptDiagnostic): RenderProblem {
  return { file: diagnostic.file, range: diagnostic.range, message: diagnostic.message };
}

/** `file:line:col: sentence` (1-based), as `check` prints findings and terminals and editors link them. */
export function describeRenderProblem(problem: RenderProblem): string {
  return `${problem.file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`;
}

/** The first problem of a sample file that stops its sets from being read (it does not parse, or is not a map of sets). */
export function sampleFileProblem(samples: SampleFile | undefined): RenderProblem | undefined {
  const first = [...(samples?.diagnostics ?? [])].sort(compareDiagnostics).find((diagnostic) => diagnostic.severity === 'error');
  return first ? renderProblemOf(first) : undefined;
}

export interface CheckedRenderRequest {
  readonly document: PromptDocument;
  readonly input: Readonly<Record<string, unknown>>;
  /** Partials as the version being rendered has them (working tree or a commit). */
  readonly partials: IncludeLookup;
}

export type CheckedRenderOutcome = { readonly ok: true; readonly rendered: RenderedPrompt } | { readonly ok: false; readonly problem: RenderProblem };

/**
 * Renders a prompt the way `render`, `test`, rendered diffs and the preview all do: first the
 * checks that decide whether it can render as written (see `renderBlockingCodes`), whose first error
 * is the answer, then dotprompt; a failure of dotprompt itself is placed at the file's own line
 * (Handlebars counts lines from the template's start, after the front matter).
 */
export async function renderCheckedPrompt(request: CheckedRenderRequest): Promise<CheckedRenderOutcome> {
  const { document, partials } = request;
  const { graph, blocking } = await checkBeforeRender(document, partials);
  if (blocking) return { ok: false, problem: renderProblemOf(blocking) };
  const outcome = await document.format.render({
    document,
    input: request.input,
    includes: async (name) => (graph.sources.has(name) ? graph.sources.get(name) : await partials(name)),
  });
  if (outcome.ok) return outcome;
  return { ok: false, problem: { file: document.path, range: { start: outcome.position, end: outcome.position }, message: outcome.error } };
}

/**
 * The first error `check` reports on a prompt that stops it from rendering as written (see
 * `renderBlockingCodes`), with partials found through `partials`; undefined when it passes. What
 * every release (promote, canary, a registry push) requires of the version it ships.
 */
export async function firstRenderBlockingError(document: PromptDocument, partials: IncludeLookup): Promise<PromptDiagnostic | undefined> {
  return (await checkBeforeRender(document, partials)).blocking;
}

async function checkBeforeRender(document: PromptDocument, partials: IncludeLookup): Promise<{ graph: IncludeGraph; blocking: PromptDiagnostic | undefined }> {
  const graph = await resolveIncludeGraph(document.format.includes(document), (source) => document.format.includesOfIncluded(source), partials);
  const diagnostics = checkPromptDocument(document, undefined, { partialExists: (name) => graph.sources.get(name) !== undefined, partialSource: (name) => graph.sources.get(name) });
  return { graph, blocking: firstBlockingError(diagnostics) };
}
