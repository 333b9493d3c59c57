import * as assert from 'node:assert/strict';
import { runPromptops } from './cliRunner';

function capture(argv: readonly string[]) {
  return runPromptops(argv);
}

describe('promptops CLI entry', () => {
  it('prints the package version', async () => {
    const run = await capture(['--version']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('prints what it quotes on stderr with control characters visible', async () => {
    const run = await runPromptops(['frob\u001b[31mnicate\u202e']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'promptops: unknown command "frob\\x1b[31mnicate\\u202e"; run "promptops help" for the list.\n');
  });

  it('an unknown command is a usage error in one sentence on stderr', async () => {
    const run = await capture(['frobnicate']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'promptops: unknown command "frobnicate"; run "promptops help" for the list.\n');
  });

  it('no command prints the help and exits 2', async () => {
    const run = await capture([]);
    assert.equal(run.code, 2);
    assert.match(run.stdout, /Usage: promptops <command>/);
  });
});
