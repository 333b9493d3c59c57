import { escapeControlCharacters } from '../../core/document/controlCharacters';
import type { PromptRegistry, RegistryPromptVersion, RegistryVersionSelector } from '../../core/registry/promptRegistry';
import { chooseRegistryRollback } from '../../core/registry/registryJournal';
import { registryLabelProblem } from '../../core/registry/registryLabels';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { versionIfAny } from './pushPrompt';
import { appendRegistryJournal, journalTimestamp, readRegistryJournal, registryIdentity, type RegistryWorkspace } from './registryWorkspace';

/** What a registry label move came to. */
export type RegistryMoveOutcome =
  | { readonly kind: 'applied'; readonly name: string; readonly label: string; readonly from: number | undefined; readonly to: RegistryPromptVersion }
  | { readonly kind: 'unchanged'; readonly message: string };

function checkedLabel(label: string): string {
  const problem = registryLabelProblem(label);
  if (problem) throw new ReleaseRefusal(problem);
  return label;
}

/** Points a registry label at a version (a number, or what another label points at) and journals the move. */
export async function promoteRegistryVersion(
  workspace: RegistryWorkspace,
  registry: PromptRegistry,
  request: { readonly name: string; readonly selector: RegistryVersionSelector; readonly label: string; readonly note?: string | undefined; readonly now?: () => Date },
): Promise<RegistryMoveOutcome> {
  const label = checkedLabel(request.label);
  const target = await registry.getVersion(request.name, request.selector);
  const current = await versionIfAny(registry, request.name, { label });
  if (current?.version === target.version) return { kind: 'unchanged', message: `${escapeControlCharacters(request.name)} ${label} already points at v${target.version}.` };
  return move(workspace, registry, { ...request, label, action: 'promote', from: current?.version, to: target.version });
}

/**
 * Moves a registry label one step back in PromptOps' journal of its moves (the registry keeps no
 * history), or to `to`; refused when the journal knows no earlier version and no `to` is given.
 */
export async function rollbackRegistryLabel(
  workspace: RegistryWorkspace,
  registry: PromptRegistry,
  request: { readonly name: string; readonly label: string; readonly to?: number | undefined; readonly note?: string | undefined; readonly now?: () => Date },
): Promise<RegistryMoveOutcome> {
  const label = checkedLabel(request.label);
  const current = await versionIfAny(registry, request.name, { label });
  const choice = chooseRegistryRollback(readRegistryJournal(workspace).entries, { registry: registry.location, prompt: request.name, label }, current?.version, request.to);
  if (choice.kind === 'refused') throw new ReleaseRefusal(escapeControlCharacters(choice.reason));
  if (choice.kind === 'unchanged') return { kind: 'unchanged', message: escapeControlCharacters(choice.message) };
  return move(workspace, registry, { ...request, label, action: 'rollback', from: choice.from, to: choice.to });
}

async function move(
  workspace: RegistryWorkspace,
  registry: PromptRegistry,
  request: { readonly name: string; readonly label: string; readonly note?: string | undefined; readonly now?: () => Date; readonly action: 'promote' | 'rollback'; readonly from: number | undefined; readonly to: number },
): Promise<RegistryMoveOutcome> {
  const moved = await registry.setLabels(request.name, request.to, [request.label]);
  appendRegistryJournal(workspace, [
    {
      at: journalTimestamp(request.now?.()),
      by: await registryIdentity(workspace),
      action: request.action,
      registry: registry.location,
      prompt: request.name,
      label: request.label,
      from: request.from ?? null,
      to: request.to,
      note: request.note?.trim() ?? '',
    },
  ]);
  return { kind: 'applied', name: request.name, label: request.label, from: request.from, to: moved };
}
