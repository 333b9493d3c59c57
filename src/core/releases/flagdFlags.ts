import { promptFlagKey, promptFlagMetadata, type PromptFlagValue } from '../../runtime/promptFlags';
import { promotionHistory, type ServedVersion } from './promotionHistory';
import type { ManifestProblem } from './manifestParser';
import type { CanaryTarget, ReleaseManifest, ReleaseTarget } from './releaseManifest';
import { ReleaseRefusal } from './releaseRefusal';

/** The JSON schema flagd validates flag definitions against; editors use it to check the file too. */
export const flagdSchemaUrl = 'https://flagd.dev/schema/v0/flags.json';

/** How many earlier versions of each label a flag and the bundle carry unless told otherwise (`--history`). */
export const defaultFlagHistory = 5;

/** The `fractional` rule of a canary: `[variant, weight]` buckets over the evaluation's targetingKey. */
export interface FlagdFractionalTargeting {
  readonly fractional: readonly (readonly [string, number])[];
}

/** One flagd flag: every version the label may serve as a variant, the label's version as the default. */
export interface FlagdFlagJson {
  readonly state: 'ENABLED';
  readonly variants: Readonly<Record<string, PromptFlagValue>>;
  readonly defaultVariant: string;
  readonly targeting?: FlagdFractionalTargeting;
  readonly metadata: Readonly<Record<string, string | number>>;
}

/** A flagd flag definition file (flagd's `flags.json` schema). */
export interface FlagdFlagSetJson {
  readonly $schema: string;
  readonly flags: Readonly<Record<string, FlagdFlagJson>>;
}

/** What one label may serve: its version, its canary, and the versions rollbacks return it to. */
export interface LabelReleases {
  readonly id: string;
  readonly label: string;
  readonly current: ReleaseTarget;
  readonly canary: CanaryTarget | undefined;
  /** Where successive rollbacks take the label, newest first, each located in its commit. */
  readonly rollbackTargets: readonly ReleaseTarget[];
}

/**
 * The labels to publish: the ones asked for, or every label of the manifest (in the order the
 * manifest first names them) when none are; a label no prompt has is refused, since publishing it
 * would be a typo going live.
 */
export function labelsToPublish(manifest: ReleaseManifest, requested: readonly string[] | undefined, releasesFile: string): string[] {
  const present = [...new Set([...manifest.prompts.values()].flatMap((releases) => [...releases.labels.keys()]))];
  if (requested === undefined) return present;
  const missing = requested.filter((label) => !present.includes(label));
  if (missing.length > 0) throw new ReleaseRefusal(`No prompt in ${releasesFile} has the label ${missing.join(' or ')}, so there is nothing to publish for it.`);
  return [...new Set(requested)];
}

/**
 * The earlier versions a label's flag offers, newest first: the next `depth` steps of its promotion
 * history, which is where `depth` successive rollbacks take it (DESIGN §4), without the version it
 * serves or its canary (variants already) and without repeats.
 */
export function rollbackCandidates(manifest: ReleaseManifest, id: string, label: string, depth: number): ServedVersion[] {
  const releases = manifest.prompts.get(id);
  const current = releases?.labels.get(label);
  if (!current || depth <= 0) return [];
  const skip = new Set([current.commit, releases?.canaries.get(label)?.commit]);
  const trail = promotionHistory(manifest, id, label).slice(0, -1).reverse().slice(0, depth);
  const candidates: ServedVersion[] = [];
  for (const served of trail) {
    if (skip.has(served.commit)) continue;
    skip.add(served.commit);
    candidates.push(served);
  }
  return candidates;
}

/**
 * The flagd flag definitions of the given labels (DESIGN §10): one flag per prompt and label,
 * `promptops.<id>.<label>`, whose variants (named by commit) are the label's version, its canary and
 * its rollback targets, each `{commit, sha256, path}`; the label's version is the default, and a
 * canary of weight w becomes `fractional` targeting with weights 100 − w and w. Two prompts whose
 * keys would collide (`a.b` + `c` and `a` + `b.c`) are refused.
 */
export function flagdFlagSet(releases: readonly LabelReleases[]): FlagdFlagSetJson {
  const flags: Record<string, FlagdFlagJson> = {};
  const owners = new Map<string, string>();
  for (const { id, label, current, canary, rollbackTargets } of releases) {
    const key = promptFlagKey(id, label);
    const owner = owners.get(key);
    if (owner !== undefined) throw new ReleaseRefusal(`${owner} and ${id} ${label} would both publish the flag ${key}; rename one of the prompts or labels.`);
    owners.set(key, `${id} ${label}`);
    const variants: Record<string, PromptFlagValue> = {};
    for (const target of [current, ...(canary ? [canary] : []), ...rollbackTargets]) {
      variants[target.commit] ??= { commit: target.commit, sha256: target.sha256, path: target.path };
    }
    const metadata: Record<string, string | number> = { [promptFlagMetadata.prompt]: id, [promptFlagMetadata.label]: label };
    if (canary) {
      metadata[promptFlagMetadata.canary] = canary.commit;
      metadata[promptFlagMetadata.canaryWeight] = canary.weight;
    }
    flags[key] = {
      state: 'ENABLED',
      variants,
      defaultVariant: current.commit,
      ...(canary ? { targeting: { fractional: [[current.commit, 100 - canary.weight], [canary.commit, canary.weight]] } } : {}),
      metadata,
    };
  }
  return { $schema: flagdSchemaUrl, flags };
}

/**
 * Prompt labels whose flag keys would be the same (`a.b` + `c` and `a` + `b.c`), at the second one's
 * label key: publishing refuses them, so the release gate (`status`, the manifest's diagnostics) does too.
 */
export function flagKeyCollisions(manifest: ReleaseManifest): ManifestProblem[] {
  const owners = new Map<string, string>();
  const problems: ManifestProblem[] = [];
  for (const [id, releases] of manifest.prompts) {
    for (const [label, target] of releases.labels) {
      const key = promptFlagKey(id, label);
      const owner = owners.get(key);
      if (owner === undefined) {
        owners.set(key, `${id} ${label}`);
        continue;
      }
      const range = target.ranges?.key ?? releases.keyRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      problems.push({ code: 'manifest-flag-key-collision', severity: 'error', message: `${owner} and ${id} ${label} would both publish the flag ${key}; rename one of the prompts or labels.`, range });
    }
  }
  return problems;
}

/** The flag file's text as `publish` writes it: stable for a given manifest, so a difference means a change. */
export function flagdFlagSetText(flags: FlagdFlagSetJson): string {
  return `${JSON.stringify(flags, null, 2)}\n`;
}
