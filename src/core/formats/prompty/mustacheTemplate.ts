import mustache from 'mustache';
import type { PathSegment } from '../../checks/templateAnalysis';
import { createDiagnostic, type PromptDiagnostic } from '../../document/promptDiagnostic';
import type { TextDocument } from '../../document/textDocument';
import type { SchemaShape } from '../../schema/schemaShape';
import { plainPath, type PromptyUseResolver, type ScopedName } from './promptyUses';

/** One mustache token as `mustache` parses it: type, value, start and end offsets, and a section's tokens. */
interface MustacheToken {
  readonly type: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly children: readonly MustacheToken[];
}

function tokensOf(value: unknown): MustacheToken[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): MustacheToken[] => {
    if (!Array.isArray(item)) return [];
    const [type, text, start, end, children]: unknown[] = item;
    if (typeof type !== 'string' || typeof text !== 'string' || typeof start !== 'number' || typeof end !== 'number') return [];
    return [{ type, value: text, start, end, children: type === '#' || type === '^' ? tokensOf(children) : [] }];
  });
}

/** A mustache template placed in a document. */
export interface MustacheSource {
  readonly document: TextDocument;
  readonly file: string;
  readonly offset: number;
  readonly source: string;
}

function syntaxProblem(template: MustacheSource, error: unknown): PromptDiagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const at = Number(/ at (\d+)$/.exec(message)?.[1] ?? template.source.length);
  const unclosed = /^Unclosed section "(.*)"/.exec(message)?.[1];
  const unopened = /^Unopened section "(.*)"/.exec(message)?.[1];
  let start = at;
  let end = at;
  let sentence = `${message.replace(/ at \d+$/, '')}.`;
  if (unclosed !== undefined) {
    // Point at the section's opening tag, the last one of that name before where mustache gave up.
    const opener = [...template.source.slice(0, at).matchAll(/\{\{\s*[#^]\s*([^}]*?)\s*\}\}/g)].filter((match) => match[1] === unclosed).pop();
    if (opener) {
      start = opener.index;
      end = start + opener[0].length;
    }
    sentence = `{{#${unclosed}}} is never closed; add {{/${unclosed}}} after its content.`;
  } else if (unopened !== undefined) {
    end = template.source.indexOf('}}', at) >= 0 ? template.source.indexOf('}}', at) + 2 : at;
    sentence = `{{/${unopened}}} closes nothing: no {{#${unopened}}} is open here.`;
  } else if (/^Unclosed tag/.test(message)) {
    end = Math.min(at + 2, template.source.length);
    sentence = 'This {{ tag is never closed with }}.';
  }
  return createDiagnostic(template.file, template.document.rangeAt(template.offset + start, template.offset + end), 'template-syntax', sentence);
}

/** Parses a mustache template with `mustache` itself: its tokens, or the syntax problem that stops it. */
export function parseMustache(template: MustacheSource): { readonly tokens: readonly MustacheToken[] | undefined; readonly diagnostics: readonly PromptDiagnostic[] } {
  try {
    // A fresh writer each time: the shared one caches every template it ever parsed.
    const parsed: unknown = new mustache.Writer().parse(template.source);
    return { tokens: tokensOf(parsed), diagnostics: [] };
  } catch (error: unknown) {
    return { tokens: undefined, diagnostics: [syntaxProblem(template, error)] };
  }
}

interface Context {
  readonly shape: SchemaShape | undefined;
  readonly variable: string | undefined;
}

/**
 * Resolves the names a mustache template reads with mustache's context stack: inside a section over
 * a list, a name is first a property of the item, then anything outside.
 */
export function walkMustache(template: MustacheSource, tokens: readonly MustacheToken[], resolver: PromptyUseResolver): void {
  const contexts: Context[] = [];
  const segmentsOf = (token: MustacheToken): PathSegment[] => {
    const nameStart = template.source.indexOf(token.value, token.start);
    const base = template.offset + (nameStart >= 0 && nameStart < token.end ? nameStart : token.start);
    const segments: PathSegment[] = [];
    let at = base;
    for (const name of token.value.split('.')) {
      segments.push({ name, range: template.document.rangeAt(at, at + name.length) });
      at += name.length + 1;
    }
    return segments;
  };
  const read = (token: MustacheToken): SchemaShape | undefined => {
    if (token.value === '.' || token.value === '') return undefined;
    const segments = segmentsOf(token);
    const [first] = segments;
    const last = segments[segments.length - 1];
    if (!first || !last) return undefined;
    const path = plainPath(token.value, { start: first.range.start, end: last.range.end }, segments);
    // The innermost context that declares the name wins; an item whose shape is unknown may hold anything.
    for (let index = contexts.length - 1; index >= 0; index--) {
      const context = contexts[index];
      if (!context) continue;
      const shape = context.shape;
      const property = shape?.kind === 'object' ? shape.properties.get(first.name) : undefined;
      if (property || (shape === undefined && !resolver.isInput(first.name))) {
        const scoped: ScopedName = { origin: 'block-context', shape, ...(context.variable !== undefined ? { variable: context.variable } : {}) };
        return resolver.resolve(path, property ? { ...scoped, shape: property.shape, declaration: property } : { ...scoped, shape: undefined });
      }
    }
    return resolver.resolve(path, undefined);
  };
  const walk = (list: readonly MustacheToken[]): void => {
    for (const token of list) {
      if (token.type === 'name' || token.type === '&') read(token);
      else if (token.type === '#' || token.type === '^') {
        const shape = read(token);
        const variable = token.value.split('.')[0];
        const item = token.type === '#' ? (shape?.kind === 'array' ? shape.items : shape?.kind === 'object' ? shape : shape === undefined ? undefined : null) : null;
        if (item !== null) contexts.push({ shape: item, variable });
        walk(token.children);
        if (item !== null) contexts.pop();
      }
    }
  };
  walk(tokens);
}
