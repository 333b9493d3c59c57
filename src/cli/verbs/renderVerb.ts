import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { escapeControlCharactersInLines } from '../../core/document/controlCharacters';
import { describeRenderProblem, renderCheckedPrompt, sampleFileProblem } from '../../core/rendering/checkedRender';
import { formatOfFile, renderedFormatsText } from '../../core/formats/promptFileKind';
import { renderedAsText } from '../../core/rendering/promptRendering';
import { chooseRenderInput, parseCustomInput, type RenderInputChoice } from '../../core/samples/renderInput';
import { loadPromptFromDisk } from '../../node/promptOnDisk';
import { readTextFile } from '../../node/textFiles';
import type { Position } from '../../core/document/textDocument';
import { CliError, ExitCode, type CliIo } from '../cliIo';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import type { Verb } from '../verb';

const usage = 'render FILE [--sample NAME] [--input JSON] [--input-file F] [--format text|json]';

/** Reads `--input-file`: a JSON or YAML file holding one input object. */
function readInputFile(file: string): Record<string, unknown> {
  const read = readTextFile(file);
  if (!read.ok) throw new CliError(read.problem);
  let value: unknown;
  try {
    value = YAML.parse(read.text);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new CliError(`${file} cannot be read as JSON or YAML: ${reason.replace(/\.?$/, '.')}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError(`${file} must hold one object mapping variable names to values.`);
  return value as Record<string, unknown>;
}

function inputChoice(values: { sample?: string | undefined; input?: string | undefined; 'input-file'?: string | undefined }, cwd: string): RenderInputChoice {
  const given = [values.sample, values.input, values['input-file']].filter((value) => value !== undefined).length;
  if (given > 1) throw new CliError('Give at most one of --sample, --input and --input-file.');
  if (values.input !== undefined) {
    const parsed = parseCustomInput(values.input);
    if (!parsed.ok) throw new CliError(parsed.problem);
    return { kind: 'custom', input: parsed.input };
  }
  if (values['input-file'] !== undefined) return { kind: 'custom', input: readInputFile(path.resolve(cwd, values['input-file'])) };
  return values.sample === undefined ? { kind: 'set' } : { kind: 'set', name: values.sample };
}

export const renderVerb: Verb = {
  name: 'render',
  group: 'authoring',
  usage,
  summary: 'Render a prompt with a sample set or an input, as dotprompt does.',
  details: 'Without --sample, --input or --input-file the first sample set is used; --format json prints dotprompt\'s RenderedPrompt.',
  example: 'promptops render support/summarize.prompt --sample outage',
  async run(args: readonly string[], io: CliIo): Promise<ExitCode> {
    const { values, positionals } = parseVerbArgs(
      args,
      { sample: { type: 'string' }, input: { type: 'string' }, 'input-file': { type: 'string' }, format: { type: 'string' } },
      usage,
    );
    const format = choiceOption(values.format, 'format', ['text', 'json'] as const, 'text');
    const [fileArgument, ...extra] = positionals;
    if (fileArgument === undefined || extra.length > 0) throw new CliError(`render takes exactly one FILE. Usage: promptops ${usage}`);
    if (formatOfFile(fileArgument) === undefined) throw new CliError(`${fileArgument} is not a prompt file; render supports ${renderedFormatsText()} files.`);
    const file = path.resolve(io.cwd, fileArgument);
    if (!fs.existsSync(file)) throw new CliError(`${fileArgument} does not exist.`);
    const loaded = loadPromptFromDisk(file, fileArgument);
    if (!loaded.ok) return refuse(io, loaded.problem, fileArgument, loaded.position);
    const { prompt } = loaded;
    const choice = inputChoice(values, io.cwd);
    // A sample file that does not parse is a mistake to fix, not a file with no sets.
    if (choice.kind === 'set' && prompt.samplesProblem) return refuse(io, prompt.samplesProblem.problem, prompt.samplesProblem.file, prompt.samplesProblem.position);
    const samplesBroken = choice.kind === 'set' ? sampleFileProblem(prompt.samples) : undefined;
    if (samplesBroken) return refuse(io, describeRenderProblem(samplesBroken));
    const chosen = chooseRenderInput(prompt.document, prompt.samples, choice);
    if (!chosen.ok) throw new CliError(chosen.problem);
    const outcome = await renderCheckedPrompt({ document: prompt.document, input: chosen.input, partials: (name) => prompt.partial(name)?.text });
    if (!outcome.ok) return refuse(io, describeRenderProblem(outcome.problem));
    const rendered = outcome.rendered;
    // The text view is for reading: control characters from the template or input show as escapes (JSON keeps the exact text).
    io.out(format === 'json' ? `${JSON.stringify(rendered, null, 2)}\n` : `${escapeControlCharactersInLines(renderedAsText(rendered))}\n`);
    return ExitCode.ok;
  },
};

/** Prints why the prompt does not render, as `file:line:col: sentence` when there is a place, and exits 1 as check does. */
function refuse(io: CliIo, problem: string, file?: string, position?: Position): ExitCode {
  const where = file !== undefined && position !== undefined ? `${file}:${position.line + 1}:${position.character + 1}: ` : '';
  io.err(`promptops render: ${where}${problem}\n`);
  return ExitCode.findings;
}
