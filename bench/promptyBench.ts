import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { medianRun, runProcess, type ProcessRun } from './checkBench';
import { reportRatio } from './measure';
import type { Benchmark } from './runBench';

// Issue 13: `promptops check` over 2,000 .prompty files takes at most 1.5x the floor of parsing
// their YAML and nunjucks-parsing their templates alone, in the same run.
const floorTarget = 1.5;
const pairedRuns = 7;
const repositoryRoot = path.resolve(__dirname, '..', '..');
const benchFolder = path.join(repositoryRoot, '.bench');
const cli = path.join(repositoryRoot, 'dist', 'cli.js');

/** A large Prompty file: 50 inputs (some objects with defaults), about 500 uses over 2,000 lines, loops and filters. */
export function largePrompty(): string {
  const inputs: string[] = [];
  for (let i = 0; i < 40; i++) inputs.push(`  - name: field${i}`, '    kind: string', `    description: field ${i}`);
  for (let i = 0; i < 10; i++) inputs.push(`  - name: record${i}`, '    kind: object', '    default: {name: Ada, count: 3, tags: [a, b]}');
  const lines: string[] = [];
  let uses = 0;
  for (let line = 0; lines.length < 2000 - inputs.length - 5; line++) {
    if (line % 4 === 0 && uses < 500) {
      const use = uses % 5 === 0 ? `{{ record${uses % 10}.name | upper }} has {{ record${uses % 10}.count }} items` : `Field: {{ field${uses % 40} }}`;
      uses += use.split('{{').length - 1;
      lines.push(use);
    } else if (line % 97 === 0) {
      lines.push(`{% for tag in record${line % 10}.tags %}- {{ loop.index }} {{ tag }}{% endfor %}`);
      uses++;
    } else if (line % 200 === 1) {
      lines.push(line % 400 === 1 ? 'user:' : 'system:');
    } else {
      lines.push(`Plain instruction text for line ${line}, describing what the model should do next.`);
    }
  }
  return `---
name: large
inputs:
${inputs.join('\n')}
---
${lines.join('\n')}
`;
}

/** Writes `count` realistic Prompty files (inputs as a list, a loop, filters; every 50th with a typo) once, under .bench/. */
function ensureCorpus(count: number): string {
  const corpusFolder = path.join(benchFolder, `prompty-${count}`);
  const marker = path.join(corpusFolder, '.complete');
  if (fs.existsSync(marker)) return corpusFolder;
  console.log(`Writing ${count} Prompty files to ${path.relative(process.cwd(), corpusFolder)} (once)…`);
  fs.rmSync(corpusFolder, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const folder = path.join(corpusFolder, `team${i % 20}`, `area${i % 7}`);
    fs.mkdirSync(folder, { recursive: true });
    const prompt = `---
name: team${i % 20}/reply${i}
model:
  id: gpt-4o
  apiType: chat
inputs:
  - name: customer
    kind: object
    default: {name: Ana, plan: pro}
  - name: orders
    kind: array
    example: [{id: 7, total: 12.5}]
  - name: ticket${i % 13}
    kind: string
  - name: history
    kind: thread
---
system:
You help customers of plan {{ customer.plan | upper }}.
{% for order in orders %}{{ loop.index }}. Order {{ order.id }}: {{ order.total }}
{% endfor %}
{{ history }}

user:
{{ customer.name }} writes: {{ ticket${i % 13} }}
${i % 50 === 0 ? '{{ customer.nmae }}\n' : ''}`;
    fs.writeFileSync(path.join(folder, `reply${i}.prompty`), prompt);
  }
  fs.writeFileSync(marker, '');
  return corpusFolder;
}

function bundleFloor(): string {
  const outfile = path.join(benchFolder, 'promptyParseFloor.js');
  esbuild.buildSync({ entryPoints: [path.join(repositoryRoot, 'bench', 'promptyParseFloor.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  return outfile;
}

/** `promptops check` against the floor over the same files, interleaved so load on a shared machine hits both alike. */
function checkAgainstFloor(corpus: string, floorScript: string, runs: number, checkArgs: readonly string[] = []): { checked: ProcessRun; parsed: ProcessRun } {
  const check = () => runProcess(cli, ['check', corpus, '--format', 'json', ...checkArgs]);
  const floor = () => runProcess(floorScript, [corpus]);
  floor();
  check();
  const checkRuns: ProcessRun[] = [];
  const floorRuns: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    floorRuns.push(floor());
    checkRuns.push(check());
  }
  return { checked: medianRun(checkRuns), parsed: medianRun(floorRuns) };
}

export const promptyBenchmark: Benchmark = async () => {
  const corpus = ensureCorpus(2000);
  const floorScript = bundleFloor();
  const { checked, parsed } = checkAgainstFloor(corpus, floorScript, pairedRuns);
  console.log(`promptops check --format json over ${path.relative(process.cwd(), corpus)} against yaml + nunjucks parsing, median of ${pairedRuns} runs each:`);
  const met = reportRatio('check over 2,000 .prompty files, wall time vs the parse floor', { taskMs: checked.ms, baselineMs: parsed.ms, ratio: checked.ms / parsed.ms }, floorTarget);
  const twoThreads = checkAgainstFloor(corpus, floorScript, 3, ['--jobs', '2']);
  console.log(`info   the same on two threads (--jobs 2, this one and a worker): ${(twoThreads.checked.ms / twoThreads.parsed.ms).toFixed(2)}x the floor's time (${twoThreads.checked.ms.toFixed(0)} ms)`);
  return met;
};
