import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { runPromptops } from './cliRunner';
import { addedSource, bulletedSource, createPromptHistory, shortenedSource, type PromptHistory } from './promptHistoryFixture';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('promptops versions', () => {
  let history: PromptHistory;

  beforeEach(() => {
    history = createPromptHistory();
  });

  afterEach(() => history.fixture.dispose());

  it('prints a table of versions, newest first, with labels and the old path before a rename', async () => {
    const run = await runPromptops(['versions', 'support/tickets/summarize.prompt'], history.fixture.root);
    const short = (sha: string) => sha.slice(0, 7);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    assert.equal(
      run.stdout,
      [
        'COMMIT   DATE              AUTHOR        SUBJECT',
        `${short(history.bulleted)}  2026-01-01 12:00  Ada Lovelace  summarize: bullet points`,
        `${short(history.moved)}  2026-01-01 11:00  Ada Lovelace  Move ticket prompts into support/tickets`,
        `${short(history.shortened)}  2026-01-01 10:00  Grace Hopper  summarize: one sentence  [production]  (as support/summarize.prompt)`,
        `${short(history.added)}  2026-01-01 09:00  Ada Lovelace  Add ticket summarizer  (as support/summarize.prompt)`,
        '',
      ].join('\n'),
    );
  });

  it('prints the DESIGN §3 version objects as JSON', async () => {
    const run = await runPromptops(['versions', path.join(history.fixture.root, 'support/tickets/summarize.prompt'), '--format', 'json'], history.fixture.plainFolder());
    assert.equal(run.code, 0);
    const ada = 'Ada Lovelace <ada@example.com>';
    assert.deepEqual(JSON.parse(run.stdout), {
      file: 'support/tickets/summarize.prompt',
      promptId: 'support/tickets/summarize',
      truncated: false,
      versions: [
        { id: history.bulleted, source: 'git', date: '2026-01-01T12:00:00+00:00', author: ada, subject: 'summarize: bullet points', sha256: sha256(bulletedSource), labels: [], path: 'support/tickets/summarize.prompt' },
        { id: history.moved, source: 'git', date: '2026-01-01T11:00:00+00:00', author: ada, subject: 'Move ticket prompts into support/tickets', sha256: sha256(shortenedSource), labels: [], path: 'support/tickets/summarize.prompt' },
        {
          id: history.shortened,
          source: 'git',
          date: '2026-01-01T10:00:00+00:00',
          author: 'Grace Hopper <grace@example.com>',
          subject: 'summarize: one sentence',
          sha256: sha256(shortenedSource),
          labels: ['production'],
          path: 'support/summarize.prompt',
        },
        { id: history.added, source: 'git', date: '2026-01-01T09:00:00+00:00', author: ada, subject: 'Add ticket summarizer', sha256: sha256(addedSource), labels: [], path: 'support/summarize.prompt' },
      ],
    });
  });

  it('still lists the versions, without labels, when the release manifest does not parse', async () => {
    history.fixture.write('prompt-releases.yaml', 'prompts: [unclosed\n');
    const run = await runPromptops(['versions', 'support/tickets/summarize.prompt'], history.fixture.root);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /^promptops versions: The release manifest does not parse: [^\n]+\. Labels are not shown\.\n$/);
    assert.doesNotMatch(run.stdout, /\[production\]/);
    assert.equal(run.stdout.split('\n').length, 6);
  });

  it('says when a shallow clone cuts the history', async () => {
    const clone = history.fixture.shallowClone(2);
    const text = await runPromptops(['versions', 'support/tickets/summarize.prompt'], clone);
    const json = await runPromptops(['versions', 'support/tickets/summarize.prompt', '--format', 'json'], clone);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /\n\nThe history stops at the boundary of a shallow clone; fetch more history \(git fetch --unshallow\) to see older versions\.\n$/);
    assert.equal(JSON.parse(json.stdout).truncated, true);
  });

  it('says there are no versions yet for a file never committed', async () => {
    history.fixture.write('new.prompt', 'Hello\n');
    const run = await runPromptops(['versions', 'new.prompt'], history.fixture.root);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, 'No committed versions of new.prompt yet.\n');
  });

  it('exits 2 with one sentence for a file that neither exists nor has history', async () => {
    const run = await runPromptops(['versions', 'ghost.prompt'], history.fixture.root);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'promptops versions: ghost.prompt does not exist and has no committed versions.\n');
  });

  it('exits 2 with one sentence outside a Git repository', async () => {
    const plain = history.fixture.plainFolder();
    const run = await runPromptops(['versions', 'a.prompt'], plain);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `promptops versions: ${plain} is not inside a Git repository.\n`);
  });

  it('exits 2 with one sentence when git is missing', async () => {
    const run = await runPromptops(['versions', 'support/tickets/summarize.prompt'], history.fixture.root, { PROMPTOPS_GIT: path.join(history.fixture.root, 'no-git-here') });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, `promptops versions: Git was not found at ${path.join(history.fixture.root, 'no-git-here')}; install Git to see prompt versions.\n`);
  });

  it('exits 2 on a missing FILE or an unknown format', async () => {
    const missing = await runPromptops(['versions'], history.fixture.root);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'promptops versions: expects one FILE. Usage: promptops versions FILE [--format text|json] [--source langfuse]\n');
    const format = await runPromptops(['versions', 'a.prompt', '--format', 'yaml'], history.fixture.root);
    assert.equal(format.code, 2);
    assert.equal(format.stderr, 'promptops versions: --format must be one of text, json, not "yaml".\n');
  });
});
