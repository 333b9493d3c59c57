import { createHash } from 'node:crypto';
import { parsePromptDocument } from '../../core/formats/promptFileKind';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import type { PromptRegistry, RegistryPromptContent, RegistryPromptVersion } from '../../core/registry/promptRegistry';
import { mapWithConcurrency } from '../../core/registry/registryPaging';
import { newestFirst, readVersions, registryConcurrency } from '../../core/registry/registryListing';
import { provenanceCommitMessage, provenanceConfig, provenanceKey, provenanceOf } from '../../core/registry/registryProvenance';
import { manifestErrors } from '../../core/releases/manifestParser';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { commitAbbreviator } from '../git/commitAbbreviations';
import { readFileAtCommit } from '../git/gitObjects';
import { describeManifestProblem, readManifestFile } from '../releases/manifestFile';
import { openPromptById } from '../releases/releaseWorkspace';
import { partialSourceAt } from '../versionPartialSource';
import { prepareRegistryContent, refuseUnreleasable } from './registryContent';
import { requireRepository } from './registryDriftStatus';
import { appendRegistryJournal, journalTimestamp, registryIdentity, type RegistryWorkspace } from './registryWorkspace';

/** One step of a sync plan: push a released version the registry lacks, or move a label to a version it has. */
export type SyncStep =
  | {
      readonly kind: 'push';
      readonly prompt: string;
      readonly labels: readonly string[];
      /** What each label points at now, for the journal. */
      readonly from: ReadonlyMap<string, number>;
      readonly commit: string;
      readonly path: string;
      readonly sha256: string;
      readonly content: RegistryPromptContent;
      readonly config: Record<string, unknown>;
      readonly warnings: readonly string[];
    }
  | { readonly kind: 'move'; readonly prompt: string; readonly label: string; readonly from: number | undefined; readonly to: number; readonly sha256: string };

/** What `sync` would do: its steps, the labels already in sync, and what it cannot do (one sentence each). */
export interface SyncPlan {
  readonly steps: readonly SyncStep[];
  readonly inSync: readonly { readonly prompt: string; readonly label: string; readonly version: number }[];
  readonly refusals: readonly string[];
}

async function promptVersions(registry: PromptRegistry, name: string): Promise<RegistryPromptVersion[]> {
  const page = await registry.listPrompts(1, 1, { name });
  const summary = page.prompts.find((prompt) => prompt.name === name);
  return summary ? readVersions(registry, name, newestFirst(summary)) : [];
}

/**
 * Plans making the registry's labels match the release manifest (DESIGN §8): for each prompt and
 * label of the manifest (or only `labels`), a label whose registry version has the released bytes is
 * in sync, one whose bytes the registry has in another version moves there, and released bytes the
 * registry lacks are pushed (from Git at the released commit, with provenance) carrying the label.
 */
