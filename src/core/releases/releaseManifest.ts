import type { Range } from '../document/textDocument';

/** The only manifest format version this PromptOps reads and writes. */
export const manifestFormatVersion = 1;

/** The default label of promote, rollback, canary and export (DESIGN §5). */
export const defaultLabel = 'production';

/** The default manifest path, relative to the repository root (setting `promptops.releasesFile`). */
export const defaultReleasesFile = 'prompt-releases.yaml';

/** Where the manifest writes a target's fields, for diagnostics and editor links. */
export interface TargetRanges {
  /** The label key. */
  readonly key: Range;
  readonly commit: Range;
  readonly path: Range;
  readonly sha256: Range;
  readonly weight?: Range;
}

/** The version a label serves: a commit, the prompt file's path in it, and the SHA-256 of its bytes there. */
export interface ReleaseTarget {
  readonly commit: string;
  readonly path: string;
  readonly sha256: string;
  /** Set for targets read from a manifest text. */
  readonly ranges?: TargetRanges;
}

/** The version a canary serves to `weight` percent of a label's traffic. */
export interface CanaryTarget extends ReleaseTarget {
  /** Percent of traffic, an integer from 1 to 99. */
  readonly weight: number;
}

/** What one prompt id serves: a target per label and a canary per label that has one. */
export interface PromptReleases {
  readonly labels: ReadonlyMap<string, ReleaseTarget>;
  readonly canaries: ReadonlyMap<string, CanaryTarget>;
  /** The prompt id key, when read from a manifest text. */
  readonly keyRange?: Range;
}

/** What an audit event records. */
export type ReleaseAction = 'promote' | 'rollback' | 'canary' | 'canary-clear';

export const releaseActions: readonly ReleaseAction[] = ['promote', 'rollback', 'canary', 'canary-clear'];

/** One entry of the append-only audit log: who moved which label of which prompt from where to where, and why. */
export interface ReleaseEvent {
  /** ISO 8601. */
  readonly at: string;
  /** `user.name <user.email>` from git config. */
  readonly by: string;
  readonly action: ReleaseAction;
  readonly prompt: string;
  readonly label: string;
  /** The commit served before; null when the label is new. For a canary, the label's own version. */
  readonly from: string | null;
  /** The commit served after; for a canary the canary's version, for a canary-clear the label's own. */
  readonly to: string;
  /** SHA-256 of the prompt file at `to`. */
  readonly sha256: string;
  readonly note: string;
  /** The canary's percentage, on `canary` events only. */
  readonly weight?: number;
  /** On a promote or canary made with `--allow-errors`: the first check error of the version it released anyway. */
  readonly allowedError?: string;
  /** The event in the manifest text, when read from one. */
  readonly range?: Range;
}

/** The release manifest as data (DESIGN §4): prompts in file order, events oldest first. */
export interface ReleaseManifest {
  readonly prompts: ReadonlyMap<string, PromptReleases>;
  readonly events: readonly ReleaseEvent[];
}

/** A manifest with nothing in it, which is what a missing or empty file means. */
export const emptyManifest: ReleaseManifest = { prompts: new Map(), events: [] };

/** The label targets of one prompt id (none when the manifest does not mention it). */
export function labelTargetsOf(manifest: ReleaseManifest, promptId: string): ReadonlyMap<string, ReleaseTarget> {
  return manifest.prompts.get(promptId)?.labels ?? new Map();
}

/** The labels that point at `commit`, in name order. */
export function labelsPointingAt(labels: ReadonlyMap<string, ReleaseTarget>, commit: string): string[] {
  return [...labels].filter(([, target]) => target.commit === commit).map(([label]) => label).sort();
}

/** Which events to list: those of one prompt id and/or one label. */
export interface ReleaseEventFilter {
  readonly prompt?: string | undefined;
  readonly label?: string | undefined;
}

/** The audit events matching `filter`, oldest first as the manifest keeps them. */
export function releaseEventsOf(manifest: ReleaseManifest, filter: ReleaseEventFilter = {}): ReleaseEvent[] {
  return manifest.events.filter(
    (event) => (filter.prompt === undefined || event.prompt === filter.prompt) && (filter.label === undefined || event.label === filter.label),
  );
}
