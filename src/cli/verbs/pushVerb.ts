import * as path from 'node:path';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { pushPrompt } from '../../node/registries/pushPrompt';
import { CliError, ExitCode } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { openRegistry, openWorkspace, sourceOption, withRegistryErrors } from '../registry/registrySource';
import type { Verb } from '../verb';

const usage = 'push FILE [--label L] [--message M] [--flatten]';

/** `promptops push`: a prompt file as a new Langfuse version, with its Git provenance. */
export const pushVerb: Verb = {
  name: 'push',
  group: 'registry',
  usage,
  summary: 'Push a prompt that passes check to Langfuse as a new version and move --label to it.',
  details: 'Chat with one message per role section, else text; model and config go into its config with config.promptops = {commit, sha256, path}. Only the label moves when the newest version has the same bytes. Handlebars features Langfuse cannot run are refused unless --flatten pushes the rendered shape.',
  example: 'promptops push support/summarize.prompt --label staging --message "Shorter summaries"',
  run: (args, io) =>
    withRegistryErrors(async () => {
      const { values, positionals } = parseVerbArgs(args, { ...sourceOption, label: { type: 'string' }, message: { type: 'string' }, flatten: { type: 'boolean' } }, usage);
      const [fileArgument, ...extra] = positionals;
      if (fileArgument === undefined || extra.length > 0) throw new CliError(`expects one FILE. Usage: promptops ${usage}`);
      const registry = openRegistry(io);
      const outcome = await pushPrompt(await openWorkspace(io), registry, { file: path.resolve(io.cwd, fileArgument), label: values.label, message: values.message, flatten: values.flatten === true });
      for (const warning of outcome.warnings) io.err(`promptops push: warning: ${warning}\n`);
      const name = escapeControlCharacters(outcome.name);
      const label = values.label === undefined ? '' : values.label;
      const moved = outcome.kind !== 'unchanged' && values.label !== undefined ? `; ${label} ${outcome.from === undefined ? 'is new' : `moved from v${outcome.from}`}` : '';
      if (outcome.kind === 'created') io.out(`Pushed ${name} to Langfuse (${registry.location}) as v${outcome.version.version}${moved}.\n`);
      else if (outcome.kind === 'labelled') io.out(`Langfuse already has these bytes of ${name} as v${outcome.version.version}; no new version${moved}.\n`);
      else io.out(`Langfuse already has these bytes of ${name} as v${outcome.version.version}${label ? ` labelled ${label}` : ''}. Nothing to do.\n`);
      return ExitCode.ok;
    }),
};
