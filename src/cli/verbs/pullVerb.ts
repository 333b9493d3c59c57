import * as path from 'node:path';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import type { RegistryVersionSelector } from '../../core/registry/promptRegistry';
import { registryLabelProblem } from '../../core/registry/registryLabels';
import { defaultLabel } from '../../core/releases/releaseManifest';
import { pullPrompt } from '../../node/registries/pullPrompt';
import { CliError, ExitCode } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { openRegistry, openWorkspace, registryVersionArgument, sourceOption, withRegistryErrors } from '../registry/registrySource';
import type { Verb } from '../verb';

const usage = 'pull NAME [--version N | --label L] [--out F]';

/** `promptops pull`: a Langfuse version written as a `.prompt` file in the workspace. */
export const pullVerb: Verb = {
  name: 'pull',
  group: 'registry',
  usage,
  summary: 'Write a Langfuse version as a .prompt file in the workspace.',
  details: `The version defaults to the one labelled ${defaultLabel}, the file to NAME.prompt at the repository root; a file outside the workspace or with uncommitted changes is refused.`,
  example: 'promptops pull support/summarize --label production --out drafts/summarize.prompt',
  run: (args, io) =>
    withRegistryErrors(async () => {
      const { values, positionals } = parseVerbArgs(args, { ...sourceOption, version: { type: 'string' }, label: { type: 'string' }, out: { type: 'string' } }, usage);
      const [name, ...extra] = positionals;
      if (name === undefined || extra.length > 0) throw new CliError(`expects one prompt NAME. Usage: promptops ${usage}`);
      if (values.version !== undefined && values.label !== undefined) throw new CliError('give --version or --label, not both.');
      let selector: RegistryVersionSelector = { label: values.label ?? defaultLabel };
      if (values.version !== undefined) {
        selector = registryVersionArgument(values.version);
        if (!('version' in selector)) throw new CliError(`--version takes a version number, not "${escapeControlCharacters(values.version)}"; use --label for labels.`);
      } else if (values.label !== undefined && values.label !== 'latest' && registryLabelProblem(values.label)) {
        throw new CliError(registryLabelProblem(values.label) ?? '');
      }
      const workspace = await openWorkspace(io);
      const outcome = await pullPrompt(workspace, openRegistry(io), { name, selector, out: values.out === undefined ? undefined : path.resolve(io.cwd, values.out) });
      const how = outcome.exact ? ' (the file it was pushed from, byte for byte)' : '';
      io.out(`Wrote ${escapeControlCharacters(outcome.displayPath)} from ${escapeControlCharacters(name)} v${outcome.version.version}${how}.\n`);
      return ExitCode.ok;
    }),
};
