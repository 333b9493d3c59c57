import { checkSampleSets } from '../samples/checkSampleSets';
import { closestName } from './nameSuggestion';
import { compareDiagnostics, createDiagnostic, type PromptDiagnostic } from '../document/promptDiagnostic';
import type { PromptDocument } from '../document/promptDocument';
import { parsePromptDocument } from '../formats/promptFileKind';
import { parseSampleFile, type SampleFile } from '../samples/sampleSets';
import type { TemplateAnalysis, TemplateAnalysisOptions } from './templateAnalysis';

/** How a caller tells the checker about the world outside the prompt text. */
export type CheckOptions = TemplateAnalysisOptions;

/** Everything `checkPrompt` needs: the prompt, its sample file if any, and how to find partials. */
export interface CheckPromptInput extends CheckOptions {
  readonly path: string;
  readonly text: string;
  /** The sidecar `<name>.samples.yaml` or `.samples.json`, when it exists. */
  readonly samples?: { readonly path: string; readonly text: string };
  /** Resolves Picoschema type names the application registers. */
  readonly resolveSchema?: (name: string) => unknown;
}

/** The checker's result with the analysis it computed, for editor features that need both. */
export interface PromptCheck {
  readonly diagnostics: readonly PromptDiagnostic[];
  /** Undefined when the template does not parse. */
  readonly analysis: TemplateAnalysis | undefined;
}

function unusedVariables(document: PromptDocument, analysis: TemplateAnalysis): PromptDiagnostic[] {
  const shape = document.inputSchema?.shape;
  if (shape?.kind !== 'object' || analysis.usesWholeInput || analysis.hasOpaquePartial) return [];
  const diagnostics: PromptDiagnostic[] = [];
  for (const property of shape.properties.values()) {
    if (analysis.usedVariables.has(property.name) || !property.declaration) continue;
    const nearMiss = closestName(
      property.name,
      analysis.undeclaredUses.map((segment) => segment.name),
    );
    const related = analysis.undeclaredUses
      .filter((segment) => segment.name === nearMiss)
      .slice(0, 3)
      .map((segment) => ({ file: document.path, range: segment.range, message: `'${segment.name}' is used here; did you mean '${property.name}'?` }));
    diagnostics.push(
      createDiagnostic(document.path, property.declaration.nameRange, 'unused-variable', `'${property.name}' is declared in ${document.format.inputsNoun} but the template never uses it.`, {
        related,
        tags: ['unnecessary'],
        data: { code: 'unused-variable', name: property.name },
      }),
    );
  }
  return diagnostics;
}

function dedupe(diagnostics: readonly PromptDiagnostic[]): PromptDiagnostic[] {
  const seen = new Set<string>();
  return [...diagnostics].sort(compareDiagnostics).filter((diagnostic) => {
    const key = `${diagnostic.file}\u0000${diagnostic.code}\u0000${JSON.stringify(diagnostic.range)}\u0000${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Checks a parsed prompt (and its parsed sample file) and returns the diagnostics with the
 * template analysis; the editor calls this on every edit with cached parses.
 */
export function analyzePromptDocument(document: PromptDocument, samples: SampleFile | undefined, options: CheckOptions = {}): PromptCheck {
  return checkAnalyzedPromptDocument(document, samples, () => document.format.analyze(document, options));
}

/**
 * Checks a parsed prompt with the template analysis `analyze` returns (an editor's cached one, so
 * each version is analysed once for the checks and the language features); never throws.
 */
export function checkAnalyzedPromptDocument(document: PromptDocument, samples: SampleFile | undefined, analyze: () => TemplateAnalysis | undefined): PromptCheck {
  const diagnostics: PromptDiagnostic[] = [...document.diagnostics, ...(samples?.diagnostics ?? [])];
  let analysis: TemplateAnalysis | undefined;
  try {
    analysis = analyze();
    if (analysis) diagnostics.push(...analysis.diagnostics, ...unusedVariables(document, analysis));
    diagnostics.push(...checkSampleSets(document, samples, analysis));
  } catch (error: unknown) {
    // A last line of defence: the editor and CI must get diagnostics, never an exception.
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.push(
      createDiagnostic(document.path, document.text.rangeAt(0, 0), 'template-syntax', `PromptOps could not finish checking this file (internal error: ${message}).`),
    );
  }
  return { diagnostics: dedupe(diagnostics), analysis };
}

/** Checks a parsed prompt against its parsed sample file and returns sorted diagnostics; never throws. */
export function checkPromptDocument(document: PromptDocument, samples: SampleFile | undefined, options: CheckOptions = {}): PromptDiagnostic[] {
  return [...analyzePromptDocument(document, samples, options).diagnostics];
}

/** Parses and checks a prompt and its sample file from text in one call (the CLI's entry point); never throws. */
export function checkPrompt(input: CheckPromptInput): PromptDiagnostic[] {
  const document = parsePromptDocument(input.text, {
    path: input.path,
    ...(input.resolveSchema ? { resolveSchema: input.resolveSchema } : {}),
  });
  const samples = input.samples ? parseSampleFile(input.samples.path, input.samples.text) : undefined;
  return checkPromptDocument(document, samples, input);
}
