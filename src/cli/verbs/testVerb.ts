import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeRenderProblem, renderCheckedPrompt, sampleFileProblem } from '../../core/checkedRender';
import { promptLanguageOf } from '../../core/promptFileKind';
import { snapshotDiff, snapshotPathFor, snapshotText, type RenderedSampleSet } from '../../core/renderSnapshot';
import { defaultSetName, resolveSampleSets } from '../../core/sampleSets';
import { writeFileAtomically } from '../../node/atomicWrite';
import { FileSystemRefusal } from '../../node/fileSystemRefusal';
import { loadPromptFromDisk, PartialLookupCache } from '../../node/promptOnDisk';
import { readTextFile } from '../../node/textFiles';
import { ExitCode, type CliIo } from '../cliIo';
import { promptFilesFromArguments } from '../promptPathArguments';
import { parseVerbArgs } from '../parseVerbArgs';
import type { Verb } from '../verb';

const usage = 'promptops test [PATH...] [--update]';

type PromptTestResult =
  | { readonly status: 'passed' | 'written' | 'updated'; readonly sets: number }
  | { readonly status: 'failed'; readonly reason: string; readonly diff?: string };

/** Renders every sample set of one prompt and compares (or, with update, writes) its snapshot. */
async function testPrompt(file: string, displayPath: string, update: boolean, partials: PartialLookupCache): Promise<PromptTestResult> {
  const loaded = loadPromptFromDisk(file, displayPath, partials);
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
  usage,
  summary: 'Render every sample set and compare with the snapshots in __snapshots__/ (--update writes them).',
  async run(args: readonly string[], io: CliIo): Promise<ExitCode> {
    const { values, positionals } = parseVerbArgs(args, { update: { type: 'boolean' } }, usage);
    const partials = new PartialLookupCache();
    const counts = { passed: 0, failed: 0, written: 0, updated: 0 };
    // Partials (`_name.prompt`) are rendered inside the prompts that include them, not on their own.
    const prompts = promptFilesFromArguments(positionals, io.cwd).filter(({ file }) => promptLanguageOf(file) === 'dotprompt' && !path.basename(file).startsWith('_'));
    for (const { file, displayPath } of prompts) {
      const result = await testPrompt(file, displayPath, values.update === true, partials);
      counts[result.status]++;
      if (result.status === 'failed') {
        io.out(`✗ ${displayPath}: ${result.reason}\n${result.diff ?? ''}`);
      } else {
        const note = result.status === 'passed' ? '' : ` (snapshot ${result.status})`;
        io.out(`✓ ${displayPath}: ${result.sets} sample set${result.sets === 1 ? '' : 's'}${note}\n`);
      }
    }
    const total = counts.passed + counts.failed + counts.written + counts.updated;
    const changes = [counts.written && `${counts.written} written`, counts.updated && `${counts.updated} updated`].filter(Boolean).join(', ');
    io.out(`\n${total - counts.failed} of ${total} prompts passed${changes ? ` (snapshots ${changes})` : ''}; ${counts.failed} failed.\n`);
    return counts.failed > 0 ? ExitCode.findings : ExitCode.ok;
  },
};
