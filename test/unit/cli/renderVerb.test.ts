import * as assert from 'node:assert/strict';
import { GitFixture } from '../node/gitFixture';
import { runPromptops } from './cliRunner';

const prompt = `---
input:
  schema:
    name: string
    tone?: string
  default:
    tone: warm
---
{{role "system"}}Be {{tone}}.
{{role "user"}}Hello, {{name}}!
`;

describe('promptops render', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = GitFixture.create();
    repo.write('greet.prompt', prompt);
    repo.write('greet.samples.yaml', 'ada:\n  name: Ada\nbob:\n  name: Bob\n  tone: curt\n');
  });
  afterEach(() => repo.dispose());

  it('renders the chosen sample set with input.default merged under it, as role sections', async () => {
    const run = await runPromptops(['render', 'greet.prompt', '--sample', 'bob'], repo.root);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '── system ──\nBe curt.\n\n── user ──\nHello, Bob!\n');
  });

  it('without --sample renders the first sample set', async () => {
    const run = await runPromptops(['render', 'greet.prompt'], repo.root);
    assert.match(run.stdout, /Be warm\.\n[\s\S]*Hello, Ada!/);
  });

  it('shows control characters in the text view as escapes, keeping tabs and lines; JSON keeps the exact text', async () => {
    const input = JSON.stringify({ name: 'Ada\u001b[2J\tLovelace\u2028' });
    const text = await runPromptops(['render', 'greet.prompt', '--input', input], repo.root);
    assert.equal(text.code, 0);
    assert.equal(text.stdout, '── system ──\nBe warm.\n\n── user ──\nHello, Ada\\x1b[2J\tLovelace\\u2028!\n');
    const json = await runPromptops(['render', 'greet.prompt', '--input', input, '--format', 'json'], repo.root);
    assert.match(json.stdout, /Hello, Ada\\u001b\[2J\\tLovelace\u2028!/);
  });

  it('--format json prints dotprompt\'s RenderedPrompt: messages with roles and text parts', async () => {
    const run = await runPromptops(['render', 'greet.prompt', '--input', '{"name":"Cy"}', '--format', 'json'], repo.root);
    const rendered = JSON.parse(run.stdout) as { messages: unknown[] };
    assert.deepEqual(rendered.messages, [
      { role: 'system', content: [{ text: 'Be warm.\n' }] },
      { role: 'user', content: [{ text: 'Hello, Cy!' }] },
    ]);
  });

  it('--input-file reads a YAML or JSON input object', async () => {
    repo.write('input.yaml', 'name: Dee\ntone: formal\n');
    const run = await runPromptops(['render', 'greet.prompt', '--input-file', 'input.yaml'], repo.root);
    assert.match(run.stdout, /Be formal\.[\s\S]*Hello, Dee!/);
  });

  it('an unknown sample set names the sets there are (exit 2)', async () => {
    const run = await runPromptops(['render', 'greet.prompt', '--sample', 'zed'], repo.root);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'promptops render: There is no sample set "zed"; the sets are "ada", "bob".\n');
  });

  it('invalid --input JSON is one sentence, nothing on stdout', async () => {
    const run = await runPromptops(['render', 'greet.prompt', '--input', '{name'], repo.root);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^promptops render: The input is not valid JSON: .*\.\n$/);
  });

  it('a prompt that cannot render (missing partial) exits 1 with the checker\'s sentence at file:line:col', async () => {
    repo.write('broken.prompt', 'Hi {{> nowhere}}\n');
    const run = await runPromptops(['render', 'broken.prompt'], repo.root);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, "promptops render: broken.prompt:1:8: No partial named 'nowhere' was found (dotprompt looks for _nowhere.prompt beside the prompt or in a partials/ folder).\n");
  });
});

describe('promptops render, odd files', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = GitFixture.create();
  });
  afterEach(() => repo.dispose());

  it('renders a prompt saved with a byte order mark and CRLF line ends like any other', async () => {
    repo.write('bom.prompt', '\uFEFF---\r\ninput:\r\n  default:\r\n    name: Ada\r\n---\r\nHi {{name}}\r\n');
    const run = await runPromptops(['render', 'bom.prompt'], repo.root);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '── user ──\nHi Ada\n');
  });
});
