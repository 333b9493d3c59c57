import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { parsePromptDocument } from '../../core/formats/promptFileKind';
import { renderedAsText } from '../../core/rendering/promptRendering';
import { chooseRenderInput } from '../../core/samples/renderInput';
import { selectorText } from '../../core/registry/registryLabels';
import { escapeControlCharacters, escapeControlCharactersInLines } from '../../core/document/controlCharacters';
import { findPartialFile } from '../../node/partialFiles';
import { loadPromptFromDisk } from '../../node/promptOnDisk';
import { registryVersionText } from '../../node/registries/registryVersionText';
import { localPromptFile } from '../../node/registries/registryWorkspace';
import { readTextFile } from '../../node/textFiles';
import { CliError, ExitCode, type CliIo } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { openRegistry, openWorkspace, registryVersionArgument, sourceOption, withRegistryErrors } from './registrySource';

const usage = 'diff NAME FROM [TO] --source langfuse [--rendered] [--sample NAME]';

/**
 * `promptops diff NAME FROM [TO] --source langfuse`: a unified diff between two registry versions,
 * or a registry version and the working-tree file with that prompt id (TO `WORKING`, the default);
 * `--rendered` renders both with the local file's sample set and partials.
 */
export function registryDiff(args: readonly string[], io: CliIo): Promise<ExitCode> {
  return withRegistryErrors(async () => {
    const { values, positionals } = parseVerbArgs(args, { ...sourceOption, rendered: { type: 'boolean' }, sample: { type: 'string' } }, usage);
    const [name, fromArgument, toArgument = 'WORKING', ...extra] = positionals;
    if (name === undefined || fromArgument === undefined || extra.length > 0) throw new CliError(`expects NAME, FROM and optionally TO. Usage: promptops ${usage}`);
    if (values.sample !== undefined && values.rendered !== true) throw new CliError('--sample applies only with --rendered.');
    const registry = openRegistry(io);
    const workspace = await openWorkspace(io);
    const local = localPromptFile(workspace, name);
    const side = async (argument: string): Promise<{ title: string; text: string }> => {
      if (argument === 'WORKING') {
        if (local === undefined) throw new CliError(`No prompt file in ${workspace.root} has the id ${escapeControlCharacters(name)}; give TO as a registry version.`);
        const read = readTextFile(local);
        if (!read.ok) throw new CliError(read.problem);
        return { title: `${path.relative(workspace.root, local).split(path.sep).join('/')} (working tree)`, text: read.text };
      }
      const selector = registryVersionArgument(argument);
      const version = await registry.getVersion(name, selector);
      const title = 'version' in selector ? `${name} (v${version.version})` : `${name} (${selectorText(selector).replace('label ', '')} v${version.version})`;
      return { title: escapeControlCharacters(title), text: (await registryVersionText(version, workspace.repository)).text };
    };
    const [from, to] = await Promise.all([side(fromArgument), side(toArgument)]);
    if (values.rendered !== true) {
      io.out(from.text === to.text ? '' : escapeControlCharactersInLines(createTwoFilesPatch(from.title, to.title, from.text, to.text, undefined, undefined, { context: 3 })));
      return ExitCode.ok;
    }
    const loaded = local === undefined ? undefined : loadPromptFromDisk(local, path.basename(local));
    const samples = loaded?.ok ? loaded.prompt.samples : undefined;
    const partials = (partial: string): string | undefined => (local === undefined ? undefined : findPartialFile(local, partial, workspace.root)?.text);
    const render = async (side: { title: string; text: string }): Promise<{ text: string; setName: string | undefined }> => {
      const document = parsePromptDocument(side.text, { path: side.title });
      const chosen = chooseRenderInput(document, samples, values.sample === undefined ? { kind: 'set' } : { kind: 'set', name: values.sample });
      if (!chosen.ok) throw new CliError(chosen.problem);
      const rendered = await document.format.render({ document, input: chosen.input, includes: partials });
      if (!rendered.ok) throw new CliError(`${side.title} does not render: ${escapeControlCharacters(rendered.error)}`, ExitCode.findings);
      return { text: `${renderedAsText(rendered.rendered).replace(/\r\n?/g, '\n')}\n`, setName: chosen.setName };
    };
    const [fromRendered, toRendered] = [await render(from), await render(to)];
    const header = fromRendered.setName === undefined ? 'rendered without input' : `rendered with sample set "${fromRendered.setName}"`;
    io.out(fromRendered.text === toRendered.text ? '' : escapeControlCharactersInLines(createTwoFilesPatch(from.title, to.title, fromRendered.text, toRendered.text, header, header, { context: 3 })));
    return ExitCode.ok;
  });
}
