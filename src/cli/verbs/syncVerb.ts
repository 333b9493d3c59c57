import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { firstSevenOf, type AbbreviateCommit } from '../../core/releases/commitAbbreviation';
import { commitAbbreviator } from '../../node/git/commitAbbreviations';
import { applyRegistrySync, planRegistrySync, type SyncStep } from '../../node/registries/registrySync';
import { CliError, ExitCode } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { openRegistry, openWorkspace, sourceOption, withRegistryErrors } from '../registry/registrySource';
import type { Verb } from '../verb';

const usage = 'sync [--label L]... [--yes] [--flatten]';

function stepText(step: SyncStep, short: AbbreviateCommit): string {
  const prompt = escapeControlCharacters(step.prompt);
  if (step.kind === 'move') return `move   ${prompt} ${step.label}: ${step.from === undefined ? 'new label' : `v${step.from}`} → v${step.to}`;
  const from = step.labels.map((label) => `${label}${step.from.has(label) ? ` (now v${step.from.get(label)})` : ''}`).join(', ');
  return `push   ${prompt} from ${step.path} at ${short(step.commit)} as a new version labelled ${from}`;
}

/**
 * `promptops sync`: makes Langfuse's labels match the release manifest. It prints the plan; `--yes`
 * applies it, so CI can mirror Git releases into Langfuse after a merge.
 */
export const syncVerb: Verb = {
  name: 'sync',
  group: 'registry',
  usage,
  summary: 'Make Langfuse labels match prompt-releases.yaml (prints the plan; --yes applies it).',
  details: 'The plan pushes released versions Langfuse lacks and moves labels; exit 1 when something cannot be synced.',
  example: 'promptops sync --label production --yes',
  run: (args, io) =>
    withRegistryErrors(async () => {
      const { values, positionals } = parseVerbArgs(args, { ...sourceOption, label: { type: 'string', multiple: true }, yes: { type: 'boolean' }, flatten: { type: 'boolean' } }, usage);
      if (positionals.length > 0) throw new CliError(`takes no arguments. Usage: promptops ${usage}`);
      const registry = openRegistry(io);
      const workspace = await openWorkspace(io);
      const plan = await planRegistrySync(workspace, registry, { labels: values.label ?? [], flatten: values.flatten === true });
      for (const step of plan.steps) for (const warning of step.kind === 'push' ? step.warnings : []) io.err(`promptops sync: warning: ${warning}\n`);
      for (const refusal of plan.refusals) io.err(`promptops sync: ${refusal}\n`);
      const inSync = plan.inSync.length;
      const header = `Langfuse at ${registry.location}: ${inSync} label${inSync === 1 ? '' : 's'} in sync, ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'} to sync${plan.refusals.length > 0 ? `, ${plan.refusals.length} refused` : ''}.`;
      const short = workspace.repository === undefined ? firstSevenOf : await commitAbbreviator(workspace.repository, plan.steps.flatMap((step) => (step.kind === 'push' ? [step.commit] : [])));
      io.out(`${[header, ...plan.steps.map((step) => stepText(step, short))].join('\n')}\n`);
      if (plan.steps.length > 0 && values.yes !== true) io.out('Nothing was changed; run again with --yes to apply this plan.\n');
      if (plan.steps.length > 0 && values.yes === true) {
        await applyRegistrySync(workspace, registry, plan, { onApplied: ({ step, version }) => io.out(`applied ${step.kind} ${escapeControlCharacters(step.prompt)}: ${step.kind === 'push' ? step.labels.join(', ') : step.label} → v${version}\n`) });
        io.out(`Langfuse now serves what ${workspace.releasesFile} releases${plan.refusals.length > 0 ? ', except what was refused' : ''}.\n`);
      }
      return plan.refusals.length > 0 ? ExitCode.findings : ExitCode.ok;
    }),
};
