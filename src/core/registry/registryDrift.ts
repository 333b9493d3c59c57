import type { RegistryProvenance } from './registryProvenance';

/**
 * How a registry label compares with the release manifest (DESIGN §8): the same bytes, the
 * registry serving a newer commit, Git releasing a version the registry does not serve yet, or a
 * registry version PromptOps cannot trace to a commit (edited in the registry's own UI).
 */
export type DriftState = 'in-sync' | 'registry-ahead' | 'git-ahead' | 'unknown-origin';

/** What is known about one prompt label on both sides. */
export interface DriftInput {
  /** What the manifest releases under the label, if anything. */
  readonly manifest: { readonly commit: string; readonly sha256: string } | undefined;
  /** The registry version the label points at, if any, with its provenance when it has one. */
  readonly registry: { readonly version: number; readonly provenance: RegistryProvenance | undefined } | undefined;
  /** Whether the manifest's commit is an ancestor of the registry version's commit (the registry serves something newer); undefined when unknown. */
  readonly registryCommitIsNewer: boolean | undefined;
}

/** Classifies one prompt label; undefined when neither side has it. */
export function driftOf(input: DriftInput): DriftState | undefined {
  const { manifest, registry } = input;
  if (!manifest && !registry) return undefined;
  if (!registry) return 'git-ahead';
  const provenance = registry.provenance;
  if (!provenance) return 'unknown-origin';
  if (!manifest) return 'registry-ahead';
  if (provenance.sha256 === manifest.sha256) return 'in-sync';
  if (provenance.commit === undefined || input.registryCommitIsNewer === undefined) return 'unknown-origin';
  return input.registryCommitIsNewer ? 'registry-ahead' : 'git-ahead';
}

/** How status output names a drift state. */
export function driftText(state: DriftState): string {
  switch (state) {
    case 'in-sync':
      return 'in sync';
    case 'registry-ahead':
      return 'registry ahead';
    case 'git-ahead':
      return 'git ahead';
    case 'unknown-origin':
      return 'unknown origin';
  }
}