export async function planRegistrySync(workspace: RegistryWorkspace, registry: PromptRegistry, options: { readonly labels?: readonly string[]; readonly flatten?: boolean } = {}): Promise<SyncPlan> {
  const repository = requireRepository(workspace, 'sync');
  const { parsed } = readManifestFile(workspace.manifestFile);
  if (parsed.fatal) throw new ReleaseRefusal(describeManifestProblem(workspace.releasesFile, parsed.fatal));
  const [firstError] = manifestErrors(parsed);
  if (firstError) throw new ReleaseRefusal(describeManifestProblem(workspace.releasesFile, firstError));
  const wanted = options.labels && options.labels.length > 0 ? new Set(options.labels) : undefined;
  const releaseWorkspace = { repository, releasesFile: workspace.releasesFile, manifestFile: workspace.manifestFile };
  const perPrompt = await mapWithConcurrency([...parsed.manifest.prompts], registryConcurrency, async ([id, releases]) => {
    const steps: SyncStep[] = [];
    const inSync: SyncPlan['inSync'][number][] = [];
    const refusals: string[] = [];
    const labels = [...releases.labels].filter(([label]) => !wanted || wanted.has(label));
    if (labels.length === 0) return { steps, inSync, refusals };
    const versions = await promptVersions(registry, id);
    const pushes = new Map<string, { labels: string[]; from: Map<string, number>; commit: string; path: string }>();
    for (const [label, target] of labels) {
      const current = versions.find((version) => version.labels.includes(label));
      if (current && provenanceOf(current.config)?.sha256 === target.sha256) {
        inSync.push({ prompt: id, label, version: current.version });
        continue;
      }
      const existing = versions.find((version) => provenanceOf(version.config)?.sha256 === target.sha256);
      if (existing) {
        steps.push({ kind: 'move', prompt: id, label, from: current?.version, to: existing.version, sha256: target.sha256 });
        continue;
      }
      const push = pushes.get(target.sha256) ?? { labels: [], from: new Map<string, number>(), commit: target.commit, path: target.path };
      push.labels.push(label);
      if (current) push.from.set(label, current.version);
      pushes.set(target.sha256, push);
    }
    const short = await commitAbbreviator(repository, [...pushes.values()].map((push) => push.commit));
    for (const [sha256, push] of pushes) {
      try {
        const bytes = await readFileAtCommit(repository, push.commit, push.path);
        if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new ReleaseRefusal(`${push.path} at ${short(push.commit)} does not have the SHA-256 ${workspace.releasesFile} records for ${id}, so it is not pushed.`);
        const source = bytes.toString('utf8');
        const file = openPromptById(releaseWorkspace, id);
        const partials = file ? partialSourceAt(file, { kind: 'commit', commit: push.commit, path: push.path, blob: '' }) : () => undefined;
        await refuseUnreleasable(parsePromptDocument(source, { path: `${push.path}@${short(push.commit)}` }), partials);
        const prepared = await prepareRegistryContent(source, `${push.path}@${short(push.commit)}`, { flatten: options.flatten === true, registryName: registry.displayName, partials });
        const provenance = { commit: push.commit, sha256, path: push.path };
        steps.push({ kind: 'push', prompt: id, labels: push.labels, from: push.from, commit: push.commit, path: push.path, sha256, content: prepared.content, config: { ...prepared.config, [provenanceKey]: provenanceConfig(provenance) }, warnings: prepared.warnings });
      } catch (error) {
        if (!(error instanceof ReleaseRefusal)) throw error;
        // One line per place the refusal names, each escaped on its own.
        const [first = error.message, ...rest] = [...error.details, error.message];
        refusals.push([`${id} ${push.labels.join(', ')}: ${first}`, ...rest].map(escapeControlCharacters).join('\n'));
      }
    }
    return { steps, inSync, refusals };
  });
  return { steps: perPrompt.flatMap((part) => part.steps), inSync: perPrompt.flatMap((part) => part.inSync), refusals: perPrompt.flatMap((part) => part.refusals) };
}

/** One applied step: the version its labels now point at. */
export interface AppliedSyncStep {
  readonly step: SyncStep;
  readonly version: number;
}

/**
 * Applies a plan step by step (pushes first, then moves), journaling each as it lands; a failure
 * stops the sync with what was applied before it (each step is whole: one POST or one PATCH).
 */
export async function applyRegistrySync(workspace: RegistryWorkspace, registry: PromptRegistry, plan: SyncPlan, options: { readonly now?: () => Date; readonly onApplied?: (applied: AppliedSyncStep) => void } = {}): Promise<AppliedSyncStep[]> {
  const by = await registryIdentity(workspace);
  const applied: AppliedSyncStep[] = [];
  const ordered = [...plan.steps.filter((step) => step.kind === 'push'), ...plan.steps.filter((step) => step.kind === 'move')];
  for (const step of ordered) {
    let version: number;
    if (step.kind === 'push') {
      const provenance = { commit: step.commit, sha256: step.sha256, path: step.path };
      version = (await registry.createVersion({ name: step.prompt, content: step.content, config: step.config, labels: step.labels, commitMessage: provenanceCommitMessage('Synced from the release manifest', provenance) })).version;
    } else {
      version = (await registry.setLabels(step.prompt, step.to, [step.label])).version;
    }
    const at = journalTimestamp(options.now?.());
    const labels = step.kind === 'push' ? step.labels : [step.label];
    appendRegistryJournal(
      workspace,
      labels.map((label) => ({ at, by, action: 'sync' as const, registry: registry.location, prompt: step.prompt, label, from: (step.kind === 'push' ? step.from.get(label) : step.from) ?? null, to: version, note: '' })),
    );
    const done = { step, version };
    applied.push(done);
    options.onApplied?.(done);
  }
  return applied;
}

