import { createTwoFilesPatch } from 'diff';
import { escapeControlCharactersInLines } from '../../core/document/controlCharacters';
import { formatOfFile, renderedFormatsText } from '../../core/formats/promptFileKind';
import type { RenderInputChoice } from '../../core/samples/renderInput';
import type { SampleFile } from '../../core/samples/sampleSets';
import { parseVersionSpec } from '../../core/versions/versionSpec';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import { resolveVersion, resolvedVersionTitle, type ResolvedVersion } from '../../node/promptVersionResolver';
import { readVersionText, renderVersion, workingSampleFile } from '../../node/renderedVersion';
import { CliError, ExitCode } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { openPromptFileArgument, withGitErrorsAsUsageErrors } from '../promptFileArgument';
import type { Verb } from '../verb';
import { registrySourceOf } from '../registry/registrySource';
import { registryDiff } from '../registry/registryDiff';

const usage = 'diff FILE FROM [TO] [--rendered] [--sample NAME] [--source langfuse]';

/** `promptops diff`: a unified diff between two versions of a prompt, of its source or of its renderings. */
export const diffVerb: Verb = {
  name: 'diff',
  group: 'versions',
  usage,
  summary: 'Show a unified diff of a prompt between two versions, or of their renderings.',
  details: "TO defaults to WORKING; --rendered compares the two renderings for sample set NAME (by default the first, as render does). Exits 0 whether or not they differ. With --source langfuse, FILE is the prompt's name and FROM/TO Langfuse versions or labels (TO defaults to the working-tree file).",
  example: 'promptops diff support/summarize.prompt production staging --rendered --sample outage',
  run: (args, io) =>
    registrySourceOf(args) ? registryDiff(args, io) : withGitErrorsAsUsageErrors(async () => {
      const { values, positionals } = parseVerbArgs(args, { rendered: { type: 'boolean' }, sample: { type: 'string' } }, usage);
      const [fileArgument, fromArgument, toArgument = 'WORKING', ...extra] = positionals;
      if (fileArgument === undefined || fromArgument === undefined || extra.length > 0) {
        throw new CliError(`expects FILE, FROM and optionally TO. Usage: promptops ${usage}`);
      }
      if (values.sample !== undefined && values.rendered !== true) throw new CliError('--sample applies only with --rendered.');
      const file = await openPromptFileArgument(fileArgument, io);
      const from = await resolveVersion(file, parseVersionSpec(fromArgument));
      const to = await resolveVersion(file, parseVersionSpec(toArgument));
      const [fromText, toText] = await Promise.all([versionText(file, from), versionText(file, to)]);
      let patch: string;
      if (values.rendered === true) {
        if (formatOfFile(file.path) === undefined) throw new CliError(`Rendered diffs support ${renderedFormatsText()} files only for now.`);
        const samples = samplesOf(file);
        const choice: RenderInputChoice = values.sample === undefined ? { kind: 'set' } : { kind: 'set', name: values.sample };
        const [fromRendered, toRendered] = await Promise.all([renderedText(file, from, fromText, samples, choice), renderedText(file, to, toText, samples, choice)]);
        const header = fromRendered.setName === undefined ? 'rendered without input' : `rendered with sample set "${fromRendered.setName}"`;
        patch = unifiedDiff(resolvedVersionTitle(from), resolvedVersionTitle(to), fromRendered.text, toRendered.text, header);
      } else {
        patch = unifiedDiff(resolvedVersionTitle(from), resolvedVersionTitle(to), fromText, toText);
      }
      // A diff shows the prompt's text on a terminal: its line ends and tabs stay, other control characters show as escapes.
      io.out(escapeControlCharactersInLines(patch));
      return ExitCode.ok;
    }),
};

async function versionText(file: PromptFileInRepository, version: ResolvedVersion): Promise<string> {
  const text = await readVersionText(file, version);
  if (!text.ok) throw new CliError(text.problem);
  return text.text;
}

function samplesOf(file: PromptFileInRepository): SampleFile | undefined {
  const read = workingSampleFile(file);
  if (!read.ok) throw new CliError(read.problem);
  return read.samples;
}

async function renderedText(
  file: PromptFileInRepository,
  version: ResolvedVersion,
  source: string,
  samples: SampleFile | undefined,
  choice: RenderInputChoice,
): Promise<{ text: string; setName: string | undefined }> {
  const rendered = await renderVersion(file, version, source, samples, choice);
  if (!rendered.ok) throw new CliError(rendered.problem, rendered.renderFailed ? ExitCode.findings : ExitCode.usage);
  return rendered;
}

/** The unified diff of two texts under the given names, or nothing when they are equal. */
function unifiedDiff(fromName: string, toName: string, fromText: string, toText: string, header?: string): string {
  if (fromText === toText) return '';
  return createTwoFilesPatch(fromName, toName, fromText, toText, header, header, { context: 3 });
}
