import { analyzePromptDocument, checkAnalyzedPromptDocument, type CheckOptions } from '../checks/checkPrompt';
import type { TemplateAnalysis } from '../checks/templateAnalysis';
import type { DiagnosticCode, PromptDiagnostic } from '../document/promptDiagnostic';
import type { PromptDocument } from '../document/promptDocument';
import type { Range } from '../document/textDocument';
import { parseSampleFile, type SampleFile } from '../samples/sampleSets';
import type { DeclaredProperty, ObjectShape, SchemaShape } from '../schema/schemaShape';
import type { DataStep } from './inputValueEdits';
import { applyTextEdits, type FileEdits, type TextEdit } from './textEdits';

/** Where a rename can start: the name under the cursor and what it would be renamed from. */
export type PrepareRenameResult = { readonly ok: true; readonly range: Range; readonly placeholder: string } | { readonly ok: false; readonly message: string };

/** The edits of a rename across the prompt and its sample file, or why it is refused. */
export type RenameResult = { readonly ok: true; readonly edits: readonly FileEdits[] } | { readonly ok: false; readonly message: string };

/** A refusal with its one sentence. */
export function refuseRename(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/** Every declared property of a shape, with the data steps that reach it and the object shape that holds it. */
export function declaredProperties(shape: SchemaShape | undefined): { property: DeclaredProperty; steps: DataStep[]; owner: ObjectShape }[] {
  const found: { property: DeclaredProperty; steps: DataStep[]; owner: ObjectShape }[] = [];
  let budget = 10_000;
  const visit = (current: SchemaShape | undefined, steps: DataStep[], depth: number): void => {
    if (!current || depth > 16 || --budget < 0) return;
    if (current.kind === 'array') visit(current.items, [...steps, { kind: 'items' }], depth + 1);
    if (current.kind !== 'object') return;
    for (const property of current.properties.values()) {
      const next: DataStep[] = [...steps, { kind: 'key', name: property.name }];
      found.push({ property, steps: next, owner: current });
      visit(property.shape, next, depth + 1);
    }
    if (typeof current.additional === 'object') visit(current.additional, [...steps, { kind: 'values' }], depth + 1);
  };
  visit(shape, [], 0);
  return found;
}

/** Drops a second edit of the same range in the same file. */
export function dedupeEdits(edits: readonly { path: string; edit: TextEdit }[]): { path: string; edit: TextEdit }[] {
  const seen = new Set<string>();
  return edits.filter(({ path, edit }) => {
    const key = `${path}\u0000${JSON.stringify(edit.range)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function countByCode(diagnostics: readonly PromptDiagnostic[]): Map<DiagnosticCode, number> {
  const counts = new Map<DiagnosticCode, number>();
  for (const diagnostic of diagnostics) counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  return counts;
}

/** The first diagnostic of a code that the edited prompt has more of than the original. */
function newProblem(before: readonly PromptDiagnostic[], after: readonly PromptDiagnostic[]): PromptDiagnostic | undefined {
  const counts = countByCode(before);
  const grown = new Set([...countByCode(after)].filter(([code, count]) => count > (counts.get(code) ?? 0)).map(([code]) => code));
  return after.find((diagnostic) => grown.has(diagnostic.code));
}

/** Applies a rename to copies of the texts and returns a problem the checker did not report before (`analysis` is the prompt's as it is). */
export function problemAfterRename(
  document: PromptDocument,
  samples: SampleFile | undefined,
  analysis: TemplateAnalysis | undefined,
  edits: readonly FileEdits[],
  options: CheckOptions,
): PromptDiagnostic | undefined {
  const promptEdits = edits.find((file) => file.path === document.path)?.edits ?? [];
  const sampleEdits = samples ? (edits.find((file) => file.path === samples.path)?.edits ?? []) : [];
  const renamed = document.format.parse(applyTextEdits(document.text, promptEdits), { path: document.path });
  const renamedSamples = samples ? parseSampleFile(samples.path, applyTextEdits(samples.text, sampleEdits)) : undefined;
  const before = checkAnalyzedPromptDocument(document, samples, () => analysis).diagnostics;
  const after = analyzePromptDocument(renamed, renamedSamples, options).diagnostics;
  return newProblem(before, after);
}

/** Checks whether a rename can start at an offset and returns the name to edit. */
export function prepareRename(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number): PrepareRenameResult {
  return document.format.languageService.prepareRename(document, analysis, offset);
}

/**
 * Renames an input variable (or a declared property) everywhere it is named: every template use
 * that resolves to it, the declaration, the defaults and every set of the sample file. Refuses
 * helpers, data and loop variables, invalid or clashing names, and renames that would make the
 * checker report something new.
 */
export function renameEdits(
  document: PromptDocument,
  samples: SampleFile | undefined,
  analysis: TemplateAnalysis | undefined,
  offset: number,
  newName: string,
  options: CheckOptions = {},
): RenameResult {
  return document.format.languageService.renameEdits(document, samples, analysis, offset, newName, options);
}
