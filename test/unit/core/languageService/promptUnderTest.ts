import * as assert from 'node:assert/strict';
import { analyzePromptDocument, type CheckOptions } from '../../../../src/core/checks/checkPrompt';
import type { FileEdits } from '../../../../src/core/languageService/textEdits';
import { applyTextEdits } from '../../../../src/core/languageService/textEdits';
import type { PromptDiagnostic } from '../../../../src/core/document/promptDiagnostic';
import { type PromptDocument } from '../../../../src/core/document/promptDocument';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { parseSampleFile, type SampleFile } from '../../../../src/core/samples/sampleSets';
import type { TemplateAnalysis } from '../../../../src/core/checks/templateAnalysis';

export const promptPath = 'prompts/p.prompt';
export const samplesPath = 'prompts/p.samples.yaml';

/** A prompt and its sample file, parsed and checked as the editor would. */
export interface PromptUnderTest {
  readonly document: PromptDocument;
  readonly samples: SampleFile | undefined;
  readonly analysis: TemplateAnalysis | undefined;
  readonly diagnostics: readonly PromptDiagnostic[];
  /** The offset of the `nth` occurrence of `needle`, plus `delta`. */
  offsetOf(needle: string, delta?: number, nth?: number): number;
  /** The texts after applying edits: the prompt's and the sample file's. */
  applied(edits: readonly FileEdits[]): { prompt: string; samples: string | undefined };
}

/** Parses a prompt (and sample file) from lines of text. */
export function promptUnderTest(text: string, samplesText?: string, options: CheckOptions = {}): PromptUnderTest {
  const document = parsePromptDocument(text, { path: promptPath });
  const samples = samplesText === undefined ? undefined : parseSampleFile(samplesPath, samplesText);
  const { analysis, diagnostics } = analyzePromptDocument(document, samples, options);
  return {
    document,
    samples,
    analysis,
    diagnostics,
    offsetOf(needle, delta = 0, nth = 0) {
      let at = -1;
      for (let count = 0; count <= nth; count++) {
        at = document.text.text.indexOf(needle, at + 1);
        assert.ok(at >= 0, `'${needle}' occurs ${nth + 1} times`);
      }
      return at + delta;
    },
    applied(edits) {
      for (const file of edits) assert.ok(file.path === promptPath || file.path === samplesPath, `edits only the prompt and its sample file, not ${file.path}`);
      const promptEdits = edits.filter((file) => file.path === promptPath).flatMap((file) => file.edits);
      const sampleEdits = edits.filter((file) => file.path === samplesPath).flatMap((file) => file.edits);
      return { prompt: applyTextEdits(document.text, promptEdits), samples: samples ? applyTextEdits(samples.text, sampleEdits) : undefined };
    },
  };
}
