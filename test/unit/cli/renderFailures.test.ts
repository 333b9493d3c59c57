import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitFixture } from '../node/gitFixture';
import { runPromptops } from './cliRunner';

/** Makes a named pipe (FIFO); nothing ever writes to it, so reading it would wait forever. */
function makeFifo(file: string): void {
  const made = spawnSync('mkfifo', [file]);
  assert.equal(made.status, 0, 'mkfifo is available');
}

describe('promptops render and test fail like check does', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = GitFixture.create();
  });
  afterEach(() => repo.dispose());

  const render = (...argv: string[]) => runPromptops(['render', ...argv], repo.root);

  // Each case: a prompt, and the one line render prints for it: the checker's sentence at the file's own line and column.
  const broken: [string, string, string][] = [
    ['front matter that is not YAML', '---\nmodel: [unclosed\n---\nHello {{name}}\n', 'bad.prompt:2:16: Flow sequence in block collection must be sufficiently indented and end with a ].'],
    ['front matter never closed', '---\nmodel: googleai/gemini\nHello {{name}}\n', 'bad.prompt:1:1: The front matter opened here is never closed by a --- line, so dotprompt renders the whole file as the template.'],
    ['a block never closed, four lines into the file', '---\nmodel: m\n---\nHello {{#if name}}\n', 'bad.prompt:4:7: {{#if name}} is never closed; add {{/if}} after its content.'],
    ['a front matter field of the wrong shape', '---\ninput: 5\n---\nHello\n', "bad.prompt:2:8: 'input' must be a map with schema and default, not a number."],
  ];
  for (const [what, text, line] of broken) {
    it(`render refuses ${what}: exit 1, file:line:col and one sentence, nothing rendered`, async () => {
      repo.write('bad.prompt', text);
      const run = await render('bad.prompt');
      assert.deepEqual(run, { code: 1, stdout: '', stderr: `promptops render: ${line}\n` });
    });
  }

  it('test fails a prompt whose template does not parse with the same file:line:col sentence, and writes no snapshot', async () => {
    repo.write('bad.prompt', '---\nmodel: m\n---\nHello {{#if name}}\n');
    const run = await runPromptops(['test', '--update'], repo.root);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '✗ bad.prompt: sample set "default" does not render: bad.prompt:4:7: {{#if name}} is never closed; add {{/if}} after its content.\n\n0 of 1 prompts passed; 1 failed.\n');
    assert.ok(!fs.existsSync(path.join(repo.root, '__snapshots__')));
  });

  it('a sample file that does not parse is an error, not an empty default set (render and test)', async () => {
    repo.write('greet.prompt', '---\ninput:\n  default:\n    name: Ada\n---\nHello {{name}}\n');
    repo.write('greet.samples.yaml', 'bob:\n  name: [Bob\n');
    const run = await render('greet.prompt');
    assert.deepEqual(run, { code: 1, stdout: '', stderr: 'promptops render: greet.samples.yaml:2:12: Flow sequence in block collection must be sufficiently indented and end with a ].\n' });
    const named = await render('greet.prompt', '--sample', 'bob');
    assert.equal(named.stderr, run.stderr);
    const tested = await runPromptops(['test', '--update'], repo.root);
    assert.equal(tested.stdout, '✗ greet.prompt: greet.samples.yaml:2:12: Flow sequence in block collection must be sufficiently indented and end with a ].\n\n0 of 1 prompts passed; 1 failed.\n');
    // An explicit input does not need the sample file.
    assert.equal((await render('greet.prompt', '--input', '{"name":"Cy"}')).stdout, '── user ──\nHello Cy\n');
  });

  it('a sample file that is not UTF-8 points at the bad byte\'s line', async () => {
    repo.write('greet.prompt', 'Hello {{name}}\n');
    repo.write('greet.samples.yaml', Buffer.concat([Buffer.from('ada:\n  name: Ada\nzoe:\n  name: Zo'), Buffer.from([0xeb]), Buffer.from('\n')]));
    const run = await render('greet.prompt');
    assert.deepEqual(run, { code: 1, stdout: '', stderr: 'promptops render: greet.samples.yaml:4:11: greet.samples.yaml is not valid UTF-8 text: the byte at line 4, column 11 is not UTF-8.\n' });
  });

  it('a named pipe or a device is refused at once, never read (render, its sample file, --input-file, check)', async () => {
    makeFifo(path.join(repo.root, 'pipe.prompt'));
    assert.deepEqual(await render('pipe.prompt'), { code: 1, stdout: '', stderr: 'promptops render: pipe.prompt is a named pipe, not a regular file, so it is not read.\n' });
    repo.write('greet.prompt', 'Hello {{name}}\n');
    makeFifo(path.join(repo.root, 'greet.samples.yaml'));
    assert.deepEqual(await render('greet.prompt'), { code: 1, stdout: '', stderr: 'promptops render: greet.samples.yaml is a named pipe, not a regular file, so it is not read.\n' });
    const device = await render('greet.prompt', '--input-file', '/dev/zero');
    assert.deepEqual(device, { code: 2, stdout: '', stderr: 'promptops render: /dev/zero is a device, not a regular file, so it is not read.\n' });
    const checked = await runPromptops(['check', 'pipe.prompt'], repo.root);
    assert.equal(checked.stdout.split('\n')[0], 'pipe.prompt:1:1: error unreadable-file: pipe.prompt is a named pipe, not a regular file, so it is not read.');
  });
});

describe('Partial cycles', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = GitFixture.create();
  });
  afterEach(() => repo.dispose());

  it('check names a mutual cycle at the prompt\'s own {{> name}}, and render stops with the same sentence', async () => {
    repo.write('p/summary.prompt', '---\nmodel: m\n---\nIntro\n  {{> header}}\n');
    repo.write('p/_header.prompt', 'Header {{> footer}}\n');
    repo.write('p/_footer.prompt', 'Footer {{> header}}\n');
    const checked = await runPromptops(['check', 'p/summary.prompt'], repo.root);
    assert.equal(checked.code, 1);
    assert.equal(
      checked.stdout.split('\n')[0],
      'p/summary.prompt:5:7: error partial-cycle: The partials include each other in a cycle (header → footer → header), so rendering would never end.',
    );
    const rendered = await runPromptops(['render', 'p/summary.prompt'], repo.root);
    assert.deepEqual(rendered, {
      code: 1,
      stdout: '',
      stderr: 'promptops render: p/summary.prompt:5:7: The partials include each other in a cycle (header → footer → header), so rendering would never end.\n',
    });
  });

  it('a partial that includes itself is a cycle of one', async () => {
    repo.write('p/loop.prompt', 'Start {{> self}}\n');
    repo.write('p/_self.prompt', 'Again {{> self}}\n');
    const checked = await runPromptops(['check', 'p/loop.prompt'], repo.root);
    assert.equal(checked.stdout.split('\n')[0], "p/loop.prompt:1:11: error partial-cycle: The partial 'self' includes itself, so rendering it would never end.");
    assert.equal((await runPromptops(['render', 'p/loop.prompt'], repo.root)).stderr, "promptops render: p/loop.prompt:1:11: The partial 'self' includes itself, so rendering it would never end.\n");
  });
});
