import * as fs from 'node:fs';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import type { AbbreviateCommit } from '../../core/releases/commitAbbreviation';
import { createdFromText } from '../../core/versions/promptVersion';
import { labelsPointingAt, type ReleaseTarget } from '../../core/releases/releaseManifest';
import { commitAbbreviator } from '../../node/git/commitAbbreviations';
import { readFileHistoryPage, type FileVersion } from '../../node/git/fileHistory';
import { gitPromptVersion } from '../../node/gitPromptVersion';
import { CliError, ExitCode } from '../cliIo';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import { openPromptFileArgument, withGitErrorsAsUsageErrors } from '../promptFileArgument';
import type { Verb } from '../verb';
import { registrySourceOf } from '../registry/registrySource';
import { registryVersions } from '../registry/registryVersions';

const usage = 'versions FILE [--format text|json] [--source langfuse]';

/** `promptops versions`: the committed versions of a prompt file, newest first, following renames. */
export const versionsVerb: Verb = {
  name: 'versions',
  group: 'versions',
  usage,
  summary: "List a prompt's committed versions, newest first, with their release labels.",
  details: "Follows renames; each version has its commit, date, author, subject and the sha256 of the file at that commit. With --source langfuse, FILE is the prompt's name in Langfuse and its versions are Langfuse's.",
  example: 'promptops versions support/summarize.prompt --format json',
  run: (args, io) =>
    registrySourceOf(args) ? registryVersions(args, io) : withGitErrorsAsUsageErrors(async () => {
      const { values, positionals } = parseVerbArgs(args, { format: { type: 'string' } }, usage);
      const format = choiceOption(values.format, 'format', ['text', 'json'], 'text');
      const [fileArgument, ...extra] = positionals;
      if (fileArgument === undefined || extra.length > 0) throw new CliError(`expects one FILE. Usage: promptops ${usage}`);
      const file = await openPromptFileArgument(fileArgument, io);
      const history = await readFileHistoryPage(file.repository, file.path);
      if (history.versions.length === 0 && !fs.existsSync(file.workingFile)) {
        throw new CliError(`${fileArgument} does not exist and has no committed versions.`);
      }
      if (!file.labels.ok) io.err(`promptops versions: ${escapeControlCharacters(file.labels.problem)} Labels are not shown.\n`);
      const labels: ReadonlyMap<string, ReleaseTarget> = file.labels.ok ? file.labels.labels : new Map();
      const labelsOf = (commit: string): string[] => labelsPointingAt(labels, commit);
      if (format === 'json') {
        const versions = history.versions.map((version) => gitPromptVersion(version, labelsOf(version.id)));
        io.out(`${JSON.stringify({ file: file.path, promptId: file.promptId, truncated: history.truncated, versions }, null, 2)}\n`);
      } else {
        const short = await commitAbbreviator(file.repository, history.versions.flatMap((version) => [version.id, ...(version.copiedFrom ? [version.copiedFrom.commit] : [])]));
        io.out(versionsTable(file.path, history.versions, labelsOf, history.truncated, short));
      }
      return ExitCode.ok;
    }),
};

/**
 * A readable table: short sha, date, author, subject, then labels and the older path before a rename.
 * Authors, subjects and paths come from commits anyone can write, so control characters are escaped.
 */
function versionsTable(currentPath: string, versions: readonly FileVersion[], labelsOf: (commit: string) => readonly string[], truncated: boolean, short: AbbreviateCommit): string {
  if (versions.length === 0) return `No committed versions of ${escapeControlCharacters(currentPath)} yet.\n`;
  const authorOf = (version: FileVersion): string => escapeControlCharacters(version.authorName);
  const authorWidth = Math.max('AUTHOR'.length, ...versions.map((version) => authorOf(version).length));
  const commitWidth = Math.max(7, ...versions.map((version) => short(version.id).length));
  const lines = [`${'COMMIT'.padEnd(commitWidth)}  ${'DATE'.padEnd(16)}  ${'AUTHOR'.padEnd(authorWidth)}  SUBJECT`];
  for (const version of versions) {
    const labels = labelsOf(version.id);
    const notes = [
      ...(labels.length > 0 ? [`[${labels.join(', ')}]`] : []),
      ...(version.path !== currentPath ? [`(as ${escapeControlCharacters(version.path)})`] : []),
      ...(version.copiedFrom ? [`(${createdFromText(version.copiedFrom, short)})`] : []),
    ];
    // The author's own clock, as git shows it: the date and time written in the ISO string.
    const date = `${version.date.slice(0, 10)} ${version.date.slice(11, 16)}`;
    lines.push([short(version.id).padEnd(commitWidth), date, authorOf(version).padEnd(authorWidth), [escapeControlCharacters(version.subject), ...notes].join('  ')].join('  '));
  }
  if (truncated) lines.push('', 'The history stops at the boundary of a shallow clone; fetch more history (git fetch --unshallow) to see older versions.');
  return `${lines.join('\n')}\n`;
}
