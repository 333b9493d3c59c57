import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitWithAmbiguousPrefix } from '../../../harness/ambiguousCommit';
import { summarizeV1, summarizeV2, useRegistryCliFixture } from './registryCliFixture';

describe('promptops versions, show, diff, promote, rollback and log with --source langfuse', () => {
  const fixture = useRegistryCliFixture();

  /** Langfuse has three versions of support/summarize: v1 and v2 pushed from Git, v3 edited in the Langfuse UI. */
  async function threeVersions(): Promise<void> {
    const { promptops, repo, v1 } = fixture();
    repo.git(['checkout', '--quiet', v1, '--', 'support/summarize.prompt']);
    repo.git(['commit', '--quiet', '-m', 'back to v1 for the test']);
    // The file now has v1's bytes at a new commit; push it, then v2's bytes.
    await promptops('push', 'support/summarize.prompt', '--label', 'production', '--message', 'First');
    repo.commit('summarize v2 again', { files: { 'support/summarize.prompt': summarizeV2 } });
    await promptops('push', 'support/summarize.prompt', '--label', 'staging', '--message', 'Second');
    fixture().server.seed('support/summarize', [{ prompt: [{ role: 'user', content: 'Edited in the UI: {{ticket}}' }], commitMessage: 'UI edit \u001b[31mred\u001b[0m', createdAt: '2026-02-01T10:00:00.000Z' }]);
  }

  it('versions names a provenance commit as git abbreviates it in the repository: longer than 7 characters where 7 are ambiguous', async () => {
    const { promptops, repo } = fixture();
    repo.write('support/summarize.prompt', summarizeV1);
    repo.git(['add', 'support/summarize.prompt']);
    const ambiguous = commitWithAmbiguousPrefix(repo.root, 'summarize back to v1');
    await promptops('push', 'support/summarize.prompt', '--label', 'production', '--message', 'First');
    const abbreviated = repo.git(['log', '-1', '--format=%h', ambiguous]);
    assert.ok(abbreviated.length > 7, `git abbreviates ${ambiguous} to ${abbreviated}`);
    const listed = await promptops('versions', 'support/summarize', '--source', 'langfuse');
    assert.match(listed.stdout.split('\n')[1] ?? '', new RegExp(`^v1 {7}\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d {2}First {2}\\[latest, production\\] {2}\\(git ${abbreviated}\\)$`));
  });

  it('versions lists registry versions newest first with labels and where they came from; control characters are escaped', async () => {
    await threeVersions();
    const { promptops } = fixture();
    const listed = await promptops('versions', 'support/summarize', '--source', 'langfuse');
    assert.equal(listed.code, 0);
    const lines = listed.stdout.split('\n');
    assert.equal(lines[0], 'VERSION  DATE              MESSAGE');
    assert.equal(lines[1], 'v3       2026-02-01 10:00  UI edit \\x1b[31mred\\x1b[0m  [latest]');
    assert.match(lines[2] ?? '', /^v2 {7}\d{4}-\d\d-\d\d \d\d:\d\d {2}Second {2}\[staging\] {2}\(git [0-9a-f]{7}\)$/);
    assert.match(lines[3] ?? '', /^v1 {7}\d{4}-\d\d-\d\d \d\d:\d\d {2}First {2}\[production\] {2}\(git [0-9a-f]{7}\)$/);
    const json = JSON.parse((await promptops('versions', 'support/summarize', '--source=langfuse', '--format', 'json')).stdout) as { versions: { id: string; source: string; labels: string[]; subject: string }[] };
    assert.deepEqual(json.versions.map(({ id, source, labels, subject }) => ({ id, source, labels, subject })), [
      { id: '3', source: 'registry', labels: ['latest'], subject: 'UI edit \u001b[31mred\u001b[0m' },
      { id: '2', source: 'registry', labels: ['staging'], subject: 'Second' },
      { id: '1', source: 'registry', labels: ['production'], subject: 'First' },
    ]);
  });

  it('show prints a pushed version as the file it was pushed from, and a UI version as a .prompt', async () => {
    await threeVersions();
    const { promptops } = fixture();
    assert.equal((await promptops('show', 'support/summarize', 'production', '--source', 'langfuse')).stdout, summarizeV1);
    assert.equal((await promptops('show', 'support/summarize', 'v3', '--source', 'langfuse')).stdout, '{{role "user"}}\nEdited in the UI: {{ticket}}\n');
  });

  it('diff compares registry versions, and a version with the working tree, also rendered', async () => {
    await threeVersions();
    const { promptops } = fixture();
    const source = await promptops('diff', 'support/summarize', 'production', 'staging', '--source', 'langfuse');
    assert.match(source.stdout, /^=+\n--- support\/summarize \(production v1\)\n\+\+\+ support\/summarize \(staging v2\)\n/);
    assert.match(source.stdout, /\n-You summarize support tickets\.\n\+You summarize support tickets in two sentences\.\n/);
    assert.equal((await promptops('diff', 'support/summarize', 'staging', '--source', 'langfuse')).stdout, '', 'staging is what the working tree has');
    const rendered = await promptops('diff', 'support/summarize', 'production', 'staging', '--source', 'langfuse', '--rendered', '--sample', 'billing');
    assert.equal(
      rendered.stdout,
      [
        '===================================================================',
        '--- support/summarize (production v1)\trendered with sample set "billing"',
        '+++ support/summarize (staging v2)\trendered with sample set "billing"',
        '@@ -1,7 +1,7 @@',
        ' ── system ──',
        ' ',
        '-You summarize support tickets.',
        '+You summarize support tickets in two sentences.',
        ' ',
        ' ── user ──',
        ' ',
        '-Summarize: I was charged twice.',
        "+Summarize Grace's ticket: I was charged twice.",
        '',
      ].join('\n'),
    );
  });

  it('promote moves a Langfuse label and journals it; rollback walks the journal back; log lists the moves', async () => {
    await threeVersions();
    const { promptops, server, repo } = fixture();
    const promoted = await promptops('promote', 'support/summarize', 'staging', '--source', 'langfuse', '--note', 'ready');
    assert.deepEqual(promoted, { code: 0, stdout: `Promoted support/summarize to production in Langfuse (${server.url}): v1 → v2.\n`, stderr: '' });
    assert.equal((await promptops('promote', 'support/summarize', '3', '--source', 'langfuse')).stdout, `Promoted support/summarize to production in Langfuse (${server.url}): v2 → v3.\n`);
    assert.equal((await promptops('promote', 'support/summarize', 'v3', '--source', 'langfuse')).stdout, 'support/summarize production already points at v3. Nothing to do.\n');

    assert.equal((await promptops('rollback', 'support/summarize', '--source', 'langfuse')).stdout, `Rolled back support/summarize production in Langfuse (${server.url}): v3 → v2.\n`);
    assert.equal((await promptops('rollback', 'support/summarize', '--source', 'langfuse')).stdout, `Rolled back support/summarize production in Langfuse (${server.url}): v2 → v1.\n`);
    const third = await promptops('rollback', 'support/summarize', '--source', 'langfuse');
    assert.equal(third.code, 1);
    assert.equal(third.stderr, 'promptops rollback: support/summarize production has no earlier version in the PromptOps journal: v1 is the first it served; pass --to VERSION to pick one.\n');
    assert.deepEqual(server.labelsOf('support/summarize').get(1), ['production']);

    const journal = fs.readFileSync(path.join(repo.root, '.promptops/registry-journal.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(journal.map(({ action, label, from, to }) => [action, label, from, to]), [
      ['push', 'production', null, 1],
      ['push', 'staging', null, 2],
      ['promote', 'production', 1, 2],
      ['promote', 'production', 2, 3],
      ['rollback', 'production', 3, 2],
      ['rollback', 'production', 2, 1],
    ]);
    const log = await promptops('log', 'support/summarize', '--source', 'langfuse', '--label', 'production');
    const rows = log.stdout.split('\n').filter((line) => /^\d{4}-/.test(line));
    assert.equal(rows.length, 5);
    assert.match(rows[0] ?? '', new RegExp(`^\\S+Z  rollback  support/summarize  production  v2 → v1  Ada Lovelace <ada@example\\.com>  ${server.url.replace(/\./g, '\\.')}$`));
    assert.match(log.stdout, /promote   support\/summarize  production  v1 → v2 .*\n {4}ready\n/);
  });

  it('rollback without a journal asks for --to, and --to takes a version or a label', async () => {
    const { promptops, server } = fixture();
    server.seed('support/triage', [{ prompt: 'a {{ticket}}' }, { prompt: 'b {{ticket}}', labels: ['production'] }, { prompt: 'c {{ticket}}', labels: ['staging'] }]);
    const refused = await promptops('rollback', 'support/triage', '--source', 'langfuse');
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr, 'promptops rollback: The PromptOps journal has no moves of support/triage production (the registry keeps no label history); pass --to VERSION to pick the version to return to.\n');
    assert.equal((await promptops('rollback', 'support/triage', '--source', 'langfuse', '--to', '1')).stdout, `Rolled back support/triage production in Langfuse (${server.url}): v2 → v1.\n`);
    assert.equal((await promptops('rollback', 'support/triage', '--source', 'langfuse', '--label', 'staging', '--to', 'production')).stdout, `Rolled back support/triage staging in Langfuse (${server.url}): v3 → v1.\n`);
  });

  it('promote refuses the reserved latest label and bad names before calling Langfuse', async () => {
    const { promptops, server } = fixture();
    const latest = await promptops('promote', 'support/triage', '1', '--source', 'langfuse', '--label', 'latest');
    assert.deepEqual([latest.code, latest.stderr], [1, 'promptops promote: "latest" is managed by the registry (it always marks the newest version), so it cannot be set.\n']);
    const bad = await promptops('promote', 'support/triage', '1', '--source', 'langfuse', '--label', 'Prod\u0007');
    assert.equal(bad.stderr, 'promptops promote: "Prod\\x07" is not a valid label name: use 1 to 36 characters of a-z, 0-9, "_", "." and "-".\n');
    assert.deepEqual(server.requests, []);
  });
});
