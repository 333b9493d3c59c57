import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { driftText } from '../../core/registry/registryDrift';
import { firstSevenOf, type AbbreviateCommit } from '../../core/releases/commitAbbreviation';
import { commitAbbreviator } from '../../node/git/commitAbbreviations';
import { readRegistryDrift, type LabelDrift, type PromptDrift } from '../../node/registries/registryDriftStatus';
import { CliError, ExitCode, type CliIo } from '../cliIo';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import { openRegistry, openWorkspace, sourceOption, withRegistryErrors } from './registrySource';

const usage = 'status --source langfuse [--format text|json]';

function sides(drift: LabelDrift, short: AbbreviateCommit): string {
  const git = drift.manifest ? `git ${short(drift.manifest.commit)}` : 'not released in git';
  if (!drift.registry) return `${git}; Langfuse has no such label`;
  const provenance = drift.registry.provenance;
  const origin = provenance === undefined ? 'no PromptOps provenance' : provenance.commit === undefined ? 'pushed uncommitted' : `from git ${short(provenance.commit)}`;
  return `${git}; Langfuse v${drift.registry.version} (${origin})`;
}

/**
 * `promptops status --source langfuse`: for each prompt of the release manifest and each label of
 * either side, whether Langfuse serves the released bytes (exit 1 when any label drifts, so CI can
 * check that the registry mirrors Git).
 */
export function registryStatus(args: readonly string[], io: CliIo): Promise<ExitCode> {
  return withRegistryErrors(async () => {
    const { values, positionals } = parseVerbArgs(args, { ...sourceOption, format: { type: 'string' } }, usage);
    const format = choiceOption(values.format, 'format', ['text', 'json'], 'text');
    if (positionals.length > 0) throw new CliError(`takes no arguments. Usage: promptops ${usage}`);
    const registry = openRegistry(io);
    const workspace = await openWorkspace(io);
    const prompts = await readRegistryDrift(workspace, registry);
    const labels = prompts.flatMap((prompt) => prompt.labels);
    const drifting = labels.filter((label) => label.state !== 'in-sync').length;
    if (format === 'json') io.out(`${JSON.stringify({ registry: registry.location, inSync: drifting === 0, prompts: prompts.map(promptJson) }, null, 2)}\n`);
    else {
      // Outside a repository no commit can be looked up, so none is named longer than git's usual 7.
      const short = workspace.repository === undefined ? firstSevenOf : await commitAbbreviator(workspace.repository, labels.flatMap((drift) => [...(drift.manifest ? [drift.manifest.commit] : []), ...(drift.registry?.provenance?.commit === undefined ? [] : [drift.registry.provenance.commit])]));
      io.out(statusText(prompts, registry.location, labels.length, drifting, workspace.releasesFile, short));
    }
    return drifting === 0 ? ExitCode.ok : ExitCode.findings;
  });
}

function statusText(prompts: readonly PromptDrift[], location: string, total: number, drifting: number, releasesFile: string, short: AbbreviateCommit): string {
  if (prompts.length === 0) return `${releasesFile} releases no prompts yet, so there is nothing to compare with Langfuse at ${location}.\n`;
  const lines = [`Langfuse at ${location}: ${total - drifting} of ${total} label${total === 1 ? '' : 's'} in sync with ${releasesFile}.`];
  for (const prompt of prompts) {
    lines.push(escapeControlCharacters(prompt.id));
    const width = Math.max(0, ...prompt.labels.map((drift) => drift.label.length));
    for (const drift of prompt.labels) lines.push(`  ${escapeControlCharacters(drift.label).padEnd(width)}  ${driftText(drift.state).padEnd(14)}  ${sides(drift, short)}`);
  }
  if (drifting > 0) lines.push('', 'promptops sync --source langfuse plans the pushes and label moves that bring Langfuse in line with Git.');
  return `${lines.join('\n')}\n`;
}

function promptJson(prompt: PromptDrift): unknown {
  return {
    id: prompt.id,
    labels: prompt.labels.map((drift) => ({
      label: drift.label,
      state: drift.state,
      manifest: drift.manifest ? { commit: drift.manifest.commit, path: drift.manifest.path, sha256: drift.manifest.sha256 } : null,
      registry: drift.registry ? { version: drift.registry.version, commit: drift.registry.provenance?.commit ?? null, sha256: drift.registry.provenance?.sha256 ?? null } : null,
    })),
  };
}
