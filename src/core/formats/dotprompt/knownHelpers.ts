/** Helpers Handlebars registers on every instance (`helperMissing` and `blockHelperMissing` are internal). */
export const handlebarsBuiltInHelpers: readonly string[] = ['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing'];

/** Helpers dotprompt registers (dotprompt `src/helpers.ts`). */
export const dotpromptHelpers: readonly string[] = ['role', 'history', 'section', 'media', 'json', 'ifEquals', 'unlessEquals'];

/**
 * How many positional arguments a helper needs, where getting it wrong breaks rendering:
 * Handlebars throws for `#if`/`#unless`/`#with` without exactly one and `#each` without one, and
 * dotprompt's `ifEquals`/`unlessEquals` compare against the options object when given one.
 */
export const helperArity: Readonly<Record<string, number>> = {
  if: 1,
  unless: 1,
  each: 1,
  with: 1,
  ifEquals: 2,
  unlessEquals: 2,
};

/** Builds the set of helper names a prompt may call: built-ins, dotprompt's and the application's. */
export function knownHelperNames(extra: readonly string[] = []): ReadonlySet<string> {
  return new Set([...handlebarsBuiltInHelpers, ...dotpromptHelpers, ...extra]);
}
