import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { abbreviateCommits } from '../src/node/git/commitAbbreviations';
import { readFileHistoryPage } from '../src/node/git/fileHistory';
import { FileHistoryCursor } from '../src/node/git/fileHistoryCursor';
import { openRepository } from '../src/node/git/gitRepository';
import { median, ratioAgainstBaseline, reportRatio } from './measure';
import type { Benchmark } from './runBench';

// Issue 5, Performance: listing the versions of a file with 5,000 commits in a repository of
// 20,000 commits costs at most 1.2x the bare `git log --follow` for that file, and the tree shows
// its first page without waiting for the whole history.
const totalCommits = 20_000;
const hotEvery = 4;
const hotFile = 'prompts/support/summarize.prompt';
const hotFileBeforeRename = 'prompts/summarize.prompt';
const renameAt = totalCommits / 2;
const pageSize = 50;
const runs = 7;
const target = 1.2;

const benchFolder = path.resolve(__dirname, '..', '..', '.bench');
const repositoryFolder = path.join(benchFolder, `history-${totalCommits}`);
const completeMarker = path.join(repositoryFolder, '.git', 'promptops-bench-complete');

/** The fast-import stream of the benchmark history: every 4th commit edits the prompt, the others one of 500 notes; the prompt is renamed halfway. */
function* fastImportStream(): Generator<string> {
  const start = Date.UTC(2024, 0, 1) / 1000;
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}`;
  for (let i = 1; i <= totalCommits; i++) {
    const when = `${start + i * 600} +0000`;
    const lines = [`commit refs/heads/main`, `mark :${i}`, `author Bench Author <bench@example.com> ${when}`, `committer Bench Author <bench@example.com> ${when}`, data(`commit ${i}`)];
    if (i > 1) lines.push(`from :${i - 1}`);
    const promptPath = i < renameAt ? hotFileBeforeRename : hotFile;
    if (i === renameAt) lines.push(`R ${hotFileBeforeRename} ${hotFile}`);
    if (i % hotEvery === 0 || i === 1) {
      const body = `---\nmodel: googleai/gemini-2.0-flash\n---\nSummarize the ticket (revision ${i}).\n\n{{ticket}}\n`;
      lines.push(`M 100644 inline ${promptPath}`, data(body));
    } else {
      lines.push(`M 100644 inline notes/note-${i % 500}.md`, data(`note ${i}\n`));
    }
    yield `${lines.join('\n')}\n`;
  }
}

/** Builds the benchmark repository once with `git fast-import`; later runs reuse it from `.bench/`. */
function ensureRepository(): void {
  if (fs.existsSync(completeMarker)) return;
  fs.rmSync(repositoryFolder, { recursive: true, force: true });
  fs.mkdirSync(repositoryFolder, { recursive: true });
  const git = (args: string[], input?: string) => {
    const result = spawnSync('git', args, { cwd: repositoryFolder, input, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  };
  console.log(`Building a repository of ${totalCommits} commits in ${path.relative(process.cwd(), repositoryFolder)} (once)…`);
  git(['init', '--quiet', '--initial-branch=main']);
  git(['fast-import', '--quiet'], [...fastImportStream()].join(''));
  git(['checkout', '--quiet', '--force', 'main']);
  fs.writeFileSync(completeMarker, '');
}

/** The baseline: bare `git log --follow --format=%H` for the file, read to the end. */
function bareGitLog(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['log', '--follow', '--format=%H', '--', hotFile], { cwd: repositoryFolder, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git log exited with ${String(code)}`))));
  });
}

export const fileHistoryBenchmark: Benchmark = async () => {
  ensureRepository();
  const repository = await openRepository(repositoryFolder);
  const expected = totalCommits / hotEvery + 1;
  const all = await readFileHistoryPage(repository, hotFile);
  if (all.versions.length !== expected) throw new Error(`Expected ${expected} versions of ${hotFile}, got ${all.versions.length}.`);

  const full = await ratioAgainstBaseline(() => readFileHistoryPage(repository, hotFile), bareGitLog, runs);
  const met = reportRatio(`all ${expected} versions with sha256 vs bare git log --follow`, full, target);

  const firstPageTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await readFileHistoryPage(repository, hotFile, { limit: pageSize });
    firstPageTimes.push(performance.now() - start);
  }
  const firstPageMs = median(firstPageTimes);
  console.log(
    `info   first page of ${pageSize} versions: ${firstPageMs.toFixed(1)} ms, ${(firstPageMs / full.baselineMs).toFixed(2)}x the full bare git log (${full.baselineMs.toFixed(1)} ms)`,
  );
  // Issue 10: the editor names a page's commits as git abbreviates them, with one more git call per page.
  const firstPage = () => readFileHistoryPage(repository, hotFile, { limit: pageSize });
  const abbreviated = await ratioAgainstBaseline(async () => abbreviateCommits(repository, (await firstPage()).versions.map((version) => version.id)), firstPage, { runs: 9, batch: 4 });
  console.log(`info   first page with git's abbreviations of its ${pageSize} commits: ${abbreviated.taskMs.toFixed(1)} ms, ${abbreviated.ratio.toFixed(2)}x the first page alone (${abbreviated.baselineMs.toFixed(1)} ms)`);
  const pageTen = await loadMoreCost(repository);
  const loadMoreMet = reportRatio(`"Load more": page 10 of the ${expected} versions vs page 1 (the tree's cursor continues the walk)`, pageTen, 1.2);
  return met && loadMoreMet;
};

/**
 * Issue 16: "Load more" continues the walk where the last page stopped, so page 10 costs no more
 * than page 1 (1.2x). Interleaved runs: page 1 on a new cursor, then page 10 on a cursor that has
 * shown pages 1-9 (read before the clock starts, as the user saw them before clicking).
 */
async function loadMoreCost(repository: Awaited<ReturnType<typeof openRepository>>): Promise<{ taskMs: number; baselineMs: number; ratio: number }> {
  const firstPage: number[] = [];
  const tenthPage: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const fresh = new FileHistoryCursor(repository, hotFile);
    let start = performance.now();
    await fresh.nextPage(pageSize);
    const first = performance.now() - start;
    await fresh.close();
    const shown = new FileHistoryCursor(repository, hotFile);
    for (let page = 1; page < 10; page++) await shown.nextPage(pageSize);
    start = performance.now();
    const tenth = await shown.nextPage(pageSize);
    const tenthMs = performance.now() - start;
    await shown.close();
    if (tenth.versions[0]?.subject !== `commit ${totalCommits - 9 * pageSize * hotEvery}`) throw new Error(`Page 10 starts at ${tenth.versions[0]?.subject ?? 'nothing'}.`);
    // The first two rounds warm up git's caches.
    if (i >= 2) {
      firstPage.push(first);
      tenthPage.push(tenthMs);
    }
  }
  const skipping = await ratioAgainstBaseline(() => readFileHistoryPage(repository, hotFile, { skip: 9 * pageSize, limit: pageSize }), () => readFileHistoryPage(repository, hotFile, { limit: pageSize }), runs);
  console.log(`info   page 10 re-walked from HEAD (skip 450): ${skipping.ratio.toFixed(2)}x page 1 (${skipping.taskMs.toFixed(1)} ms vs ${skipping.baselineMs.toFixed(1)} ms), what "Load more" cost before`);
  const taskMs = median(tenthPage);
  const baselineMs = median(firstPage);
  return { taskMs, baselineMs, ratio: taskMs / baselineMs };
}
