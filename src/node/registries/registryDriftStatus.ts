import type { PromptRegistry } from '../../core/registry/promptRegistry';
import { driftOf, type DriftState } from '../../core/registry/registryDrift';
import { latestLabel } from '../../core/registry/registryLabels';
import { mapWithConcurrency } from '../../core/registry/registryPaging';
import { registryConcurrency } from '../../core/registry/registryListing';
import { provenanceOf, type RegistryProvenance } from '../../core/registry/registryProvenance';
import { manifestErrors } from '../../core/releases/manifestParser';
import type { ReleaseTarget } from '../../core/releases/releaseManifest';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { isAncestorCommit } from '../git/commitAncestry';
import type { GitRepository } from '../git/gitRepository';
import { describeManifestProblem, readManifestFile } from '../releases/manifestFile';
import { versionIfAny } from './pushPrompt';
import type { RegistryWorkspace } from './registryWorkspace';

/** One prompt label on both sides and how they compare. */
export interface LabelDrift {
  readonly label: string;
  readonly manifest: ReleaseTarget | undefined;
  readonly registry: { readonly version: number; readonly provenance: RegistryProvenance | undefined } | undefined;
  readonly state: DriftState;
}

export interface PromptDrift {
  readonly id: string;
  readonly labels: readonly LabelDrift[];
}

/** The repository a registry command that compares with Git needs; refused outside one. */
export function requireRepository(workspace: RegistryWorkspace, what: string): GitRepository {
  if (!workspace.repository) throw new ReleaseRefusal(`${what} compares the registry with Git releases, so it runs inside a Git repository.`);
  return workspace.repository;
}

/**
 * Drift between the release manifest and the registry, per prompt of the manifest and per label
 * either side has (`latest` aside): each registry version's provenance against the manifest's target.
 */
export async function readRegistryDrift(workspace: RegistryWorkspace, registry: PromptRegistry): Promise<PromptDrift[]> {
  const repository = requireRepository(workspace, 'status --source');
  const { parsed } = readManifestFile(workspace.manifestFile);
  if (parsed.fatal) throw new ReleaseRefusal(describeManifestProblem(workspace.releasesFile, parsed.fatal));
  const [firstError] = manifestErrors(parsed);
  if (firstError) throw new ReleaseRefusal(describeManifestProblem(workspace.releasesFile, firstError));
  const prompts = [...parsed.manifest.prompts];
  return mapWithConcurrency(prompts, registryConcurrency, async ([id, releases]) => {
    const page = await registry.listPrompts(1, 1, { name: id });
    const registryLabels = page.prompts.find((prompt) => prompt.name === id)?.labels.filter((label) => label !== latestLabel) ?? [];
    const labels = [...new Set([...releases.labels.keys(), ...registryLabels])].sort();
    const drifts = await mapWithConcurrency(labels, registryConcurrency, async (label): Promise<LabelDrift | undefined> => {
      const manifest = releases.labels.get(label);
      const version = registryLabels.includes(label) ? await versionIfAny(registry, id, { label }) : undefined;
      const provenance = version ? provenanceOf(version.config) : undefined;
      const registryCommitIsNewer = manifest && provenance?.commit !== undefined ? await isAncestorCommit(repository, manifest.commit, provenance.commit) : undefined;
      const registrySide = version ? { version: version.version, provenance } : undefined;
      const state = driftOf({ manifest, registry: registrySide, registryCommitIsNewer });
      return state === undefined ? undefined : { label, manifest, registry: registrySide, state };
    });
    return { id, labels: drifts.flatMap((drift) => (drift ? [drift] : [])) };
  });
}
