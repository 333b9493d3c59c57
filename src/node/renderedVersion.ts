import { createHash } from 'node:crypto';
import { describeRenderProblem, renderCheckedPrompt, sampleFileProblem } from '../core/rendering/checkedRender';
import { parsePromptDocument } from '../core/formats/promptFileKind';
import { renderedAsText } from '../core/rendering/promptRendering';
import { chooseRenderInput, type RenderInputChoice } from '../core/samples/renderInput';
import { parseSampleFile, type SampleFile } from '../core/samples/sampleSets';
import type { PromptFileInRepository } from './promptFileInRepository';
import { readVersionBytes, resolvedVersionTitle, type ResolvedVersion } from './promptVersionResolver';
import { findSampleFile } from './sampleFiles';
import { decodeText, fileModifiedTime, readTextFile } from './textFiles';
import { partialSourceAt } from './versionPartialSource';

export type VersionTextRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: string };

/** A version's text, or one sentence saying why it is not text. */
export async function readVersionText(file: PromptFileInRepository, version: ResolvedVersion): Promise<VersionTextRead> {
  return decodeText(resolvedVersionTitle(version), await readVersionBytes(file, version));
}

/**
 * The sample sets of the prompt's sidecar in the working tree: every version renders with the same
 * sets. `state` names the sidecar's content (which file, and a hash of its text), so a render can be
 * cached until the file changes.
 */
export function workingSampleFile(file: PromptFileInRepository): ({ ok: true; samples: SampleFile | undefined } | { ok: false; problem: string }) & { readonly state: string } {
  const sidecar = findSampleFile(file.workingFile);
  if (sidecar === undefined) return { ok: true, samples: undefined, state: 'none' };
  const read = readTextFile(sidecar);
  if (!read.ok) return { ok: false, problem: read.problem, state: `${sidecar}\u0000${read.problem}` };
  const state = `${sidecar}\u0000${createHash('sha256').update(read.text).digest('hex')}`;
  const samples = parseSampleFile(sidecar, read.text);
  // Sets from a file that does not parse would silently be none; the render would then use no input at all.
  const broken = sampleFileProblem(samples);
  return broken ? { ok: false, problem: describeRenderProblem(broken), state } : { ok: true, samples, state };
}

/** When the prompt's sidecar sample file last changed on disk (milliseconds), 0 without one. */
export function workingSampleFileModifiedTime(workingFile: string): number {
  const sidecar = findSampleFile(workingFile);
  return sidecar === undefined ? 0 : Math.max(0, fileModifiedTime(sidecar));
}

export type RenderedVersion =
  | { readonly ok: true; readonly text: string; readonly setName: string | undefined }
  | { readonly ok: false; readonly problem: string; readonly renderFailed: boolean };

/**
 * Renders a version with the chosen sample set over that version's own `input.default`, as the
 * model would have received it, with the partials of that version; the text is what rendered diffs compare.
 */
export async function renderVersion(
  file: PromptFileInRepository,
  version: ResolvedVersion,
  source: string,
  samples: SampleFile | undefined,
  choice: RenderInputChoice,
): Promise<RenderedVersion> {
  // The version's own path, so a problem reads `support/summarize.prompt:3:5: …` at that version's line.
  const document = parsePromptDocument(source, { path: version.path });
  const chosen = chooseRenderInput(document, samples, choice);
  if (!chosen.ok) return { ok: false, problem: chosen.problem, renderFailed: false };
  const outcome = await renderCheckedPrompt({ document, input: chosen.input, partials: partialSourceAt(file, version) });
  if (!outcome.ok) return { ok: false, problem: `${resolvedVersionTitle(version)} does not render: ${describeRenderProblem(outcome.problem).replace(/\.?$/, '.')}`, renderFailed: true };
  // As in render snapshots: line endings are not part of what the model receives.
  return { ok: true, text: `${renderedAsText(outcome.rendered).replace(/\r\n?/g, '\n')}\n`, setName: chosen.setName };
}
