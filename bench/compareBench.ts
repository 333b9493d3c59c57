import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { ratioAgainstBaseline, reportRatio } from './measure';
import type { Benchmark } from './runBench';
import { tallyOutcomeFile } from './compareWork';

// Issue 14, Performance: `compare` over 1,000,000 outcome rows costs at most 2x reading and
// JSON-parsing the same lines alone, and stays under 200 MB of memory.
const rows = 1_000_000;
const ratioTarget = 2;
const memoryTargetMb = 200;
const benchFolder = path.resolve(__dirname, '..', '..', '.bench');

/** Writes a million rows once: 200,000 units with five rows each, 10% canary, two metrics, 5% rows of another prompt. */
function ensureOutcomes(file: string, unitsPerArm: (i: number) => string): void {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.partial`;
  const out = fs.openSync(temporary, 'w');
  let buffer: string[] = [];
  for (let i = 0; i < rows; i++) {
    const unit = unitsPerArm(i);
    const canary = Number.parseInt(unit.slice(1), 10) % 10 === 0;
    const prompt = i % 20 === 19 ? 'support/triage' : 'support/summarize';
    const metrics = { resolved: (i * 7) % 10 < (canary ? 6 : 5), latency_ms: 800 + ((i * 37) % 400) };
    buffer.push(JSON.stringify({ prompt, label: 'production', arm: canary ? 'canary' : 'stable', commit: (canary ? 'b' : 'a').repeat(40), unit, metrics }));
    if (buffer.length === 10_000) {
      fs.writeSync(out, `${buffer.join('\n')}\n`);
      buffer = [];
    }
  }
  fs.writeSync(out, buffer.length > 0 ? `${buffer.join('\n')}\n` : '');
  fs.closeSync(out);
  fs.renameSync(temporary, file);
}

/** The baseline: stream the file in the same chunks, split it into lines and JSON.parse each one, nothing else. */
async function readAndParse(file: string): Promise<number> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let parsed = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = pending + decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
      if (JSON.parse(text.slice(start, end)) !== null) parsed++;
      start = end + 1;
    }
    pending = text.slice(start);
  }
  return parsed;
}

/** Peak resident memory of a fresh Node process running the compare work on `file`, in MB. */
function peakMemoryMb(file: string): number {
  const probe = path.join(__dirname, 'compareMemoryProbe.js');
  const result = spawnSync(process.execPath, [probe, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`The memory probe failed: ${result.stderr.trim()}`);
  return Number(result.stdout.trim()) / 1024;
}

export const compareBenchmark: Benchmark = async () => {
  const typical = path.join(benchFolder, 'outcomes-1m.jsonl');
  const distinct = path.join(benchFolder, 'outcomes-1m-distinct-units.jsonl');
  ensureOutcomes(typical, (i) => `u${i % 200_000}`);
  ensureOutcomes(distinct, (i) => `u${i}`);
  console.log(`outcomes: ${rows.toLocaleString('en-US')} rows, 200,000 units, ${(fs.statSync(typical).size / 1e6).toFixed(0)} MB`);
  const result = await ratioAgainstBaseline(() => tallyOutcomeFile(typical), () => readAndParse(typical), { runs: 5, warmup: 1 });
  const ratioOk = reportRatio('compare vs reading + JSON.parse of the same lines', result, ratioTarget);
  const memory = peakMemoryMb(typical);
  const memoryOk = memory < memoryTargetMb;
  console.log(`${memoryOk ? 'meets ' : 'MISSES'} peak memory of compare over 1,000,000 rows: ${memory.toFixed(0)} MB (target < ${memoryTargetMb} MB, a whole Node process)`);
  const worst = peakMemoryMb(distinct);
  console.log(`       for context, 1,000,000 rows of 1,000,000 distinct units: ${worst.toFixed(0)} MB`);
  return ratioOk && memoryOk;
};
