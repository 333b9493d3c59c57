import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDemoRepository } from '../../../harness/demoWorkspace';
import { runPromptops } from '../cliRunner';

const root = path.resolve(__dirname, '..', '..', '..', '..', '..');

/** The ```text block of README.md that starts with `$ promptops <verb>`: the command line and what it prints. */
function readmeExample(verb: string): { argv: string[]; output: string } {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf(`\`\`\`text\n$ promptops ${verb} `);
  assert.ok(start >= 0, `README.md has an example of promptops ${verb}`);
  const body = readme.slice(start + '```text\n'.length, readme.indexOf('\n```', start));
  const [command = '', ...output] = body.split('\n');
  return { argv: command.replace(/^\$ promptops /, '').split(' '), output: `${output.join('\n')}\n` };
}

describe("the README's canary commands, run as written on the demo repository", () => {
  let scratch: string;
  let demo: string;

  before(function () {
    this.timeout(60_000);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-readme-'));
    demo = path.join(scratch, 'demo');
    createDemoRepository(demo);
  });

  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('promptops compare prints the README\'s table and verdict', async () => {
    const example = readmeExample('compare');
    const run = await runPromptops(example.argv, demo);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, example.output);
  });

  it('promptops which prints the README\'s version, labels and the start of the source', async () => {
    const example = readmeExample('which');
    const run = await runPromptops(example.argv, demo);
    assert.equal(run.code, 0, run.stderr);
    const shown = example.output.replace(/…\n$/, '');
    assert.ok(run.stdout.startsWith(shown), `promptops which prints:\n${run.stdout.slice(0, shown.length + 200)}`);
  });
});
