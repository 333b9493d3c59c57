import * as assert from 'node:assert/strict';
import type { Worker } from 'node:worker_threads';
import { GitFixture } from '../node/gitFixture';
import { runPromptops, type CapturedRun } from './cliRunner';

const schemaOf = (fields: string) => `---\ninput:\n  schema:\n${fields}---\n`;

/** Eight kinds of prompt, so that many files of a large repository have each kind of mistake. */
const promptKinds: readonly ((i: number) => Record<string, string | Uint8Array>)[] = [
  (i) => ({ [`p${i}.prompt`]: `${schemaOf('    name: string\n')}Hello, {{name}}!\n`, [`p${i}.samples.yaml`]: 'ada:\n  name: Ada\nbob:\n  name: Bob\n' }),
  (i) => ({ [`p${i}.prompt`]: `${schemaOf('    name: string\n')}Hello, {{nmae}}!\n` }),
  (i) => ({ [`p${i}.prompt`]: 'Hi.\n{{> footer}}\n{{> signature}}\n' }),
  (i) => ({ [`p${i}.prompt`]: `${schemaOf('    count: integer\n')}{{count}} items\n`, [`p${i}.samples.yaml`]: 'one:\n  count: "3"\ntwo:\n  count: 2\n' }),
  (i) => ({ [`p${i}.prompt`]: `${schemaOf('    name: string\n    plan: string\n')}{{name}} on {{plan}}\n`, [`p${i}.samples.yaml`]: 'a:\n  name: Ada\n' }),
  (i) => ({ [`p${i}.prompt`]: '{{#if ready}}open\n' }),
  (i) => ({ [`p${i}.prompt`]: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, i % 256]) }),
  (i) => ({ [`p${i}.prompty`]: '---\ndescription: greets\n---\nsystem:\nHi\n' }),
];

/** 480 prompt files in 24 folders, six in eight with one mistake each, and a shared partial. */
function writeLargeRepository(repo: GitFixture): void {
  repo.write('partials/_footer.prompt', 'Thanks!\n');
  for (let i = 0; i < 480; i++) {
    const kind = promptKinds[i % promptKinds.length];
    for (const [name, content] of Object.entries(kind?.(i) ?? {})) repo.write(`teams/t${i % 6}/area${i % 4}/${name}`, content);
  }
}

/** Runs the CLI and counts the worker threads it starts. */
async function runCountingWorkers(argv: readonly string[], cwd: string): Promise<CapturedRun & { workers: number }> {
  let workers = 0;
  const counted = (_worker: Worker) => workers++;
  process.on('worker', counted);
  try {
    return { ...(await runPromptops(argv, cwd)), workers };
  } finally {
    process.off('worker', counted);
  }
}

describe('check and test on worker threads (--jobs)', () => {
  let repo: GitFixture;
  before(() => {
    repo = GitFixture.create();
    writeLargeRepository(repo);
  });
  after(() => repo.dispose());

  for (const format of ['text', 'json', 'sarif']) {
    it(`check --format ${format} prints the same on two threads as on one`, async () => {
      const sequential = await runCountingWorkers(['check', '--format', format, '--jobs', '1'], repo.root);
      const parallel = await runCountingWorkers(['check', '--format', format, '--jobs', '2'], repo.root);
      assert.equal(sequential.workers, 0);
      assert.equal(parallel.workers, 1);
      assert.equal(parallel.code, 1);
      assert.equal(parallel.code, sequential.code);
      assert.equal(parallel.stderr, '');
      assert.equal(parallel.stdout, sequential.stdout);
    });
  }

  it('check on two threads reports every mistake of every file, in file order', async () => {
    const run = await runCountingWorkers(['check', 'teams', '--jobs', '2'], repo.root);
    assert.equal(run.workers, 1);
    const lines = run.stdout.split('\n');
    assert.deepEqual(lines.slice(-2), ['420 problems (360 errors, 60 warnings) in 360 files; 480 prompt files checked.', '']);
    const inFolder = (folder: string) => lines.filter((line) => line.startsWith(folder)).slice(0, 5);
    assert.deepEqual(inFolder('teams/t1/area1/'), [
      "teams/t1/area1/p1.prompt:4:5: warning unused-variable: 'name' is declared in the input schema but the template never uses it.",
      "teams/t1/area1/p1.prompt:6:10: error undeclared-variable: 'nmae' is not declared in the input schema; did you mean 'name'?",
      'teams/t1/area1/p109.prompt:1:1: error template-syntax: {{#if ready}} is never closed; add {{/if}} after its content.',
      "teams/t1/area1/p121.prompt:4:5: warning unused-variable: 'name' is declared in the input schema but the template never uses it.",
      "teams/t1/area1/p121.prompt:6:10: error undeclared-variable: 'nmae' is not declared in the input schema; did you mean 'name'?",
    ]);
    assert.deepEqual(inFolder('teams/t2/area2/').slice(0, 2), [
      'teams/t2/area2/p110.prompt:1:1: error unreadable-file: teams/t2/area2/p110.prompt is a binary file, not a text prompt.',
      "teams/t2/area2/p122.prompt:3:5: error missing-partial: No partial named 'signature' was found (dotprompt looks for _signature.prompt beside the prompt or in a partials/ folder).",
    ]);
    assert.deepEqual(inFolder('teams/t3/area3/').slice(0, 1), ["teams/t3/area3/p123.samples.yaml:2:10: error sample-type-mismatch: In sample set 'one', 'count' must be an integer, not a string."]);
  });

  it('check without --jobs keeps a few hundred files in one thread, where threads would not pay', async () => {
    const run = await runCountingWorkers(['check'], repo.root);
    assert.equal(run.workers, 0);
    assert.match(run.stdout, /; 481 prompt files checked\.\n/);
  });

  it('--jobs 1 works in one thread', async () => {
    const run = await runCountingWorkers(['check', 'teams/t0/area0', '--jobs', '1'], repo.root);
    assert.equal(run.workers, 0);
    assert.match(run.stdout, /; 40 prompt files checked\.\n/);
  });

  it('test prints the same on two threads as on one, before and after --update writes the snapshots', async function () {
    // Five full runs over 480 prompts: about 11 s on two idle cores, past mocha's 20 s when other builds share them.
    this.timeout(120_000);
    const before = await runCountingWorkers(['test', '--jobs', '1'], repo.root);
    const beforeParallel = await runCountingWorkers(['test', '--jobs', '2'], repo.root);
    assert.equal(beforeParallel.workers, 1);
    assert.equal(beforeParallel.stdout, before.stdout);
    assert.match(before.stdout, /\n0 of 480 prompts passed; 480 failed\.\n$/);

    const update = await runCountingWorkers(['test', '--update', '--jobs', '2'], repo.root);
    assert.equal(update.workers, 1);
    assert.match(update.stdout, /\n300 of 480 prompts passed \(snapshots 300 written\); 180 failed\.\n$/);
    const after = await runCountingWorkers(['test', '--jobs', '1'], repo.root);
    const afterParallel = await runCountingWorkers(['test', '--jobs', '2'], repo.root);
    assert.equal(afterParallel.stdout, after.stdout);
    assert.match(after.stdout, /\n300 of 480 prompts passed; 180 failed\.\n$/);
  });

  it('--jobs must be a whole number of threads from 1', async () => {
    for (const jobs of ['0', 'two', '1.5']) {
      const run = await runPromptops(['check', '--jobs', jobs], repo.root);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, `promptops check: --jobs must be a whole number of threads from 1, not "${jobs}".\n`);
    }
  });
});
