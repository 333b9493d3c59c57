import * as assert from 'node:assert/strict';
import { runPromptops } from '../cliRunner';
import { createReleaseRepository, sha256, short, styleV1, summarizeV1, summarizeV2, summarizeV3, type ReleaseRepository } from './releaseFixture';

const file = 'support/summarize.prompt';
const at = '\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z';
const by = 'Ada Lovelace <ada@example\\.com>';

describe('promptops which', () => {
  let repo: ReleaseRepository;

  before(async () => {
    repo = createReleaseRepository();
    const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);
    await promptops('promote', file, repo.v1, '--note', 'first\u001b[2J release');
    await promptops('promote', file, repo.v2);
    await promptops('rollback', file, '--note', 'style partial broke summaries');
    await promptops('canary', file, repo.v3, '--weight', '10', '--yes');
    await promptops('canary', file, repo.v3, '--weight', '50', '--yes');
  });

  after(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);

  it('answers a SHA-256 from a log line with the prompt, its commit, the labels that served it and when, and the exact source', async () => {
    const run = await promptops('which', sha256(summarizeV2));
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 8), [
      'prompt   support/summarize',
      'path     support/summarize.prompt',
      `commit   ${repo.v2}`,
      'date     2026-01-01T10:00:00+00:00',
      'author   Ada Lovelace <ada@example.com>',
      'subject  summarize v2',
      `sha256   ${sha256(summarizeV2)}`,
      'labels',
    ]);
    assert.match(lines[8] ?? '', new RegExp(`^ {2}production {2}from ${at} \\(promote by ${by}\\) until ${at} \\(rollback by ${by}: style partial broke summaries\\)$`));
    assert.equal(lines[9], `source (${Buffer.byteLength(summarizeV2)} bytes, exactly as committed):`);
    assert.equal(lines.slice(10).join('\n'), summarizeV2);
  });

  it('answers a short commit with every tenure of the version, control characters in notes escaped', async () => {
    const run = await promptops('which', short(repo.v1));
    const lines = run.stdout.split('\n');
    assert.equal(lines[2], `commit   ${repo.v1}`);
    assert.match(lines[8] ?? '', new RegExp(`^ {2}production {2}from ${at} \\(promote by ${by}: first\\\\x1b\\[2J release\\) until ${at} \\(promote by ${by}\\)$`));
    assert.match(lines[9] ?? '', new RegExp(`^ {2}production {2}from ${at} \\(rollback by ${by}: style partial broke summaries\\) until now$`));
    assert.ok(!run.stdout.includes('\u001b'));
    assert.equal(lines.slice(11).join('\n'), summarizeV1);
  });

  it('names a running canary with its latest weight, and lists every prompt file a commit changed', async () => {
    const canary = await promptops('which', repo.v3);
    assert.match(canary.stdout, new RegExp(`\\nlabels\\n {2}production canary at 50% {2}from ${at} \\(canary by ${by}\\) until now\\n`));
    const both = await promptops('which', repo.v2, '--format', 'json');
    const versions = JSON.parse(both.stdout).versions;
    assert.deepEqual(versions.map((version: { prompt: string; path: string; sha256: string }) => [version.prompt, version.path, version.sha256]), [
      ['support/summarize', 'support/summarize.prompt', sha256(summarizeV2)],
      ['support/_style', 'support/_style.prompt', sha256(styleV1)],
    ]);
    assert.equal(versions[0].source, summarizeV2);
    assert.deepEqual(versions[0].labels.map((tenure: { label: string; kind: string; from: { action: string }; until: { action: string } }) => [tenure.label, tenure.kind, tenure.from.action, tenure.until.action]), [['production', 'label', 'promote', 'rollback']]);
    assert.deepEqual(versions[1].labels, []);
    assert.equal(sha256(summarizeV3), JSON.parse((await promptops('which', repo.v3, '--format', 'json')).stdout).versions[0].sha256);
  });

  it('says in one sentence when nothing matches', async () => {
    assert.deepEqual(await promptops('which', 'f'.repeat(64)), { code: 1, stdout: '', stderr: `promptops which: No prompt file in this repository's history has SHA-256 ${'f'.repeat(64)}.\n` });
    assert.deepEqual(await promptops('which', short(repo.unrelated)), { code: 1, stdout: '', stderr: `promptops which: Commit ${short(repo.unrelated)} changes no .prompt or .prompty file.\n` });
    const unknown = await promptops('which', 'no-such-branch');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'promptops which: "no-such-branch" is not a commit, branch or tag in this repository.\n');
  });
});
