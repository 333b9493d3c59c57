import * as assert from 'node:assert/strict';
import { runPromptops } from './cliRunner';
import { addedSource, bulletedSource, createPromptHistory, shortenedSource, type PromptHistory } from './promptHistoryFixture';

describe('promptops show', () => {
  let history: PromptHistory;
  const file = 'support/tickets/summarize.prompt';

  beforeEach(() => {
    history = createPromptHistory();
  });

  afterEach(() => history.fixture.dispose());

  it('prints the file as it was at a commit from before its rename', async () => {
    const run = await runPromptops(['show', file, history.added.slice(0, 8)], history.fixture.root);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, addedSource);
  });

  it('prints the version a release label points at, the newest committed one for latest, and the working file for WORKING', async () => {
    history.fixture.write(file, 'edited\n');
    assert.equal((await runPromptops(['show', file, 'production'], history.fixture.root)).stdout, shortenedSource);
    assert.equal((await runPromptops(['show', file, 'latest'], history.fixture.root)).stdout, bulletedSource);
    assert.equal((await runPromptops(['show', file, 'WORKING'], history.fixture.root)).stdout, 'edited\n');
  });

  it('keeps a byte order mark, CRLF line ends and a missing final newline exactly', async () => {
    const bytes = '\ufeff---\r\nmodel: x\r\n---\r\nHello {{name}} – ü';
    const id = history.fixture.commit('CRLF', { files: { [file]: bytes } });
    const run = await runPromptops(['show', file, id], history.fixture.root);
    assert.equal(run.code, 0);
    assert.deepEqual(Buffer.from(run.stdout, 'utf8'), Buffer.from(bytes, 'utf8'));
  });

  it('exits 2 with one sentence for an unknown version', async () => {
    const run = await runPromptops(['show', file, 'nightly'], history.fixture.root);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'promptops show: "nightly" is not a release label of support/tickets/summarize, a commit, a branch or a tag.\n');
  });

  it('exits 2 with one sentence when the file is not in that version', async () => {
    history.fixture.commit('Add triage', { files: { 'support/triage.prompt': 'Triage\n' } });
    const run = await runPromptops(['show', 'support/triage.prompt', history.added], history.fixture.root);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, `promptops show: support/triage.prompt does not exist in commit ${history.added.slice(0, 7)}.\n`);
  });

  it('exits 2 with one sentence for a binary file', async () => {
    const id = history.fixture.commit('binary', { files: { 'logo.prompt': Buffer.from([0x89, 0x50, 0x00, 0x01]) } });
    const run = await runPromptops(['show', 'logo.prompt', id], history.fixture.root);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, `promptops show: logo.prompt (${id.slice(0, 7)}) is a binary file, not a text prompt.\n`);
  });

  it('exits 2 without FILE and VERSION', async () => {
    const run = await runPromptops(['show', file], history.fixture.root);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'promptops show: expects FILE and VERSION. Usage: promptops show FILE VERSION [--source langfuse]\n');
  });
});
