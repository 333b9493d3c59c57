import * as assert from 'node:assert/strict';
import { runPromptops } from './cliRunner';
import { addedSource, createPromptHistory, type PromptHistory } from './promptHistoryFixture';

const separator = '===================================================================';

describe('promptops diff', () => {
  let history: PromptHistory;
  const file = 'support/tickets/summarize.prompt';
  const short = (sha: string) => sha.slice(0, 7);

  beforeEach(() => {
    history = createPromptHistory();
  });

  afterEach(() => history.fixture.dispose());

  it('prints a unified diff between two versions, headed by file name and version', async () => {
    const run = await runPromptops(['diff', file, history.added, 'production'], history.fixture.root);
    assert.equal(run.code, 0);
    assert.equal(
      run.stdout,
      [
        separator,
        `--- summarize.prompt (${short(history.added)})`,
        `+++ summarize.prompt (production ${short(history.shortened)})`,
        '@@ -6,6 +6,6 @@',
        '   default:',
        '     tone: calm',
        ' ---',
        '-Summarize this ticket in a {{tone}} tone.',
        '+Summarize this ticket in one sentence, in a {{tone}} tone.',
        ' ',
        ' {{ticket}}',
        '',
      ].join('\n'),
    );
  });

  it('compares with the working tree when TO is left out', async () => {
    history.fixture.write(file, 'Rewritten\n');
    const run = await runPromptops(['diff', file, 'latest'], history.fixture.root);
    assert.equal(run.code, 0);
    assert.match(run.stdout, new RegExp(`^${separator}\n--- summarize.prompt \\(${short(history.bulleted)}\\)\n\\+\\+\\+ summarize.prompt \\(working tree\\)\n`));
    assert.match(run.stdout, /\n\+Rewritten\n$/);
  });

  it('shows control characters in the text as escapes, keeping its lines and tabs', async () => {
    history.fixture.write(file, 'Rewritten\u001b[2J\n\tindented\u202e\n');
    const run = await runPromptops(['diff', file, 'latest'], history.fixture.root);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /\n\+Rewritten\\x1b\[2J\n\+\tindented\\u202e\n$/);
    assert.ok(!/[\u001b\u202e]/.test(run.stdout));
  });

  it('prints nothing and exits 0 when the versions are the same', async () => {
    const run = await runPromptops(['diff', file, history.shortened, history.moved], history.fixture.root);
    assert.deepEqual(run, { code: 0, stdout: '', stderr: '' });
  });

  it('--rendered --sample compares what the model receives for that sample set, front matter defaults included', async () => {
    const run = await runPromptops(['diff', file, 'production', 'latest', '--rendered', '--sample', 'outage'], history.fixture.root);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    assert.equal(
      run.stdout,
      [
        separator,
        `--- summarize.prompt (production ${short(history.shortened)})\trendered with sample set "outage"`,
        `+++ summarize.prompt (${short(history.bulleted)})\trendered with sample set "outage"`,
        '@@ -1,4 +1,4 @@',
        ' ── user ──',
        '-Summarize this ticket in one sentence, in a urgent tone.',
        '+Summarize this ticket in at most three bullet points, in a urgent tone.',
        ' ',
        ' The dashboard returns 502 since 09:00.',
        '',
      ].join('\n'),
    );
  });

  it('--rendered without --sample uses the first sample set, as render does', async () => {
    const run = await runPromptops(['diff', file, 'production', 'latest', '--rendered'], history.fixture.root);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /\trendered with sample set "outage"\n/);
  });

  it('--sample default renders each version with its own front matter defaults alone', async () => {
    history.fixture.write(file, addedSource.replace('tone: calm', 'tone: friendly'));
    const run = await runPromptops(['diff', file, history.added, '--rendered', '--sample', 'default'], history.fixture.root);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /\trendered with sample set "default"\n/);
    assert.match(run.stdout, /\n-Summarize this ticket in a calm tone\.\n\+Summarize this ticket in a friendly tone\.\n/);
  });

  it('renders each version with the partials of its own commit', async () => {
    history.fixture.commit('style v1', { files: { 'support/tickets/_style.prompt': 'Be brief.', [file]: 'Hello.\n{{> style}}\n' } });
    const before = history.fixture.git(['rev-parse', 'HEAD']);
    history.fixture.commit('style v2', { files: { 'support/tickets/_style.prompt': 'Be very brief.' } });
    const run = await runPromptops(['diff', file, before, 'WORKING', '--rendered'], history.fixture.root);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /\n-Be brief\.\n\+Be very brief\.\n/);
  });

  it('exits 2 with one sentence naming the sets when the sample set does not exist', async () => {
    const run = await runPromptops(['diff', file, 'production', '--rendered', '--sample', 'billing'], history.fixture.root);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'promptops diff: There is no sample set "billing"; the sets are "outage".\n');
  });

  it('exits 2 when --sample is given without --rendered', async () => {
    const run = await runPromptops(['diff', file, 'production', '--sample', 'outage'], history.fixture.root);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'promptops diff: --sample applies only with --rendered.\n');
  });

  it('exits 1 naming the version that does not render', async () => {
    history.fixture.write(file, 'Hello {{#if}}\n');
    const run = await runPromptops(['diff', file, 'production', '--rendered'], history.fixture.root);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^promptops diff: summarize\.prompt \(working tree\) does not render: [^\n]+\.\n$/);
  });

  it('exits 2 with one sentence for an unknown version or a version without the file', async () => {
    const unknown = await runPromptops(['diff', file, 'nightly'], history.fixture.root);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'promptops diff: "nightly" is not a release label of support/tickets/summarize, a commit, a branch or a tag.\n');
    history.fixture.commit('Add triage', { files: { 'support/triage.prompt': 'Triage\n' } });
    const absent = await runPromptops(['diff', 'support/triage.prompt', history.added], history.fixture.root);
    assert.equal(absent.code, 2);
    assert.equal(absent.stderr, `promptops diff: support/triage.prompt does not exist in commit ${short(history.added)}.\n`);
  });

  it('compares two versions of a Prompty file as rendered messages, with its own defaults and sample set', async () => {
    const prompty = (greeting: string) => `---\nname: chat\ninputs:\n  - name: who\n    default: Ana\n---\nsystem:\n${greeting}\nuser:\nHi {{ who | upper }}\n`;
    history.fixture.commit('Add prompty', { files: { 'chat.prompty': prompty('Be kind.'), 'chat.samples.yaml': 'bob:\n  who: Bob\n' } });
    history.fixture.commit('Warmer prompty', { files: { 'chat.prompty': prompty('Be warm.') } });
    const run = await runPromptops(['diff', 'chat.prompty', 'HEAD~1', 'HEAD', '--rendered'], history.fixture.root);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /\trendered with sample set "bob"\n/);
    assert.match(run.stdout, /\n ── system ──\n-Be kind\.\n\+Be warm\.\n ── user ──\n Hi BOB\n/);
  });
});
