import type { LabelTenure } from '../../core/releases/labelTenures';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import type { ReleaseEvent } from '../../core/releases/releaseManifest';
import { findPromptVersions, isSha256, type FoundPromptVersion } from '../../node/promptVersionLookup';
import { readManifestFile } from '../../node/releases/manifestFile';
import { openReleaseWorkspace } from '../../node/releases/releaseWorkspace';
import { CliError, ExitCode } from '../cliIo';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import { releasesFileSetting } from '../promptFileArgument';
import { withReleaseErrors } from '../releaseErrors';
import type { Verb } from '../verb';

const usage = 'which SHA256|COMMIT [--format text|json]';

function eventText(event: ReleaseEvent): string {
  const note = event.note === '' ? '' : `: ${escapeControlCharacters(event.note)}`;
  return `${event.at} (${event.action} by ${escapeControlCharacters(event.by)}${note})`;
}

function tenureText(tenure: LabelTenure): string {
  const name = tenure.kind === 'canary' ? `${tenure.label} canary${tenure.weight === undefined ? '' : ` at ${tenure.weight}%`}` : tenure.label;
  const from = tenure.from ? `from ${eventText(tenure.from)}` : 'from before the audit log';
  const until = tenure.until ? `until ${eventText(tenure.until)}` : 'until now';
  return `  ${name}  ${from} ${until}`;
}

function versionText(version: FoundPromptVersion): string {
  const lines = [
    `prompt   ${escapeControlCharacters(version.promptId)}`,
    `path     ${escapeControlCharacters(version.path)}`,
    `commit   ${version.commit}`,
    `date     ${version.date}`,
    `author   ${escapeControlCharacters(`${version.authorName} <${version.authorEmail}>`)}`,
    `subject  ${escapeControlCharacters(version.subject)}`,
    `sha256   ${version.sha256}`,
    version.tenures.length === 0 ? 'labels   none has served it' : 'labels',
    ...version.tenures.map(tenureText),
    `source (${version.source.length} bytes, exactly as committed):`,
  ];
  const source = version.source.toString('utf8');
  return `${lines.join('\n')}\n${source}${source.endsWith('\n') || source === '' ? '' : '\n'}`;
}

function eventJson(event: ReleaseEvent | undefined): unknown {
  return event ? { at: event.at, action: event.action, by: event.by, note: event.note } : null;
}

function versionJson(version: FoundPromptVersion): unknown {
  return {
    prompt: version.promptId,
    path: version.path,
    commit: version.commit,
    date: version.date,
    author: { name: version.authorName, email: version.authorEmail },
    subject: version.subject,
    sha256: version.sha256,
    labels: version.tenures.map((tenure) => ({ label: tenure.label, kind: tenure.kind, weight: tenure.weight ?? null, from: eventJson(tenure.from), until: eventJson(tenure.until) })),
    source: version.source.toString('utf8'),
  };
}

/** `promptops which`: the prompt version behind a hash or commit from an application's log, with the labels that served it and its exact source. */
export const whichVerb: Verb = {
  name: 'which',
  group: 'releases',
  usage,
  summary: 'Name the prompt version a log line records, by its sha256 or commit.',
  details: 'Prints the prompt id, path, commit, date, the labels that served it and when (from the audit log), and the exact source.',
  example: 'promptops which 95fda74',
  run: (args, io) =>
    withReleaseErrors(async () => {
      const { values, positionals } = parseVerbArgs(args, { format: { type: 'string' } }, usage);
      const format = choiceOption(values.format, 'format', ['text', 'json'], 'text');
      const [query, ...extra] = positionals;
      if (query === undefined || extra.length > 0 || query.trim() === '') throw new CliError(`expects one SHA-256 or commit. Usage: promptops ${usage}`);
      const workspace = await openReleaseWorkspace(io.cwd, { gitPath: io.env['PROMPTOPS_GIT'], releasesFile: releasesFileSetting(io) });
      const { parsed } = readManifestFile(workspace.manifestFile);
      const found = await findPromptVersions(workspace.repository, parsed.manifest, query.trim());
      if (found.length === 0) {
        const what = isSha256(query.trim()) ? `No prompt file in this repository's history has SHA-256 ${query.trim().toLowerCase()}` : `Commit ${query.trim()} changes no .prompt or .prompty file`;
        throw new CliError(`${escapeControlCharacters(what)}.`, ExitCode.findings);
      }
      io.out(format === 'json' ? `${JSON.stringify({ versions: found.map(versionJson) }, null, 2)}\n` : found.map(versionText).join('\n'));
      return ExitCode.ok;
    }),
};
