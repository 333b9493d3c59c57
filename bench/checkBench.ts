import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import Handlebars from 'handlebars';
import YAML from 'yaml';
import { checkPrompt } from '../src/core/checkPrompt';
import { median, ratioAgainstBaseline, reportRatio } from './measure';
import type { Benchmark } from './runBench';

// Issue 3, Performance: checking a 2,000-line prompt with 500 variable uses costs at most 1.5x
// YAML.parseDocument + Handlebars.parse on the same text; `promptops check` over 2,000 prompt
// files finishes in under 3 s on a 2-core machine.
const parseRatioTarget = 1.5;
const cliSecondsTarget = 3;
const repositoryRoot = path.resolve(__dirname, '..', '..');
const corpusFolder = path.join(repositoryRoot, '.bench', 'check-2000');

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

/** Writes 2,000 prompts (a third with sample files, some sharing partials) once, under .bench/. */
function ensureCorpus(): void {
  const marker = path.join(corpusFolder, '.complete');
  if (fs.existsSync(marker)) return;
  fs.rmSync(corpusFolder, { recursive: true, force: true });
  fs.mkdirSync(path.join(corpusFolder, 'partials'), { recursive: true });
  fs.writeFileSync(path.join(corpusFolder, 'partials', '_style.prompt'), 'Be concise and friendly.\n');
  for (let i = 0; i < 2000; i++) {
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
}

function runCli(args: readonly string[]): number {
  const start = performance.now();
  spawnSync(process.execPath, [path.join(repositoryRoot, 'dist', 'cli.js'), ...args], { stdio: 'ignore' });
  return performance.now() - start;
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

  ensureCorpus();
  const cliRuns = [0, 1, 2, 3, 4].map(() => runCli(['check', corpusFolder, '--format', 'json']));
  const bareNodeRuns = [0, 1, 2, 3, 4].map(() => runCli(['--version']));
  const seconds = median(cliRuns) / 1000;
  const cliOk = seconds < cliSecondsTarget;
  console.log(
    `${cliOk ? 'meets ' : 'MISSES'} promptops check over 2,000 prompt files: ${seconds.toFixed(2)} s (target < ${cliSecondsTarget} s; the CLI's own start-up is ${(median(bareNodeRuns) / 1000).toFixed(2)} s of it)`,
  );
  return parseOk && cliOk;
};
