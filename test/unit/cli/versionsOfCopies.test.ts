import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitFixture } from '../node/gitFixture';
import { runPromptops } from './cliRunner';

const original = `---
input:
  schema:
    ticket: string
---
Summarize this support ticket in a few short bullet points for the engineer on call.
Ticket: {{ticket}}
`;

describe('Versions follow renames, not copies', () => {
  let repo: GitFixture;
  let first: string;
  let second: string;
  let copy: string;
  let copyEdited: string;
  beforeEach(() => {
    repo = GitFixture.create();
    first = repo.commit('summarize v1', { files: { 'support/summarize.prompt': original } });
    second = repo.commit('summarize v2', { files: { 'support/summarize.prompt': `${original}Keep it short.\n` } });
    // A new prompt that starts as a copy of the summarizer: git reports it as a copy (C), and --follow would go on through summarize's history.
    fs.copyFileSync(path.join(repo.root, 'support/summarize.prompt'), path.join(repo.root, 'support/digest.prompt'));
    copy = repo.commit('digest starts from summarize', { files: { 'support/digest.prompt': fs.readFileSync(path.join(repo.root, 'support/summarize.prompt'), 'utf8') } });
    copyEdited = repo.commit('digest: daily', { files: { 'support/digest.prompt': `${original}Keep it short.\nOnce a day.\n` } });
  });
  afterEach(() => repo.dispose());

  const short = (sha: string) => sha.slice(0, 7);

  it('a copy starts its own history, its oldest version saying where it was created from', async () => {
    const run = await runPromptops(['versions', 'support/digest.prompt'], repo.root);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.split('\n').map((line) => line.replace(/  \d{4}-\d\d-\d\d \d\d:\d\d  /, '  DATE  ')), [
      'COMMIT   DATE              AUTHOR        SUBJECT',
      `${short(copyEdited)}  DATE  Ada Lovelace  digest: daily`,
      `${short(copy)}  DATE  Ada Lovelace  digest starts from summarize  (created from support/summarize.prompt at ${short(second)})`,
      '',
    ]);
    const json = JSON.parse((await runPromptops(['versions', 'support/digest.prompt', '--format', 'json'], repo.root)).stdout) as { versions: { id: string; createdFrom?: unknown }[] };
    assert.deepEqual(json.versions.map((version) => [version.id, version.createdFrom ?? null]), [
      [copyEdited, null],
      [copy, { path: 'support/summarize.prompt', commit: second }],
    ]);
  });

  it('the original keeps its whole history, and a version from before the copy is not a version of the copy', async () => {
    const original = await runPromptops(['versions', 'support/summarize.prompt', '--format', 'json'], repo.root);
    assert.deepEqual((JSON.parse(original.stdout) as { versions: { id: string }[] }).versions.map((version) => version.id), [second, first]);
    const promoted = await runPromptops(['promote', 'support/digest.prompt', first], repo.root);
    assert.deepEqual(promoted, { code: 2, stdout: '', stderr: `promptops promote: support/digest.prompt does not exist in commit ${short(first)}.\n` });
  });
});
