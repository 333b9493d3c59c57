import * as path from 'node:path';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { labelNameProblem } from '../../core/releases/labelName';
import { manifestErrors } from '../../core/releases/manifestParser';
import type { AbbreviateCommit } from '../../core/releases/commitAbbreviation';
import { releaseEventsOf, type ReleaseEvent } from '../../core/releases/releaseManifest';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { commitAbbreviator } from '../../node/git/commitAbbreviations';
import { describeManifestProblem, readManifestFile } from '../../node/releases/manifestFile';
import { openReleaseWorkspace } from '../../node/releases/releaseWorkspace';
import { CliError, ExitCode } from '../cliIo';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import { openPromptFileArgument, releasesFileSetting } from '../promptFileArgument';
import { withReleaseErrors } from '../releaseErrors';
import type { Verb } from '../verb';
import { registrySourceOf } from '../registry/registrySource';
import { registryLog } from '../registry/registryLog';
import { statIfPresent } from '../../node/presentStats';

const usage = 'log [FILE|PROMPT-ID] [--label L] [--format text|json] [--source langfuse]';

/** `promptops log`: the audit events of the manifest, newest first, of one prompt and/or one label. */
export const logVerb: Verb = {
  name: 'log',
  group: 'releases',
  usage,
  summary: 'List the release audit events, newest first.',
  details: "Events are promote, rollback, canary and canary-clear; give a prompt (a file or an id) and --label to see only theirs. With --source langfuse, lists PromptOps' journal of Langfuse label moves.",
  example: 'promptops log support/summarize.prompt --label production',
  run: (args, io) =>
    registrySourceOf(args) ? registryLog(args, io) : withReleaseErrors(async () => {
      const { values, positionals } = parseVerbArgs(args, { label: { type: 'string' }, format: { type: 'string' } }, usage);
      const format = choiceOption(values.format, 'format', ['text', 'json'], 'text');
      const [promptArgument, ...extra] = positionals;
      if (extra.length > 0) throw new CliError(`expects at most one FILE or prompt id. Usage: promptops ${usage}`);
      if (values.label !== undefined) {
        const problem = labelNameProblem(values.label);
        if (problem) throw new ReleaseRefusal(problem);
      }
      const workspace = await openReleaseWorkspace(io.cwd, { gitPath: io.env['PROMPTOPS_GIT'], releasesFile: releasesFileSetting(io) });
      const { parsed } = readManifestFile(workspace.manifestFile);
      if (parsed.fatal) throw new ReleaseRefusal(describeManifestProblem(workspace.releasesFile, parsed.fatal));
      const errors = manifestErrors(parsed).length;
      if (errors > 0) io.err(`promptops log: warning: ${workspace.releasesFile} has ${errors === 1 ? 'a problem' : `${errors} problems`}, and events with mistakes are left out; promptops status lists them.\n`);
      let prompt: string | undefined;
      if (promptArgument !== undefined) {
        const asFile = path.resolve(io.cwd, promptArgument);
        if (statIfPresent(asFile)?.isFile()) prompt = (await openPromptFileArgument(promptArgument, io)).promptId;
        else if (parsed.manifest.prompts.has(promptArgument) || parsed.manifest.events.some((event) => event.prompt === promptArgument)) prompt = promptArgument;
        else throw new CliError(`${promptArgument} is neither a prompt file nor a prompt id in ${workspace.releasesFile}.`);
      }
      const events = releaseEventsOf(parsed.manifest, { prompt, label: values.label }).reverse();
      if (format === 'json') io.out(`${JSON.stringify({ events: events.map(eventJson) }, null, 2)}\n`);
      else if (events.length === 0) io.out(`No release events${prompt === undefined ? '' : ` of ${prompt}`}${values.label === undefined ? '' : ` for ${values.label}`} yet.\n`);
      else {
        const short = await commitAbbreviator(workspace.repository, events.flatMap((event) => (event.from === null ? [event.to] : [event.from, event.to])));
        io.out(events.map((event) => eventText(event, short)).join(''));
      }
      return ExitCode.ok;
    }),
};

/** One event as lines of text; whatever the manifest's authors wrote (prompt ids, names, notes) is printed with control characters escaped, so it cannot forge output. */
function eventText(event: ReleaseEvent, short: AbbreviateCommit): string {
  const from = event.from === null ? 'new' : short(event.from);
  const weight = event.weight === undefined ? '' : ` (${event.weight}%)`;
  const lines = [`${escapeControlCharacters(event.at)}  ${event.action.padEnd(12)}  ${escapeControlCharacters(event.prompt)}  ${event.label}  ${from} → ${short(event.to)}${weight}  ${escapeControlCharacters(event.by)}`];
  if (event.note !== '') lines.push(`    ${escapeControlCharacters(event.note)}`);
  if (event.allowedError !== undefined) lines.push(`    released with errors allowed: ${escapeControlCharacters(event.allowedError)}`);
  return `${lines.join('\n')}\n`;
}

function eventJson(event: ReleaseEvent): unknown {
  const { at, by, action, prompt, label, from, to, sha256, weight, note, allowedError } = event;
  return { at, by, action, prompt, label, from, to, sha256, ...(weight === undefined ? {} : { weight }), note, ...(allowedError === undefined ? {} : { allowedError }) };
}
