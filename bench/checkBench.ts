import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import Handlebars from 'handlebars';
import YAML from 'yaml';
import { checkPrompt } from '../src/core/checks/checkPrompt';
import { median, ratioAgainstBaseline, reportRatio } from './measure';
import { peakMemoryKb } from './peakMemory';
import type { Benchmark } from './runBench';

// Issue 3, Performance: checking a 2,000-line prompt with 500 variable uses costs at most 1.5x
// YAML.parseDocument + Handlebars.parse on the same text.
const parseRatioTarget = 1.5;
// Issue 15: `promptops check` over 2,000 prompt files, on the machine's cores, takes at most the wall
// time of the parse floor (one process that reads and parses the same files and does nothing else,
// parseFloor.ts) with at most 1.5x its peak memory; 20,000 files take at most 11x the time of 2,000.
const floorTimeTarget = 1.0;
const floorMemoryTarget = 1.5;
const scalingTarget = 11;
const pairedRuns = 7;
const repositoryRoot = path.resolve(__dirname, '..', '..');
const benchFolder = path.join(repositoryRoot, '.bench');
const cli = path.join(repositoryRoot, 'dist', 'cli.js');
const reporter = path.join(__dirname, 'peakMemoryReporter.js');

/** A realistic large prompt: 50 declared variables (some objects), 500 uses spread over 2,000 lines. */
export function largePrompt(): { text: string; frontMatter: string; template: string } {
  const schema: string[] = [];
  for (let i = 0; i < 40; i++) schema.push(`    field${i}: string, description of field ${i}`);
  for (let i = 0; i < 10; i++) schema.push(`    record${i}(object):`, '      name: string', '      count: integer', '      tags(array): string');
  const frontMatter = ['model: googleai/gemini-2.0-flash', 'input:', '  schema:', ...schema].join('\n');
  const lines: string[] = [];
  let uses = 0;
  for (let line = 0; lines.length < 2000 - schema.length - 5; line++) {
    if (line % 4 === 0 && uses < 500) {
      const use = uses % 5 === 0 ? `{{record${uses % 10}.name}} has {{record${uses % 10}.count}} items` : `Field: {{field${uses % 40}}}`;
      uses += use.split('{{').length - 1;
      lines.push(use);
    } else if (line % 97 === 0) {
      lines.push(`{{#each record${line % 10}.tags}}- {{this}}{{/each}}`);
      uses++;
    } else {
      lines.push(`Plain instruction text for line ${line}, describing what the model should do next.`);
    }
  }
  const template = lines.join('\n');
  return { text: `---\n${frontMatter}\n---\n${template}\n`, frontMatter, template };
}

/** Writes `count` prompts (a third with sample files, some sharing partials, every 50th with a mistake) once, under .bench/. */
function ensureCorpus(count: number): string {
  const corpusFolder = path.join(benchFolder, `check-${count}`);
  const marker = path.join(corpusFolder, '.complete');
  if (fs.existsSync(marker)) return corpusFolder;
  console.log(`Writing ${count} prompt files to ${path.relative(process.cwd(), corpusFolder)} (once)…`);
  fs.rmSync(corpusFolder, { recursive: true, force: true });
  fs.mkdirSync(path.join(corpusFolder, 'partials'), { recursive: true });
  fs.writeFileSync(path.join(corpusFolder, 'partials', '_style.prompt'), 'Be concise and friendly.\n');
  for (let i = 0; i < count; i++) {
    const folder = path.join(corpusFolder, `team${i % 20}`, `area${i % 7}`);
    fs.mkdirSync(folder, { recursive: true });
    const prompt = `---
model: googleai/gemini-2.0-flash
input:
  schema:
    customer(object):
      name: string
      plan: string
    ticket${i % 13}: string
    tone?: string
  default:
    tone: neutral
---
{{role "system"}}
You help customers of plan {{customer.plan}}. Tone: {{tone}}.
{{> style}}
{{role "user"}}
{{customer.name}} writes: {{ticket${i % 13}}}
${i % 50 === 0 ? '{{customer.nmae}}\n' : ''}`;
    fs.writeFileSync(path.join(folder, `prompt${i}.prompt`), prompt);
    if (i % 3 === 0) {
      fs.writeFileSync(path.join(folder, `prompt${i}.samples.yaml`), `basic:\n  customer: {name: Ada, plan: pro}\n  ticket${i % 13}: It broke\n`);
    }
  }
  fs.writeFileSync(marker, '');
  return corpusFolder;
}

