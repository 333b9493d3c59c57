import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseReleaseManifest, type ParsedReleaseManifest } from '../../../../src/core/releases/manifestParser';
import { planPromote, type MovePlan } from '../../../../src/core/releases/releaseMoves';
import { ReleaseRefusal } from '../../../../src/core/releases/releaseRefusal';
import { changeManifestFile, manifestReleaseProblem } from '../../../../src/node/releases/manifestFile';
import { firstSevenOf } from '../../../../src/core/releases/commitAbbreviation';

const commitA = 'a'.repeat(40);
const commitB = 'b'.repeat(40);
const hash = 'e'.repeat(64);
const stamp = { at: '2026-02-01T10:00:00Z', by: 'Ada' };

function promoteTo(commit: string): (parsed: ParsedReleaseManifest) => MovePlan {
  return (parsed) => planPromote(parsed.manifest, { prompt: 'greet', label: 'production', target: { commit, path: 'greet.prompt', sha256: hash }, stamp, short: firstSevenOf });
}

const options = { displayName: 'prompt-releases.yaml' };

describe('Manifest file: changes under the lock', () => {
  let folder: string;
  let file: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-manifest-'));
    file = path.join(folder, 'prompt-releases.yaml');
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('creates the manifest on the first move and re-reads it for the next', async () => {
    await changeManifestFile(file, promoteTo(commitA), options);
    await changeManifestFile(file, promoteTo(commitB), options);
    const parsed = parseReleaseManifest(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(parsed.manifest.events.map((event) => [event.from, event.to]), [
      [null, commitA],
      [commitA, commitB],
    ]);
    assert.deepEqual(fs.readdirSync(folder), ['prompt-releases.yaml'], 'no lock or temporary file is left');
  });

  const badManifests: [string, string, RegExp][] = [
    ['a syntax error', 'version: 1\nprompts:\n  greet: {labels: [unclosed\n', /^prompt-releases\.yaml:\d+:\d+: The release manifest does not parse: .+\.$/],
    ['merge-conflict markers', 'version: 1\n<<<<<<< HEAD\nprompts: {}\n=======\nprompts: {a: {}}\n>>>>>>> branch\n', /^prompt-releases\.yaml:2:1: The release manifest has a merge-conflict marker \(<<<<<<<\); resolve the conflict before changing a label \(2 more problems; promptops status lists them all\)\.$/],
    ['an unknown version', 'version: 2\nprompts: {}\n', /^prompt-releases\.yaml:1:10: The release manifest has version 2, but this PromptOps reads version 1 only; upgrade PromptOps\.$/],
    ['a bad commit', `version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: 123, path: greet.prompt, sha256: ${hash}}\n`, /^prompt-releases\.yaml:5:28: "123" is not a commit: write its full 40-character SHA in lowercase hex\.$/],
    ['a bad commit and a bad hash', 'version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: 123, path: greet.prompt, sha256: abc}\n', /^prompt-releases\.yaml:5:28: "123" is not a commit: write its full 40-character SHA in lowercase hex \(1 more problem; promptops status lists them all\)\.$/],
  ];
  for (const [what, text, message] of badManifests) {
    it(`never rewrites a manifest with ${what}: it refuses with the line and leaves the bytes as they were`, async () => {
      fs.writeFileSync(file, text);
      let decided = false;
      await assert.rejects(
        changeManifestFile(file, (parsed) => {
          decided = true;
          return promoteTo(commitA)(parsed);
        }, options),
        (error: unknown) => {
          assert.ok(error instanceof ReleaseRefusal);
          assert.match(error.message, message);
          return true;
        },
      );
      assert.equal(decided, false);
      assert.equal(fs.readFileSync(file, 'utf8'), text);
      assert.deepEqual(fs.readdirSync(folder), ['prompt-releases.yaml']);
    });
  }

  it('a crash between writing the temporary file and renaming it leaves the old manifest intact, and the next change recovers', async () => {
    await changeManifestFile(file, promoteTo(commitA), options);
    const before = fs.readFileSync(file);
    // A real process killed at that moment: the temporary file is written and flushed, the rename never happens.
    const script = `
      const { changeManifestFile } = require(${JSON.stringify(require.resolve('../../../../src/node/releases/manifestFile'))});
      const { planPromote } = require(${JSON.stringify(require.resolve('../../../../src/core/releases/releaseMoves'))});
      changeManifestFile(${JSON.stringify(file)}, (parsed) => planPromote(parsed.manifest, { prompt: 'greet', label: 'production', target: { commit: '${commitB}', path: 'greet.prompt', sha256: '${hash}' }, stamp: { at: '2026-02-01T11:00:00Z', by: 'Crash' } }), {
        displayName: 'prompt-releases.yaml',
        beforeRename: () => process.kill(process.pid, 'SIGKILL'),
      });
    `;
    const crashed = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(crashed.signal, 'SIGKILL', crashed.stderr);
    assert.deepEqual(fs.readFileSync(file), before);
    const leftovers = fs.readdirSync(folder).sort();
    assert.equal(leftovers.length, 3, leftovers.join(', '));
    assert.ok(leftovers.includes('prompt-releases.yaml.lock'));
    assert.ok(leftovers.some((name) => /^\.prompt-releases\.yaml\.\d+\.\d+\.tmp$/.test(name)));
    assert.equal(parseReleaseManifest(fs.readFileSync(file, 'utf8')).manifest.events.length, 1);

    await changeManifestFile(file, promoteTo(commitB), { ...options, lock: { timeoutMs: 2_000 } });
    assert.deepEqual(fs.readdirSync(folder), ['prompt-releases.yaml']);
    assert.equal(parseReleaseManifest(fs.readFileSync(file, 'utf8')).manifest.events.length, 2);
  });

  it('puts the old manifest back when the step after the write fails (a commit, say)', async () => {
    await changeManifestFile(file, promoteTo(commitA), options);
    const before = fs.readFileSync(file, 'utf8');
    const failing = { ...options, afterWrite: async () => Promise.reject(new Error('commit failed')) };
    await assert.rejects(changeManifestFile(file, promoteTo(commitB), failing), /commit failed/);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
    fs.rmSync(file);
    await assert.rejects(changeManifestFile(file, promoteTo(commitB), failing), /commit failed/);
    assert.equal(fs.existsSync(file), false, 'a manifest that did not exist is removed again');
  });

  it('says why the commit failed and that putting the manifest back failed too, naming the manifest as configured, not by its absolute path', async () => {
    await changeManifestFile(file, promoteTo(commitA), options);
    // While the commit ran, something else replaced the manifest with a folder; then the commit failed.
    const failing = {
      ...options,
      afterWrite: async () => {
        fs.rmSync(file);
        fs.mkdirSync(file);
        return Promise.reject(new Error('commit failed'));
      },
    };
    await assert.rejects(changeManifestFile(file, promoteTo(commitB), failing), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /^commit failed Putting prompt-releases\.yaml back as it was failed too, so it may still show this move: prompt-releases\.yaml is a folder, not a file, so nothing was written there\./);
      assert.equal(error.message.includes(folder), false, error.message);
      return true;
    });
    assert.equal(fs.statSync(file).isDirectory(), true, 'the folder is left as it is');
  });

  it('writes nothing for a plan that is unchanged or refused', async () => {
    assert.deepEqual(await changeManifestFile(file, () => ({ kind: 'refused', reason: 'no' }), options), { kind: 'refused', reason: 'no' });
    assert.equal(fs.existsSync(file), false);
  });

  // What the editor asks before it shows any confirmation of a label move.
  it('says why no label can move, and where, before anyone is asked: bytes that are not UTF-8, a folder, an error; nothing for a good or missing manifest', () => {
    assert.equal(manifestReleaseProblem(file, 'prompt-releases.yaml'), undefined, 'a missing manifest is created by the move');
    fs.writeFileSync(file, 'version: 1\nprompts: {}\n');
    assert.equal(manifestReleaseProblem(file, 'prompt-releases.yaml'), undefined);
    fs.writeFileSync(file, Buffer.from('version: 1\nprompts: {}\n# caf\xe9\n', 'latin1'));
    assert.deepEqual(manifestReleaseProblem(file, 'prompt-releases.yaml'), {
      message: 'prompt-releases.yaml:3:6: prompt-releases.yaml is not valid UTF-8 text: the byte at line 3, column 6 is not UTF-8.',
      position: { line: 2, character: 5 },
    });
    fs.writeFileSync(file, 'version: 2\nprompts: {}\n');
    assert.deepEqual(manifestReleaseProblem(file, 'config/releases.yaml'), {
      message: 'config/releases.yaml:1:10: The release manifest has version 2, but this PromptOps reads version 1 only; upgrade PromptOps.',
      position: { line: 0, character: 9 },
    });
    fs.rmSync(file);
    fs.mkdirSync(file);
    assert.deepEqual(manifestReleaseProblem(file, 'prompt-releases.yaml'), { message: 'prompt-releases.yaml is a folder, not a file.', position: undefined });
  });
});
