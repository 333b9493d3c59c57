import type { ParsedReleaseManifest } from './manifestParser';
import { labelTargetsOf, type CanaryTarget, type ReleaseTarget } from './releaseManifest';

/** The release labels of one prompt id (and the canaries splitting them), or why they cannot be known. */
export type PromptLabels =
  | { readonly ok: true; readonly labels: ReadonlyMap<string, ReleaseTarget>; readonly canaries: ReadonlyMap<string, CanaryTarget> }
  | { readonly ok: false; readonly problem: string };

/**
 * The labels of `promptId` for resolving label names (versions, show, diff): the valid entries of a
 * manifest that can be read at all; a missing manifest has none. A manifest that cannot be read
 * (conflict markers, a syntax error, an unknown version) gives its problem with its line.
 */
export function promptLabelsIn(parsed: ParsedReleaseManifest | undefined, promptId: string): PromptLabels {
  if (parsed === undefined) return { ok: true, labels: new Map(), canaries: new Map() };
  if (parsed.fatal) return { ok: false, problem: `${parsed.fatal.message.replace(/\.$/, '')} (line ${parsed.fatal.range.start.line + 1}).` };
  return { ok: true, labels: labelTargetsOf(parsed.manifest, promptId), canaries: parsed.manifest.prompts.get(promptId)?.canaries ?? new Map() };
}
