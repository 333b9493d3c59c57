import { listDeclaredVariables } from '../../../schema/declaredVariables';
import type { PromptDocument } from '../../../document/promptDocument';
import { resolveSampleSets } from '../../../samples/sampleSets';
import type { TemplateAnalysis } from '../../../checks/templateAnalysis';
import { sampleLine, shortJson, codeSpan, typeLine, type HoverInfo, type HoverOptions } from '../../../languageService/hoverInfo';
import { resolveInScope, scopeAt } from './blockScope';
import { dataVariableDocs, helperDoc } from './helperDocs';
import { partialAt, pathAt } from './templatePaths';

/**
 * Describes the variable, property, helper or partial at an offset: declared type, description,
 * default, and its value in the chosen sample set (every item's, inside `#each`).
 */
export function handlebarsHoverAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number, options: HoverOptions = {}): HoverInfo | undefined {
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
    // A later segment (`prompt` in `@metadata.prompt`) is named with the path that leads to it.
    const name = `@${path.segments
      .slice(0, segmentIndex + 1)
      .map((part) => part.name)
      .join('.')}`;
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
