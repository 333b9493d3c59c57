import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { promptLanguageOf } from '../../core/promptFileKind';
import { renderedAsText, renderPrompt } from '../../core/promptRenderer';
import { chooseRenderInput, parseCustomInput, type RenderInputChoice } from '../../core/renderInput';
import { loadPromptFromDisk } from '../../node/promptOnDisk';
import { CliError, ExitCode, type CliIo } from '../cliIo';
import { choiceOption, parseVerbArgs } from '../parseVerbArgs';
import type { Verb } from '../verb';

const usage = 'render FILE [--sample NAME] [--input JSON] [--input-file F] [--format text|json]';

/** Reads `--input-file`: a JSON or YAML file holding one input object. */
function readInputFile(file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = YAML.parse(fs.readFileSync(file, 'utf8'));
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
    if (promptLanguageOf(fileArgument) !== 'dotprompt') throw new CliError(`${fileArgument} is not a .prompt file; render supports dotprompt files.`);
    const loaded = loadPromptFromDisk(path.resolve(io.cwd, fileArgument), fileArgument);
    if (!loaded.ok) throw new CliError(loaded.problem);
    const { prompt } = loaded;
    const chosen = chooseRenderInput(prompt.document, prompt.samples, inputChoice(values, io.cwd));
    if (!chosen.ok) throw new CliError(chosen.problem);
    const outcome = await renderPrompt({ source: prompt.document.text.text, input: chosen.input, partials: (name) => prompt.partial(name)?.text });
    if (!outcome.ok) {
      io.err(`promptops render: ${fileArgument} does not render: ${outcome.error}\n`);
      return ExitCode.findings;
    }
    io.out(format === 'json' ? `${JSON.stringify(outcome.rendered, null, 2)}\n` : `${renderedAsText(outcome.rendered)}\n`);
    return ExitCode.ok;
  },
};
