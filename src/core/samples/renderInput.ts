import type { PromptDocument } from '../document/promptDocument';
import { defaultSetName, resolveSampleSets, type ResolvedSampleSet, type SampleFile } from './sampleSets';

/** What to render a prompt with: a named sample set, or a custom input object. */
export type RenderInputChoice =
  | { readonly kind: 'set'; readonly name?: string }
  | { readonly kind: 'custom'; readonly input: Readonly<Record<string, unknown>> };

export type ChosenRenderInput =
  | { readonly ok: true; readonly setName: string | undefined; readonly input: Readonly<Record<string, unknown>>; readonly sets: readonly ResolvedSampleSet[] }
  | { readonly ok: false; readonly problem: string; readonly sets: readonly ResolvedSampleSet[] };

/**
 * Picks the input a render uses: the named set (or, unnamed, the first set, else `input.default`
 * alone), or a custom input with `input.default` merged under it, as dotprompt merges it.
 */
export function chooseRenderInput(document: PromptDocument, samples: SampleFile | undefined, choice: RenderInputChoice): ChosenRenderInput {
  const sets = resolveSampleSets(document, samples);
  if (choice.kind === 'custom') {
    return { ok: true, setName: undefined, input: { ...document.inputDefaults?.value, ...choice.input }, sets };
  }
  if (choice.name === undefined) {
    const first = sets[0];
    return first ? { ok: true, setName: first.name, input: first.input, sets } : { ok: true, setName: undefined, input: {}, sets };
  }
  const set = sets.find((candidate) => candidate.name === choice.name);
  if (set) return { ok: true, setName: set.name, input: set.input, sets };
  if (choice.name === defaultSetName && sets.length > 0) {
    return { ok: true, setName: defaultSetName, input: { ...document.inputDefaults?.value }, sets };
  }
  const known = sets.map((candidate) => `"${candidate.name}"`).join(', ');
  return {
    ok: false,
    problem: known ? `There is no sample set "${choice.name}"; the sets are ${known}.` : `There is no sample set "${choice.name}": the prompt has no sample file and no input.default.`,
    sets,
  };
}

/** Parses a custom input given as JSON text; it must be a JSON object. */
export function parseCustomInput(json: string): { ok: true; input: Record<string, unknown> } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, problem: `The input is not valid JSON: ${error instanceof Error ? error.message : String(error)}.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'The input must be a JSON object mapping variable names to values.' };
  }
  return { ok: true, input: value as Record<string, unknown> };
}
