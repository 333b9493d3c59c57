import { parseVersionSpec } from '../../core/versions/versionSpec';
import { decodeText } from '../../node/textFiles';
import { readVersionBytes, resolveVersion, resolvedVersionTitle } from '../../node/promptVersionResolver';
import { CliError, ExitCode } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { openPromptFileArgument, withGitErrorsAsUsageErrors } from '../promptFileArgument';
import type { Verb } from '../verb';
import { registrySourceOf } from '../registry/registrySource';
import { registryShow } from '../registry/registryShow';

const usage = 'show FILE VERSION [--source langfuse]';

/** `promptops show`: the bytes of a prompt file at a version, exactly as they were. */
export const showVerb: Verb = {
  name: 'show',
  group: 'versions',
  usage,
  summary: 'Print a prompt file as it is at VERSION.',
  details: "VERSION is a release label, latest, WORKING (the working tree file) or any commit-ish. With --source langfuse, FILE is the prompt's name and VERSION a Langfuse version number or label.",
  example: 'promptops show support/summarize.prompt production',
  run: (args, io) =>
    registrySourceOf(args) ? registryShow(args, io) : withGitErrorsAsUsageErrors(async () => {
      const { positionals } = parseVerbArgs(args, {}, usage);
      const [fileArgument, versionArgument, ...extra] = positionals;
      if (fileArgument === undefined || versionArgument === undefined || extra.length > 0) {
        throw new CliError(`expects FILE and VERSION. Usage: promptops ${usage}`);
      }
      const file = await openPromptFileArgument(fileArgument, io);
      const version = await resolveVersion(file, parseVersionSpec(versionArgument));
      // The CLI writes text, and UTF-8 text survives the round trip byte for byte (BOM and CRLF included).
      const text = decodeText(resolvedVersionTitle(version), await readVersionBytes(file, version));
      if (!text.ok) throw new CliError(text.problem);
      io.out(text.text);
      return ExitCode.ok;
    }),
};
