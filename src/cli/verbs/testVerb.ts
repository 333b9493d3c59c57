import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeControlCharacters, escapeControlCharactersInLines } from '../../core/document/controlCharacters';
import { describeRenderProblem, renderCheckedPrompt, sampleFileProblem } from '../../core/rendering/checkedRender';
import { formatOfFile } from '../../core/formats/promptFileKind';
import { snapshotDiff, snapshotPathFor, snapshotText, type RenderedSampleSet } from '../../core/rendering/renderSnapshot';
import { defaultSetName, resolveSampleSets } from '../../core/samples/sampleSets';
import { writeFileAtomically } from '../../node/atomicWrite';
import { FileSystemRefusal } from '../../node/fileSystemRefusal';
import { loadPromptFromDisk, PromptLookupCache } from '../../node/promptOnDisk';
import { readTextFile } from '../../node/textFiles';
import { ExitCode, type CliIo } from '../cliIo';
import { runFileTask } from '../fileTaskThreads';
import { jobsHelp, jobsOption } from '../jobsOption';
import { promptFilesFromArguments, type PromptFileArgument } from '../promptPathArguments';
import { parseVerbArgs } from '../parseVerbArgs';
import type { Verb } from '../verb';

const usage = 'test [PATH...] [--update] [--jobs N]';

/** One prompt to test, and whether to write its snapshot. */
export interface PromptTestItem extends PromptFileArgument {
  readonly update: boolean;
}

type PromptTestOutcome =
  | { readonly status: 'passed' | 'written' | 'updated'; readonly sets: number }
  | { readonly status: 'failed'; readonly reason: string; readonly diff?: string };

/** How testing one prompt went. */
export type PromptTestResult = PromptTestOutcome & { readonly displayPath: string };

/** The per-file step of one `test` run in one thread: its prompts share the lookups. */
export function createTestStep(): (prompt: PromptTestItem) => Promise<PromptTestResult> {
  const lookups = new PromptLookupCache();
  return (prompt) => testPromptFile(prompt, lookups);
}

/** Renders every sample set of one prompt and compares (or, with update, writes) its snapshot: the per-file step of `test`, run in this thread or in a worker. */
async function testPromptFile(item: PromptTestItem, lookups: PromptLookupCache): Promise<PromptTestResult> {
  return { displayPath: item.displayPath, ...(await testPrompt(item, lookups)) };
}

async function testPrompt({ file, displayPath, update }: PromptTestItem, lookups: PromptLookupCache): Promise<PromptTestOutcome> {
  const loaded = loadPromptFromDisk(file, displayPath, lookups);
  if (!loaded.ok) return { status: 'failed', reason: loaded.position ? `${displayPath}:${loaded.position.line + 1}:${loaded.position.character + 1}: ${loaded.problem}` : loaded.problem };
  const { prompt } = loaded;
  // A sample file that does not parse fails the test rather than leaving the prompt with no sets to render.
  const { samplesProblem } = prompt;
  if (samplesProblem) {
    return { status: 'failed', reason: samplesProblem.position ? `${samplesProblem.file}:${samplesProblem.position.line + 1}:${samplesProblem.position.character + 1}: ${samplesProblem.problem}` : samplesProblem.problem };
  }
  const samplesBroken = sampleFileProblem(prompt.samples);
  if (samplesBroken) return { status: 'failed', reason: describeRenderProblem(samplesBroken) };
  const resolved = resolveSampleSets(prompt.document, prompt.samples);
  // A prompt without samples or defaults still gets one snapshot, rendered with no input.
  const sets = resolved.length > 0 ? resolved : [{ name: defaultSetName, input: {} }];
  const rendered: RenderedSampleSet[] = [];
  for (const set of sets) {
    const outcome = await renderCheckedPrompt({ document: prompt.document, input: set.input, partials: (name) => prompt.partial(name)?.text });
    if (!outcome.ok) return { status: 'failed', reason: `sample set "${set.name}" does not render: ${describeRenderProblem(outcome.problem)}` };
    rendered.push({ name: set.name, rendered: outcome.rendered });
  }
  const current = snapshotText(path.basename(file), rendered);
  const snapshotFile = snapshotPathFor(file);
  const stored = fs.existsSync(snapshotFile) ? readTextFile(snapshotFile) : undefined;
  if (stored && !stored.ok) return { status: 'failed', reason: stored.problem };
  if (stored?.text === current) return { status: 'passed', sets: sets.length };
  if (update) {
    try {
      // A linked snapshot is written through to its target; a pipe or folder in its place is refused.
      writeFileAtomically(snapshotFile, current, { createParentFolders: true, displayName: snapshotDisplayOf(displayPath, snapshotFile) });
    } catch (error) {
      if (error instanceof FileSystemRefusal) return { status: 'failed', reason: error.message };
      throw error;
    }
    return { status: stored ? 'updated' : 'written', sets: sets.length };
  }
  const snapshotDisplay = snapshotDisplayOf(displayPath, snapshotFile);
  if (!stored) return { status: 'failed', reason: `no snapshot yet (${snapshotDisplay}); run promptops test --update to write it` };
  return { status: 'failed', reason: 'the rendering changed', diff: snapshotDiff(snapshotDisplay, stored.text, current) };
}

