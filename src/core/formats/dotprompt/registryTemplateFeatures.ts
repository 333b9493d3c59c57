import { dotpromptHelpers, handlebarsBuiltInHelpers } from './knownHelpers';
import type { PromptDocument } from '../../document/promptDocument';
import { templateStatements, type TemplateStatement } from './templateModel';
import type { UnportableFeature } from '../promptFormat';
import type { Range } from '../../document/textDocument';

const helperNames: ReadonlySet<string> = new Set([...handlebarsBuiltInHelpers, ...dotpromptHelpers]);

/**
 * The Handlebars features of a prompt that a registry compiling `{{variable}}` placeholders (Langfuse)
 * will not reproduce: blocks, partials, helper calls, `@`/`../`/`this` references, comments, raw
 * `{{{ }}}` and `~` whitespace control. Top-level `{{role "…"}}` markers are fine: push turns them
 * into chat messages. Sorted by position.
 */
export function unportableFeaturesOf(document: PromptDocument): UnportableFeature[] {
  const { text, template } = document;
  const features: UnportableFeature[] = [];
  const tagAt = (range: Range): string => {
    const tag = text.text.slice(text.offsetAt(range.start), text.offsetAt(range.end));
    return tag.length > 60 ? `${tag.slice(0, 57)}…` : tag;
  };
  const add = (kind: UnportableFeature['kind'], range: Range): void => {
    features.push({ kind, tag: tagAt(range), range });
  };
  const visit = (statements: readonly TemplateStatement[], topLevel: boolean): void => {
    for (const statement of statements) {
      const written = tagAt(statement.kind === 'block' ? statement.openRange : statement.range);
      if (/^\{\{~|~\}\}$/.test(written)) add('whitespace-control', statement.kind === 'block' ? statement.openRange : statement.range);
      if (statement.kind === 'block') {
        add('block', statement.openRange);
        visit(statement.program, false);
        visit(statement.inverse, false);
      } else if (statement.kind === 'partial') {
        add('partial', statement.range);
        if (statement.program) visit(statement.program, false);
      } else {
        const callee = statement.callee;
        const isRole = topLevel && callee.kind === 'path' && callee.original === 'role' && statement.params.length === 1 && statement.params[0]?.kind === 'literal';
        if (isRole) continue;
        if (written.startsWith('{{{')) add('raw', statement.range);
        if (callee.kind !== 'path' || statement.decorator || statement.params.length > 0 || statement.hash.length > 0 || helperNames.has(callee.original)) add('helper', statement.range);
        else if (callee.data || callee.depth > 0 || callee.scoped) add('reference', statement.range);
      }
    }
  };
  visit(templateStatements(document) ?? [], true);
  for (const match of template.source.matchAll(/\{\{~?!(?:--[\s\S]*?--~?\}\}|[\s\S]*?\}\})/g)) {
    const start = template.offset + match.index;
    add('comment', text.rangeAt(start, start + match[0].length));
  }
  return features.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** One sentence about a feature, e.g. `{{#each items}} is a Handlebars block, which Langfuse's {{variable}} substitution does not run.` */
export function unportableFeatureSentence(feature: UnportableFeature, registryName: string): string {
  const what: Record<UnportableFeature['kind'], string> = {
    block: 'a Handlebars block',
    partial: 'a partial',
    helper: 'a helper call',
    reference: 'a scoped reference (@, ../ or this)',
    comment: 'a Handlebars comment',
    raw: 'a raw {{{ }}} tag',
    'whitespace-control': 'whitespace control (~)',
    filter: 'a filter',
    statement: 'a template statement',
  };
  return `${feature.tag} is ${what[feature.kind]}, which ${registryName}'s {{variable}} substitution does not run.`;
}
