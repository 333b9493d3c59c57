import type { TemplateStatement } from './templateModel';
import { parseTemplate } from './templateParser';
import { createTextDocument, type Range } from '../../document/textDocument';

/** Finds the source of a partial by name, or undefined when there is none. */
export type PartialLookup = (name: string) => string | undefined | Promise<string | undefined>;

// Partials may include partials; deeper than this is a loop or a mistake.
const maxPartialDepth = 8;

/** The sentence a partial cycle is reported with, by the checker and by every renderer alike. */
export function partialCycleMessage(cycle: readonly string[]): string {
  const [first] = cycle;
  if (cycle.length <= 2 && first !== undefined) return `The partial '${first}' includes itself, so rendering it would never end.`;
  return `The partials include each other in a cycle (${cycle.join(' → ')}), so rendering would never end.`;
}

/** The names of the partials a template includes from files, in order and once each: not `@partial-block`, inline partials or `{{> (dynamic)}}` names, which no file holds. */
export function includedPartialNames(statements: readonly TemplateStatement[]): string[] {
  return includedPartials(statements).map((use) => use.name);
}

/** The partials a partial's text includes; a partial is a bare template, registered as written. */
export function partialsOfPartial(source: string): string[] {
  return includedPartialNames(parseTemplate(createTextDocument(source), '', 0, source).statements ?? []);
}

/** Like `includedPartialNames`, with where each name is first written. */
function includedPartials(statements: readonly TemplateStatement[]): { readonly name: string; readonly range: Range }[] {
  const names = new Map<string, Range>();
  const inline = new Set<string>();
  const visit = (list: readonly TemplateStatement[]): void => {
    for (const statement of list) {
      if (statement.kind === 'partial') {
        if (statement.name !== undefined && statement.name !== '@partial-block' && !names.has(statement.name)) names.set(statement.name, statement.nameRange);
        if (statement.program) visit(statement.program);
      } else if (statement.kind === 'block') {
        const first = statement.params[0];
        if (statement.decorator && statement.callee.original === 'inline' && first?.kind === 'literal') inline.add(String(first.value));
        visit(statement.program);
        visit(statement.inverse);
      }
    }
  };
  visit(statements);
  return [...names].filter(([name]) => !inline.has(name)).map(([name, range]) => ({ name, range }));
}

/** The partials a template reaches, with their sources, and the first cycle among them if any. */
export interface PartialGraph {
  /** Every partial name reached, with its source (undefined when none was found). */
  readonly sources: ReadonlyMap<string, string | undefined>;
  /** The names of a cycle, first and last the same (`a → b → a`); undefined when there is none. */
  readonly cycle: readonly string[] | undefined;
  /** Where the template itself includes the partial the cycle was reached through. */
  readonly cycleEntry: Range | undefined;
}

/**
 * Follows the partials a template includes, and the partials those include, through `lookup`
 * (each name asked once); reports the first cycle instead of following it round, so a caller can
 * refuse to render what would recurse forever.
 */
export async function resolvePartialGraph(statements: readonly TemplateStatement[], lookup: PartialLookup): Promise<PartialGraph> {
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
      if (stack.length >= maxPartialDepth) continue;
      if (!sources.has(name)) {
        const source = await lookup(name);
        sources.set(name, source);
        included.set(name, source === undefined ? [] : partialsOfPartial(source));
      }
      await walk(included.get(name) ?? [], [...stack, name]);
    }
  };
  // Every name is still looked up after a cycle, so a caller can tell a cycle from a missing partial.
  for (const use of includedPartials(statements)) {
    await walk([use.name], []);
    if (cycle && !cycleEntry) cycleEntry = use.range;
  }
  return { sources, cycle, cycleEntry };
}
