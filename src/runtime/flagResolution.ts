import { promptFlagKey, promptFlagMetadata, type PromptFlagValue } from './promptFlags';
import { PromptBundleError, type BundledPrompt, type BundledVersion, type PromptBundle } from './promptBundle';
import { resolvePrompt, resolvedVersion, type PromptProvenance, type ResolvedPrompt } from './promptResolution';

/** What an OpenFeature evaluation returns that the runtime reads (OpenFeature's EvaluationDetails has these fields). */
export interface PromptFlagDetails {
  readonly value: unknown;
  readonly variant?: string | undefined;
  readonly reason?: string | undefined;
  readonly errorCode?: string | undefined;
  readonly errorMessage?: string | undefined;
  readonly flagMetadata?: Readonly<Record<string, string | number | boolean>> | undefined;
}

/**
 * The part of an OpenFeature client the runtime uses. Any client of `@openfeature/server-sdk` (or
 * the web SDK) fits, whatever its provider (flagd in-process or as a daemon, or another vendor's),
 * without this package depending on it.
 */
export interface PromptFlagClient {
  getObjectDetails(flagKey: string, defaultValue: PromptFlagValue, context?: { readonly targetingKey?: string }): Promise<PromptFlagDetails>;
}

/** Provenance of a prompt resolved through a flag: which variant the engine chose, and why. */
export interface FlagProvenance extends PromptProvenance {
  /** The flag evaluated, `promptops.<id>.<label>`. */
  readonly flagKey: string;
  /** The variant the flag chose (PromptOps names variants by commit); undefined when the flag gave none. */
  readonly variant: string | undefined;
  /** The engine's reason (`STATIC`, `DEFAULT`, `TARGETING_MATCH`, …), or `FALLBACK` when the bundle decided instead. */
  readonly reason: string;
  /** Why the flag was not followed, in one sentence; only when `reason` is `FALLBACK`. */
  readonly fallback?: string;
}

/** A prompt resolved through a flag. */
export interface FlagResolvedPrompt extends ResolvedPrompt {
  readonly provenance: FlagProvenance;
}

/**
 * Resolves a prompt id and label through its OpenFeature flag (`promptops.<id>.<label>`, as
 * `promptops publish` writes it) for a unit (the evaluation's targetingKey, which a canary's
 * `fractional` split buckets by), serving the version the flag names from the bundle. When the flag
 * is missing, errs, or names a version the bundle does not carry, it serves what `resolvePrompt`
 * would from the bundle and says why in `provenance.fallback`; it rejects (PromptBundleError) only
 * when the bundle cannot serve the label either.
 */
export async function resolvePromptWithFlags(bundle: PromptBundle, client: PromptFlagClient, id: string, label = 'production', unitKey?: string): Promise<FlagResolvedPrompt> {
  const flagKey = promptFlagKey(id, label);
  const prompt = bundle.prompts.get(id);
  const stable = prompt?.labels.get(label);
  const fallback = (why: string, variant?: string): FlagResolvedPrompt => {
    let resolved: ResolvedPrompt;
    try {
      resolved = resolvePrompt(bundle, id, label, unitKey);
    } catch (error) {
      if (!(error instanceof PromptBundleError)) throw error;
      throw new PromptBundleError(`${why.replace(/\.$/, '')}, and ${error.message.replace(/^The prompt bundle/, 'the bundle').replace(/\.$/, '')}, so nothing can serve ${id} ${label}.`);
    }
    return { ...resolved, provenance: { ...resolved.provenance, flagKey, variant, reason: 'FALLBACK', fallback: why } };
  };
  let details: PromptFlagDetails;
  try {
    // The default is what the bundle serves, so a client that answers with it on error changes nothing.
    details = await client.getObjectDetails(flagKey, stable ? flagValueOf(stable) : { commit: '', sha256: '', path: '' }, unitKey === undefined ? {} : { targetingKey: unitKey });
  } catch (error) {
    return fallback(`Evaluating ${flagKey} failed (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (details.errorCode !== undefined || details.reason === 'ERROR') {
    const detail = details.errorMessage ? `: ${details.errorMessage}` : '';
    return fallback(`The flag ${flagKey} was not evaluated (${details.errorCode ?? 'ERROR'}${detail}).`);
  }
  const named = flagValueFrom(details.value);
  if (!named) return fallback(`The flag ${flagKey} gave a value that is not a prompt version.`, details.variant);
  // The empty default goes out for a label the bundle lacks; a client echoing it names no version at all.
  if (named.commit === '') return fallback(`The flag ${flagKey} gave no version (an empty commit: the client answered with the default it was given).`, details.variant);
  const version = prompt ? versionByCommit(prompt, named.commit) : undefined;
  if (!version || version.sha256 !== named.sha256) {
    // In full: a prefix of a commit the bundle lacks could be taken for one it carries.
    return fallback(`The flag ${flagKey} names ${named.commit}, which this bundle does not carry; export and deploy the bundle again.`, details.variant);
  }
  // The flag's own metadata says which variant is its canary; a flag without PromptOps' metadata defers to the bundle.
  const metadata = details.flagMetadata;
  const canary = metadata && Object.hasOwn(metadata, promptFlagMetadata.prompt) ? metadata[promptFlagMetadata.canary] : prompt?.canaries.get(label)?.commit;
  const resolved = resolvedVersion(id, label, version, version.commit === canary ? 'canary' : 'stable');
  return { ...resolved, provenance: { ...resolved.provenance, flagKey, variant: details.variant, reason: details.reason ?? 'UNKNOWN' } };
}

function flagValueOf(version: BundledVersion): PromptFlagValue {
  return { commit: version.commit, sha256: version.sha256, path: version.path };
}

function flagValueFrom(value: unknown): { commit: string; sha256: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const commit: unknown = Reflect.get(value, 'commit');
  const sha256: unknown = Reflect.get(value, 'sha256');
  return typeof commit === 'string' && typeof sha256 === 'string' ? { commit, sha256 } : undefined;
}

/** The bundled version of a prompt at `commit`: a label's, a canary's, or a rollback target's. */
function versionByCommit(prompt: BundledPrompt, commit: string): BundledVersion | undefined {
  for (const version of [...prompt.labels.values(), ...prompt.canaries.values()]) if (version.commit === commit) return version;
  return prompt.versions.get(commit);
}
