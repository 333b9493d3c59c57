/** Where a registry version came from (DESIGN §8): the prompt file's bytes, and the commit when they were committed. */
export interface RegistryProvenance {
  /** The full commit SHA, absent when the file was pushed with uncommitted changes or from outside Git. */
  readonly commit: string | undefined;
  /** SHA-256 of the prompt file's bytes. */
  readonly sha256: string;
  /** The repository-relative path (or the file name outside a repository). */
  readonly path: string;
}

/** The key under which a version's config records its provenance. */
export const provenanceKey = 'promptops';

/** The provenance a version's config records, or undefined when it was not pushed by PromptOps (or was edited by hand). */
export function provenanceOf(config: Readonly<Record<string, unknown>>): RegistryProvenance | undefined {
  const value = config[provenanceKey];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const sha256 = record['sha256'];
  const path = record['path'];
  const commit = record['commit'];
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256) || typeof path !== 'string') return undefined;
  return { sha256, path, commit: typeof commit === 'string' && /^[0-9a-f]{40}$/.test(commit) ? commit : undefined };
}

/** The config object's provenance entry, as push writes it. */
export function provenanceConfig(provenance: RegistryProvenance): Record<string, unknown> {
  return { ...(provenance.commit === undefined ? {} : { commit: provenance.commit }), sha256: provenance.sha256, path: provenance.path };
}

/** The commit message push gives a version: the user's message, and the commit it came from. */
export function provenanceCommitMessage(message: string | undefined, provenance: RegistryProvenance): string {
  const origin = provenance.commit === undefined ? `${provenance.path} (uncommitted, sha256 ${provenance.sha256.slice(0, 12)})` : `${provenance.path} at ${provenance.commit}`;
  const text = message?.trim();
  return text ? `${text}\n\nPushed by PromptOps from ${origin}` : `Pushed by PromptOps from ${origin}`;
}
