import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitFixture } from '../node/gitFixture';
import { runPromptops } from './cliRunner';

describe('a prompt path that runs through a file (notes.txt/a.prompt)', () => {
  let fixture: GitFixture;
  beforeEach(() => {
    fixture = GitFixture.create();
    fixture.commit('first', { files: { 'notes.txt': 'mine\n', 'a.prompt': '---\n---\nHello\n' } });
  });
  afterEach(() => fixture.dispose());

  const cases: [string[], string][] = [
    [['show', 'notes.txt/a.prompt', 'HEAD'], 'promptops show: {root}/notes.txt is not a folder.\n'],
    [['versions', 'notes.txt/a.prompt'], 'promptops versions: {root}/notes.txt is not a folder.\n'],
    [['diff', 'notes.txt/a.prompt', 'HEAD', 'HEAD'], 'promptops diff: {root}/notes.txt is not a folder.\n'],
    [['promote', 'notes.txt/a.prompt', 'HEAD'], 'promptops promote: {root}/notes.txt is not a folder.\n'],
    [['canary', 'notes.txt/a.prompt', 'HEAD', '--weight', '5'], 'promptops canary: {root}/notes.txt is not a folder.\n'],
    [['rollback', 'notes.txt/a.prompt'], 'promptops rollback: {root}/notes.txt is not a folder.\n'],
    [['log', 'notes.txt/a.prompt'], 'promptops log: notes.txt/a.prompt is neither a prompt file nor a prompt id in prompt-releases.yaml.\n'],
    [['check', 'notes.txt/a.prompt'], 'promptops check: notes.txt/a.prompt does not exist.\n'],
  ];
  for (const [argv, stderr] of cases) {
    it(`${argv[0] ?? ''} answers in one sentence with exit 2 and writes nothing`, async () => {
      const run = await runPromptops(argv, fixture.root);
      assert.deepEqual(run, { code: 2, stdout: '', stderr: stderr.replace('{root}', fixture.root) });
      assert.deepEqual(fs.readdirSync(fixture.root).sort(), ['.git', 'a.prompt', 'notes.txt']);
      assert.equal(fs.readFileSync(path.join(fixture.root, 'notes.txt'), 'utf8'), 'mine\n');
    });
  }
});
