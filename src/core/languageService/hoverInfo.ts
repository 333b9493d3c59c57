import type { TemplateAnalysis } from '../checks/templateAnalysis';
import type { PromptDocument } from '../document/promptDocument';
import type { Range } from '../document/textDocument';
import type { SampleFile } from '../samples/sampleSets';
import { describeShape, type DeclaredProperty, type SchemaShape } from '../schema/schemaShape';

/** A hover: Markdown text and the range it describes. */
export interface HoverInfo {
  readonly range: Range;
  readonly markdown: string;
}

/** What a hover shows beyond the prompt: the sample file and which of its sets is current. */
export interface HoverOptions {
  readonly samples?: SampleFile;
  /** The sample set to show values from; the first set when absent or unknown. */
  readonly sampleSet?: string;
  readonly helpers?: readonly string[];
}

const maxValueLength = 120;
const maxShownValues = 3;

/** Wraps text in a Markdown code span that survives backticks inside it. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

/** A value as short JSON for a hover line. */
export function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength)}…` : text;
}

/** The first hover line: the path as written, its type and whether it is required. */
export function typeLine(written: string, shape: SchemaShape | undefined, property: DeclaredProperty | undefined): string {
  const parts = [`**${written.replace(/([*_\\[\]<>])/g, '\\$1')}**`];
  if (shape) parts.push(codeSpan(describeShape(shape)));
  if (property) parts.push(property.required ? 'required' : 'optional');
  return parts.join(' · ');
}

/** The hover line with a value in the chosen sample set (one per loop item inside a loop). */
export function sampleLine(setName: string, values: readonly unknown[]): string {
  const label = `Sample set ${codeSpan(setName)}:`;
  if (values.length === 0) return `${label} not set`;
  if (values.length === 1) return `${label} ${codeSpan(shortJson(values[0]))}`;
  const shown = values.slice(0, maxShownValues).map((value) => codeSpan(shortJson(value))).join(', ');
  return `${label} ${shown}${values.length > maxShownValues ? ', …' : ''} (${values.length} values, one per item)`;
}

/**
 * Describes the variable, property, helper, filter or partial at an offset: declared type,
 * description, default, and its value in the chosen sample set (every item's, inside a loop).
 */
export function hoverAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number, options: HoverOptions = {}): HoverInfo | undefined {
  return document.format.languageService.hoverAt(document, analysis, offset, options);
}