/** Bundles a parse floor (`name`.ts under bench/) like the CLI (one file, the same libraries), so neither side pays for loading modules one by one. */
function bundleParseFloor(name = 'parseFloor'): string {
  const outfile = path.join(benchFolder, `${name}.js`);
  esbuild.buildSync({ entryPoints: [path.join(repositoryRoot, 'bench', `${name}.ts`)], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  return outfile;
}

export interface ProcessRun {
  readonly ms: number;
  readonly peakKb: number;
}

/** Runs a Node script in its own process and measures its wall time and peak memory. */
export function runProcess(script: string, args: readonly string[]): ProcessRun {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--require', reporter, script, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  return { ms, peakKb: peakMemoryKb(result.stderr) };
}

export function medianRun(runs: readonly ProcessRun[]): ProcessRun {
  return { ms: median(runs.map((run) => run.ms)), peakKb: median(runs.map((run) => run.peakKb)) };
}

/** `promptops check` against the parse floor over the same files, interleaved so load on a shared machine hits both alike. */
function checkAgainstFloor(corpus: string, floorScript: string, runs: number, checkArgs: readonly string[] = []): { check: ProcessRun; floor: ProcessRun } {
  return checkAgainstFloorScript(corpus, floorScript, runs, () => runProcess(cli, ['check', corpus, '--format', 'json', ...checkArgs]));
}

/** Any run (`check`) against the parse floor over the same files, interleaved as checkAgainstFloor does. */
function checkAgainstFloorScript(corpus: string, floorScript: string, runs: number, check: () => ProcessRun): { check: ProcessRun; floor: ProcessRun } {
  const floor = () => runProcess(floorScript, [corpus]);
  // One unmeasured pair warms the file cache for both.
  floor();
  check();
  const checkRuns: ProcessRun[] = [];
  const floorRuns: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    floorRuns.push(floor());
    checkRuns.push(check());
  }
  return { check: medianRun(checkRuns), floor: medianRun(floorRuns) };
}

function megabytes(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MB`;
}

export const checkBenchmark: Benchmark = async () => {
  const prompt = largePrompt();
  const uses = prompt.template.split('{{').length - 1;
  console.log(`prompt: ${prompt.text.split('\n').length} lines, ${uses} mustaches`);
  const parse = await ratioAgainstBaseline(
    () => checkPrompt({ path: 'large.prompt', text: prompt.text }),
    () => {
      YAML.parseDocument(prompt.frontMatter);
      Handlebars.parse(prompt.template);
    },
    // Enough warm-up for the JIT to reach both sides' steady state on a 2,000-line template.
    { runs: 25, batch: 4, warmup: 20 },
  );
  const parseOk = reportRatio('check vs YAML.parseDocument + Handlebars.parse', parse, parseRatioTarget);

  const corpus = ensureCorpus(2000);
  const largeCorpus = ensureCorpus(20_000);
  const floorScript = bundleParseFloor();
  console.log(`promptops check --format json over ${path.relative(process.cwd(), corpus)}, ${os.availableParallelism()} cores, median of ${pairedRuns} runs each:`);
  const { check, floor } = checkAgainstFloor(corpus, floorScript, pairedRuns);
  const timeOk = reportRatio('check over 2,000 prompt files, wall time vs the parse floor', { taskMs: check.ms, baselineMs: floor.ms, ratio: check.ms / floor.ms }, floorTimeTarget);
  const memoryRatio = check.peakKb / floor.peakKb;
  const memoryOk = memoryRatio <= floorMemoryTarget;
  console.log(
    `${memoryOk ? 'meets ' : 'MISSES'} check over 2,000 prompt files, peak memory vs the parse floor: ${memoryRatio.toFixed(2)}x (target ≤ ${floorMemoryTarget}x; ${megabytes(check.peakKb)} vs ${megabytes(floor.peakKb)})`,
  );
  // By default 2,000 files stay in one thread; two show what a worker would buy and cost at this size.
  const twoThreads = checkAgainstFloor(corpus, floorScript, 3, ['--jobs', '2']);
  console.log(
    `info   the same on two threads (--jobs 2, this one and a worker): ${(twoThreads.check.ms / twoThreads.floor.ms).toFixed(2)}x the floor's time, ${(twoThreads.check.peakKb / twoThreads.floor.peakKb).toFixed(2)}x its memory (${twoThreads.check.ms.toFixed(0)} ms, ${megabytes(twoThreads.check.peakKb)})`,
  );
  // The floor's own work on the same two threads: check does that work and its checks on top, so
  // this ratio is the least `check --jobs 2` could reach on these cores (each thread warms up its
  // own JIT, and the threads share the cores with V8's compiler and GC threads).
  const twoThreadFloor = bundleParseFloor('twoThreadParseFloor');
  const spreadFloor = checkAgainstFloorScript(corpus, floorScript, 5, () => runProcess(twoThreadFloor, ['2', corpus]));
  console.log(
    `info   the parse floor's own work spread the same way over two threads: ${(spreadFloor.check.ms / spreadFloor.floor.ms).toFixed(2)}x the floor's time, ${(spreadFloor.check.peakKb / spreadFloor.floor.peakKb).toFixed(2)}x its memory (${spreadFloor.check.ms.toFixed(0)} ms, ${megabytes(spreadFloor.check.peakKb)}): no check on two threads can do better`,
  );
  const large = medianRun([0, 1, 2].map(() => runProcess(cli, ['check', largeCorpus, '--format', 'json'])));
  const scalingOk = reportRatio('check over 20,000 prompt files vs 2,000', { taskMs: large.ms, baselineMs: check.ms, ratio: large.ms / check.ms }, scalingTarget);
  const largeOneThread = runProcess(cli, ['check', largeCorpus, '--format', 'json', '--jobs', '1']);
  console.log(
    `info   20,000 files: ${(large.ms / 1000).toFixed(1)} s and ${megabytes(large.peakKb)} by default, ${(largeOneThread.ms / 1000).toFixed(1)} s and ${megabytes(largeOneThread.peakKb)} with --jobs 1`,
  );
  return parseOk && timeOk && memoryOk && scalingOk;
};
