import type { Range } from '../document/textDocument';
import type { IncludeLookup, IncludeUse } from '../formats/promptFormat';

// Included files may include files; deeper than this is a loop or a mistake.
const maxIncludeDepth = 8;

/** The sentence a partial cycle is reported with, by the checker and by every renderer alike. */
export function partialCycleMessage(cycle: readonly string[]): string {
  const [first] = cycle;
  if (cycle.length <= 2 && first !== undefined) return `The partial '${first}' includes itself, so rendering it would never end.`;
  return `The partials include each other in a cycle (${cycle.join(' → ')}), so rendering would never end.`;
}

/** The files a prompt reaches, with their sources, and the first cycle among them if any. */
export interface IncludeGraph {
  /** Every name reached, with its source (undefined when none was found). */
  readonly sources: ReadonlyMap<string, string | undefined>;
  /** The names of a cycle, first and last the same (`a → b → a`); undefined when there is none. */
  readonly cycle: readonly string[] | undefined;
  /** Where the prompt itself includes the file the cycle was reached through. */
  readonly cycleEntry: Range | undefined;
}

/**
 * Follows the files a prompt includes (`uses`), and the files those include (`includesOf`),
 * through `lookup` (each name asked once); reports the first cycle instead of following it round,
 * so a caller can refuse to render what would recurse forever.
 */
export async function resolveIncludeGraph(uses: readonly IncludeUse[], includesOf: (source: string) => string[], lookup: IncludeLookup): Promise<IncludeGraph> {
  const sources = new Map<string, string | undefined>();
  const included = new Map<string, string[]>();
  let cycle: string[] | undefined;
  let cycleEntry: Range | undefined;
  const walk = async (names: readonly string[], stack: string[]): Promise<void> => {
    for (const name of names) {
      const at = stack.indexOf(name);
      if (at >= 0) {
        cycle ??= [...stack.slice(at), name];
        continue;
      }
      if (stack.length >= maxIncludeDepth) continue;
      if (!sources.has(name)) {
        const source = await lookup(name);
        sources.set(name, source);
        included.set(name, source === undefined ? [] : includesOf(source));
      }
      await walk(included.get(name) ?? [], [...stack, name]);
    }
  };
  // Every name is still looked up after a cycle, so a caller can tell a cycle from a missing file.
  for (const use of uses) {
    await walk([use.name], []);
    if (cycle && !cycleEntry) cycleEntry = use.range;
  }
  return { sources, cycle, cycleEntry };
}
