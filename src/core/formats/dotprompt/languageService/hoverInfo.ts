import { listDeclaredVariables } from '../../../schema/declaredVariables';
import type { PromptDocument } from '../../../document/promptDocument';
import { resolveSampleSets, type SampleFile } from '../../../samples/sampleSets';
import { describeShape, type DeclaredProperty, type SchemaShape } from '../../../schema/schemaShape';
import type { TemplateAnalysis } from '../templateAnalysis';
import type { Range } from '../../../document/textDocument';
import { resolveInScope, scopeAt } from './blockScope';
import { dataVariableDocs, helperDoc } from './helperDocs';
import { partialAt, pathAt } from './templatePaths';

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
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength)}…` : text;
}

function typeLine(written: string, shape: SchemaShape | undefined, property: DeclaredProperty | undefined): string {
  const parts = [`**${written.replace(/([*_\\[\]<>])/g, '\\$1')}**`];
  if (shape) parts.push(codeSpan(describeShape(shape)));
  if (property) parts.push(property.required ? 'required' : 'optional');
  return parts.join(' · ');
}

function sampleLine(setName: string, values: readonly unknown[]): string {
  const label = `Sample set ${codeSpan(setName)}:`;
  if (values.length === 0) return `${label} not set`;
  if (values.length === 1) return `${label} ${codeSpan(shortJson(values[0]))}`;
  const shown = values.slice(0, maxShownValues).map((value) => codeSpan(shortJson(value))).join(', ');
  return `${label} ${shown}${values.length > maxShownValues ? ', …' : ''} (${values.length} values, one per item)`;
}

/**
 * Describes the variable, property, helper or partial at an offset: declared type, description,
 * default, and its value in the chosen sample set (every item's, inside `#each`).
 */
export function hoverAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number, options: HoverOptions = {}): HoverInfo | undefined {
  const partial = partialAt(document, offset);
  if (partial?.name !== undefined) return { range: partial.nameRange, markdown: `**partial** ${codeSpan(partial.name)}` };
  const found = pathAt(document, analysis, offset);
  if (!found) return undefined;
  const { path, segmentIndex, use } = found;
  const segment = segmentIndex === undefined ? undefined : path.segments[segmentIndex];
  if (!segment || segmentIndex === undefined) return undefined;
  if (!use) {
    const doc = helperDoc(segment.name);
    const markdown = doc ? `**${doc.origin} helper** ${codeSpan(doc.usage)}\n\n${doc.summary}` : `**helper** ${codeSpan(segment.name)}`;
    return { range: segment.range, markdown };
  }
  if (use.origin === 'data' || (path.data && segmentIndex === 0)) {
    const name = `@${segment.name}`;
    const doc = path.data && segmentIndex === 0 ? dataVariableDocs[name] : undefined;
    return { range: segment.range, markdown: `**data variable** ${codeSpan(name)}${doc ? `\n\n${doc}` : ''}` };
  }

  const text = document.text;
  const written = text.text.slice(text.offsetAt(path.range.start), text.offsetAt(segment.range.end));
  const sets = resolveSampleSets(document, options.samples);
  const chosen = sets.find((set) => set.name === options.sampleSet) ?? sets[0];
  const scope = scopeAt(document, text.offsetAt(path.range.start), {
    ...(options.helpers ? { helpers: options.helpers } : {}),
    ...(chosen ? { sampleInput: chosen.input } : {}),
  });
  const resolved = resolveInScope(scope, { ...path, segments: path.segments.slice(0, segmentIndex + 1) });
  const property = use.declarations[segmentIndex];
  const shape = property?.shape ?? resolved.shape;
  const lines = [typeLine(written, shape, property)];
  if (use.origin === 'block-param' && segmentIndex === 0) lines.push('Block parameter.');
  if (property?.description) lines.push(property.description);
  const schema = document.inputSchema?.shape;
  const isTopLevel = property !== undefined && schema?.kind === 'object' && schema.properties.get(property.name) === property;
  const topLevel = isTopLevel ? listDeclaredVariables(document).find((variable) => variable.name === property.name) : undefined;
  if (topLevel?.default) lines.push(`Default: ${codeSpan(shortJson(topLevel.default.value))}`);
  if (!property && !resolved.shape && document.inputSchema && use.origin === 'input') lines.push('Not declared in the input schema.');
  if (chosen) lines.push(sampleLine(chosen.name, resolved.samples));
  return { range: segment.range, markdown: lines.join('\n\n') };
}
