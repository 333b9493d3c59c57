import type { IncludeUse } from '../promptFormat';
import type { TemplateStatement } from './templateModel';
import { parseTemplate } from './templateParser';
import { createTextDocument, type Range } from '../../document/textDocument';

/** Finds the source of a partial by name, or undefined when there is none. */
export type PartialLookup = (name: string) => string | undefined | Promise<string | undefined>;

/** The names of the partials a template includes from files, in order and once each: not `@partial-block`, inline partials or `{{> (dynamic)}}` names, which no file holds. */
export function includedPartialNames(statements: readonly TemplateStatement[]): string[] {
  return includedPartials(statements).map((use) => use.name);
}

/** The partials a partial's text includes; a partial is a bare template, registered as written. */
export function partialsOfPartial(source: string): string[] {
  return includedPartialNames(parseTemplate(createTextDocument(source), '', 0, source).statements ?? []);
}

/** Like `includedPartialNames`, with where each name is first written. */
export function includedPartials(statements: readonly TemplateStatement[]): IncludeUse[] {
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