/** The snapshot file as output names it: beside the prompt's display path. */
function snapshotDisplayOf(displayPath: string, snapshotFile: string): string {
  return path.join(path.dirname(displayPath), path.basename(path.dirname(snapshotFile)), path.basename(snapshotFile));
}

export const testVerb: Verb = {
  name: 'test',
  group: 'authoring',
  usage,
  summary: 'Render every sample set and compare it with its snapshot in __snapshots__/.',
  details: `A prompt without a snapshot fails until --update writes it; --update also rewrites snapshots whose rendering changed. ${jobsHelp}`,
  example: 'promptops test prompts/ --update',
  async run(args: readonly string[], io: CliIo): Promise<ExitCode> {
    const { values, positionals } = parseVerbArgs(args, { update: { type: 'boolean' }, jobs: { type: 'string' } }, usage);
    const jobs = jobsOption(values.jobs);
    const counts = { passed: 0, failed: 0, written: 0, updated: 0 };
    // Partials (`_name.prompt`) are rendered inside the prompts that include them, not on their own.
    const prompts = promptFilesFromArguments(positionals, io.cwd)
      .filter(({ file }) => formatOfFile(file) !== undefined && !path.basename(file).startsWith('_'))
      .map((prompt): PromptTestItem => ({ ...prompt, update: values.update === true }));
    const results = await runFileTask('test', prompts, jobs, () => Promise.resolve(createTestStep()));
    for (const result of results) {
      counts[result.status]++;
      if (result.status === 'failed') {
        // Paths, set names and renderings come from the user's files: printed with their control characters visible.
        io.out(`✗ ${escapeControlCharacters(result.displayPath)}: ${escapeControlCharacters(result.reason)}\n${escapeControlCharactersInLines(result.diff ?? '')}`);
      } else {
        const note = result.status === 'passed' ? '' : ` (snapshot ${result.status})`;
        io.out(`✓ ${escapeControlCharacters(result.displayPath)}: ${result.sets} sample set${result.sets === 1 ? '' : 's'}${note}\n`);
      }
    }
    const total = counts.passed + counts.failed + counts.written + counts.updated;
    const changes = [counts.written && `${counts.written} written`, counts.updated && `${counts.updated} updated`].filter(Boolean).join(', ');
    io.out(`\n${total - counts.failed} of ${total} prompts passed${changes ? ` (snapshots ${changes})` : ''}; ${counts.failed} failed.\n`);
    return counts.failed > 0 ? ExitCode.findings : ExitCode.ok;
  },
};
