import * as v8 from 'node:v8';

/**
 * The bytecode V8's optimizing compiler may inline into one function, in bytes (V8's default is 920).
 * A `check` or `test` run is mostly warm-up: the per-file functions run a few thousand times, and
 * compiling them with everything they call inlined cost a quarter of the run's CPU on V8's
 * background threads. Half the default cut that work (check over 2,000 .prompty files: see the
 * commit that set it) without slowing the code once it is warm.
 */
export const inlinedBytecodeBudget = 230;

/** Lowers V8's inlining budget for the CLI runs that parse many files (set first thing, like limitHeapGrowth). Only how V8 compiles changes, never what is computed. */
export function limitOptimizerInlining(): void {
  v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${inlinedBytecodeBudget}`);
}
