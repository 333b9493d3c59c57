import { escapeControlCharacters } from '../../core/document/controlCharacters';
import type { PromptVersion } from '../../core/versions/promptVersion';
import type { RegistryPromptVersion } from '../../core/registry/promptRegistry';
import { newestFirst, promptSummary, readVersions } from '../../core/registry/registryListing';
import { provenanceOf } from '../../core/registry/registryProvenance';
import { firstSevenOf } from '../../core/releases/commitAbbreviation';
import { commitAbbreviator } from '../../node/git/commitAbbreviations';
import { registryVersionSha256 } from '../../node/registries/registryVersionText';
import { CliError, ExitCode, type CliIo } from '../cliIo';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import { openRegistry, openWorkspace, sourceOption, withRegistryErrors } from './registrySource';

const usage = 'versions NAME --source langfuse [--format text|json]';

/** A registry version as DESIGN §3 defines a version: its number as id, the labels the registry gives it. */
export function registryPromptVersion(version: RegistryPromptVersion): PromptVersion {
  return {
    id: String(version.version),
    source: 'registry',
    date: version.createdAt ?? '',
    author: version.createdBy ?? '',
    subject: (version.commitMessage ?? '').split('\n')[0] ?? '',
    sha256: registryVersionSha256(version),
    labels: [...version.labels].sort(),
  };
}

/** `promptops versions NAME --source langfuse`: a registry prompt's versions, newest first, with their labels. */
export function registryVersions(args: readonly string[], io: CliIo): Promise<ExitCode> {
  return withRegistryErrors(async () => {
    const { values, positionals } = parseVerbArgs(args, { ...sourceOption, format: { type: 'string' } }, usage);
    const format = choiceOption(values.format, 'format', ['text', 'json'], 'text');
    const [name, ...extra] = positionals;
    if (name === undefined || extra.length > 0) throw new CliError(`expects one prompt NAME. Usage: promptops ${usage}`);
    const registry = openRegistry(io);
    const summary = await promptSummary(registry, name);
    const versions = await readVersions(registry, name, newestFirst(summary));
    if (format === 'json') {
      io.out(`${JSON.stringify({ name, registry: registry.location, versions: versions.map((version) => ({ ...registryPromptVersion(version), provenance: provenanceOf(version.config) ?? null })) }, null, 2)}\n`);
      return ExitCode.ok;
    }
    // In a repository the provenance commits are abbreviated as its git does (a commit it lacks is named in full); outside one, to 7 characters.
    const { repository } = await openWorkspace(io);
    const commits = versions.flatMap((version) => provenanceOf(version.config)?.commit ?? []);
    const short = repository === undefined ? firstSevenOf : await commitAbbreviator(repository, commits);
    const rows = versions.map((version) => {
      const provenance = provenanceOf(version.config);
      const origin = provenance === undefined ? '' : provenance.commit === undefined ? '  (uncommitted push)' : `  (git ${short(provenance.commit)})`;
      const labels = version.labels.length > 0 ? `  [${[...version.labels].sort().map(escapeControlCharacters).join(', ')}]` : '';
      const date = version.createdAt === undefined ? '' : `${version.createdAt.slice(0, 10)} ${version.createdAt.slice(11, 16)}`;
      return [`v${version.version}`.padEnd(7), date.padEnd(16), `${escapeControlCharacters(((version.commitMessage ?? '').split('\n')[0] ?? '') || '(no message)')}${labels}${origin}`].join('  ');
    });
    io.out(`${[`${'VERSION'.padEnd(7)}  ${'DATE'.padEnd(16)}  MESSAGE`, ...rows].join('\n')}\n`);
    return ExitCode.ok;
  });
}
