import { escapeControlCharacters } from '../../core/document/controlCharacters';
import type { RegistryJournalEntry } from '../../core/registry/registryJournal';
import { registryLabelProblem } from '../../core/registry/registryLabels';
import { journalPath, readRegistryJournal } from '../../node/registries/registryWorkspace';
import { CliError, ExitCode, type CliIo } from '../cliIo';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import { openWorkspace, sourceOption, withRegistryErrors } from './registrySource';

const usage = 'log [NAME] --source langfuse [--label L] [--format text|json]';

/** `promptops log --source langfuse`: the label moves PromptOps made in registries (its journal), newest first. */
export function registryLog(args: readonly string[], io: CliIo): Promise<ExitCode> {
  return withRegistryErrors(async () => {
    const { values, positionals } = parseVerbArgs(args, { ...sourceOption, label: { type: 'string' }, format: { type: 'string' } }, usage);
    const format = choiceOption(values.format, 'format', ['text', 'json'], 'text');
    const [name, ...extra] = positionals;
    if (extra.length > 0) throw new CliError(`expects at most one prompt NAME. Usage: promptops ${usage}`);
    if (values.label !== undefined && values.label !== 'latest' && registryLabelProblem(values.label)) throw new CliError(registryLabelProblem(values.label) ?? '');
    const journal = readRegistryJournal(await openWorkspace(io));
    for (const problem of journal.problems) io.err(`promptops log: warning: ${journalPath}:${problem.line}: ${problem.message}; the line is skipped.\n`);
    const entries = journal.entries.filter((entry) => (name === undefined || entry.prompt === name) && (values.label === undefined || entry.label === values.label)).reverse();
    if (format === 'json') io.out(`${JSON.stringify({ entries }, null, 2)}\n`);
    else io.out(entries.length === 0 ? `No registry label moves${name === undefined ? '' : ` of ${escapeControlCharacters(name)}`} in ${journalPath} yet.\n` : entries.map(entryText).join(''));
    return ExitCode.ok;
  });
}

function entryText(entry: RegistryJournalEntry): string {
  const from = entry.from === null ? 'new' : `v${entry.from}`;
  const line = `${escapeControlCharacters(entry.at)}  ${entry.action.padEnd(8)}  ${escapeControlCharacters(entry.prompt)}  ${escapeControlCharacters(entry.label)}  ${from} → v${entry.to}  ${escapeControlCharacters(entry.by)}  ${escapeControlCharacters(entry.registry)}\n`;
  return entry.note === '' ? line : `${line}    ${escapeControlCharacters(entry.note)}\n`;
}
