import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitFixture } from '../node/gitFixture';
import { runPromptops } from './cliRunner';

describe('promptops test', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = GitFixture.create();
    repo.write('support/summarize.prompt', '---\ninput:\n  schema:\n    ticket: string\n---\nSummarize: {{ticket}}\n{{> style}}\n');
    repo.write('support/summarize.samples.yaml', 'short:\n  ticket: Login fails\nlong:\n  ticket: The dashboard is down for everyone\n');
    repo.write('partials/_style.prompt', 'Be brief.');
  });
  afterEach(() => repo.dispose());

  const snapshot = (): string => path.join(repo.root, 'support', '__snapshots__', 'summarize.prompt.snap');

  it('fails when a prompt has no snapshot yet, and --update writes one per prompt with every sample set', async () => {
    const first = await runPromptops(['test'], repo.root);
    assert.equal(first.code, 1);
    assert.match(first.stdout, /✗ support\/summarize\.prompt: no snapshot yet \(support\/__snapshots__\/summarize\.prompt\.snap\); run promptops test --update to write it/);
    const update = await runPromptops(['test', '--update'], repo.root);
    assert.equal(update.code, 0);
    assert.match(update.stdout, /✓ support\/summarize\.prompt: 2 sample sets \(snapshot written\)/);
    const text = fs.readFileSync(snapshot(), 'utf8');
    assert.match(text, /═══ sample set: long ═══\n── user ──\nSummarize: The dashboard is down for everyone\nBe brief\./);
    assert.match(text, /═══ sample set: short ═══/);
    assert.ok(!fs.existsSync(path.join(repo.root, 'partials', '__snapshots__')), 'partials get no snapshot of their own');
  });

  it('passes while renders are unchanged, and fails with a diff when the template changes', async () => {
    await runPromptops(['test', '--update'], repo.root);
    assert.equal((await runPromptops(['test'], repo.root)).code, 0);
    repo.write('support/summarize.prompt', '---\ninput:\n  schema:\n    ticket: string\n---\nSummarise: {{ticket}}\n{{> style}}\n');
    const run = await runPromptops(['test', 'support'], repo.root);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /✗ support\/summarize\.prompt: the rendering changed/);
    assert.match(run.stdout, /^-Summarize: Login fails$/m);
    assert.match(run.stdout, /^\+Summarise: Login fails$/m);
    assert.match(run.stdout, /0 of 1 prompts passed; 1 failed\./);
  });

  it('a sample change shows in the diff too, and --update accepts it', async () => {
    await runPromptops(['test', '--update'], repo.root);
    repo.write('support/summarize.samples.yaml', 'short:\n  ticket: Logout fails\nlong:\n  ticket: The dashboard is down for everyone\n');
    const run = await runPromptops(['test'], repo.root);
    assert.match(run.stdout, /^\+Summarize: Logout fails$/m);
    const update = await runPromptops(['test', '--update'], repo.root);
    assert.match(update.stdout, /snapshot updated/);
    assert.equal((await runPromptops(['test'], repo.root)).code, 0);
  });

  it('a sample set that does not render fails the prompt with the reason', async () => {
    repo.write('support/summarize.prompt', 'Summarize: {{ticket}}\n{{> nowhere}}\n');
    const run = await runPromptops(['test', '--update'], repo.root);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /✗ support\/summarize\.prompt: sample set "short" does not render: support\/summarize\.prompt:2:5: No partial named 'nowhere' was found \(dotprompt looks for _nowhere\.prompt beside the prompt or in a partials\/ folder\)\./);
    assert.ok(!fs.existsSync(snapshot()), 'nothing is written for a prompt that fails');
  });

  it('prints the set names and renderings it quotes with control characters visible, keeping the diff\'s lines and tabs', async () => {
    repo.write('support/summarize.samples.yaml', 'short:\n  ticket: "Login\\tfails\\x1b[2J"\n');
    await runPromptops(['test', '--update'], repo.root);
    repo.write('support/summarize.prompt', '---\ninput:\n  schema:\n    ticket: string\n---\nSummarise: {{ticket}}\n{{> style}}\n');
    const changed = await runPromptops(['test'], repo.root);
    assert.equal(changed.code, 1);
    assert.match(changed.stdout, /^-Summarize: Login\tfails\\x1b\[2J$/m);
    assert.match(changed.stdout, /^\+Summarise: Login\tfails\\x1b\[2J$/m);
    repo.write('support/summarize.samples.yaml', '"sh\\x1bort":\n  ticket: Login fails\n');
    repo.write('support/summarize.prompt', 'Summarize: {{ticket}}\n{{> nowhere}}\n');
    const failed = await runPromptops(['test'], repo.root);
    assert.match(failed.stdout, /✗ support\/summarize\.prompt: sample set "sh\\x1bort" does not render/);
    for (const output of [changed.stdout, failed.stdout]) assert.ok(!output.includes('\u001b'), output);
  });
});

describe('promptops test, arguments', () => {
  it('a path that does not exist is a usage error in one sentence (exit 2)', async () => {
    const repo = GitFixture.create();
    try {
      const run = await runPromptops(['test', 'nowhere'], repo.root);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'promptops test: nowhere does not exist.\n');
    } finally {
      repo.dispose();
    }
  });
});
