import * as assert from 'node:assert/strict';
import { runPromptops } from '../cliRunner';
import { createReleaseRepository, short, type ReleaseRepository } from './releaseFixture';

const file = 'support/summarize.prompt';
// Clears the screen, returns to the line start, forges a second line, opens a C1 control sequence and reverses the text that follows.
const hostileNote = 'ok\u001b[2J\rReleased by admin\nprompt: fine\u009b31m\u202egnp.';
const escapedNote = 'ok\\x1b[2J\\rReleased by admin\\nprompt: fine\\x9b31m\\u202egnp.';

describe('No forged output: text from files, notes and authors is printed escaped', () => {
  let repo: ReleaseRepository;
  beforeEach(() => {
    repo = createReleaseRepository();
  });
  afterEach(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);

  it('log escapes notes and author names, one line each; --format json keeps them exact', async () => {
    repo.fixture.git(['config', 'user.name', 'Mallory\u001b[32m (approved)\r']);
    await promptops('promote', file, repo.v1, '--note', hostileNote);
    const log = await promptops('log');
    const lines = log.stdout.split('\n');
    assert.equal(lines.length, 3, log.stdout);
    assert.match(lines[0] ?? '', new RegExp(`  promote       support/summarize  production  new → ${short(repo.v1)}  Mallory\\\\x1b\\[32m \\(approved\\) <ada@example\\.com>$`));
    assert.equal(lines[1], `    ${escapedNote}`);
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/.test(log.stdout), 'no control character reaches the terminal');
    const json = JSON.parse((await promptops('log', '--format', 'json')).stdout) as { events: { note: string; by: string }[] };
    assert.equal(json.events[0]?.note, hostileNote);
    assert.equal(json.events[0]?.by, 'Mallory\u001b[32m (approved) <ada@example.com>');
  });

  it('status and promote escape a prompt id that front matter names with control characters', async () => {
    const commit = repo.fixture.commit('hostile id', { files: { 'support/evil.prompt': '---\nname: "evil\\e[31m\\rsupport/summarize"\n---\nHi {{name}}\n' } });
    const promoted = await promptops('promote', 'support/evil.prompt', commit);
    assert.equal(promoted.stdout, `Promoted evil\\x1b[31m\\rsupport/summarize to production: ${short(commit)} (a new label).\n`);
    const status = await promptops('status');
    assert.equal(status.stdout.split('\n')[0], 'evil\\x1b[31m\\rsupport/summarize  (support/evil.prompt)');
    assert.equal(JSON.parse((await promptops('status', '--format', 'json')).stdout).prompts[0].id, 'evil\u001b[31m\rsupport/summarize');
  });

  it('versions escapes commit subjects and author names from git; --format json keeps them exact', async () => {
    const commit = repo.fixture.commit('fix\u001b[2J\rproduction approved', {
      files: { [file]: '---\ninput:\n  schema:\n    ticket: string\n---\nSummarize: {{ticket}}\n' },
      author: { name: 'Eve\u001b[31m', email: 'eve@example.com' },
    });
    const run = await promptops('versions', file);
    assert.match(run.stdout.split('\n')[1] ?? '', new RegExp(`^${short(commit)}  \\S+ \\S+  Eve\\\\x1b\\[31m   fix\\\\x1b\\[2J\\\\rproduction approved$`));
    const json = JSON.parse((await promptops('versions', file, '--format', 'json')).stdout) as { versions: { subject: string; author: string }[] };
    assert.equal(json.versions[0]?.subject, 'fix\u001b[2J\rproduction approved');
    assert.equal(json.versions[0]?.author, 'Eve\u001b[31m <eve@example.com>');
  });

  it('an error that quotes an argument escapes it too', async () => {
    const run = await promptops('show', file, 'v1\u001b[2J');
    assert.equal(run.stderr, 'promptops show: "v1\\x1b[2J" is not a release label of support/summarize, a commit, a branch or a tag.\n');
  });
});
