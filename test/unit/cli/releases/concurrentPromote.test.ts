import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { manifestErrors } from '../../../../src/core/releases/manifestParser';
import { freshBundle } from '../../builtBundle';
import { GitFixture } from '../../node/gitFixture';
import { manifestIn } from './releaseFixture';

/** Runs the bundled CLI as its own process, as a user or a CI job would. */
function promptopsProcess(cli: string, argv: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

describe('promptops promote: 20 processes at once', function () {
  this.timeout(120_000);
  // Unset when the bundle check fails before the repository is made.
  let fixture: GitFixture | undefined;
  let cli: string;
  const versions: string[] = [];

  before(function () {
    cli = freshBundle('cli.js');
    fixture = GitFixture.create();
    for (let i = 1; i <= 20; i++) versions.push(fixture.commit(`v${i}`, { files: { 'greet.prompt': `Hello, version ${i}.\n` } }));
  });

  after(() => fixture?.dispose());

  it('leave a valid manifest with all 20 events, each moving the label from where the previous one left it', async () => {
    assert.ok(fixture);
    const root = fixture.root;
    const runs = await Promise.all(versions.map((version) => promptopsProcess(cli, ['promote', 'greet.prompt', version, '--note', `v${versions.indexOf(version) + 1}`], root)));
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const parsed = manifestIn(fixture);
    assert.deepEqual(manifestErrors(parsed), []);
    const events = parsed.manifest.events;
    assert.equal(events.length, 20);
    assert.deepEqual(new Set(events.map((event) => event.to)), new Set(versions));
    // Each writer re-read the manifest under the lock, so no move was lost or based on a stale file.
    assert.equal(events[0]?.from, null);
    for (let i = 1; i < events.length; i++) assert.equal(events[i]?.from, events[i - 1]?.to, `event ${i + 1}`);
    assert.equal(parsed.manifest.prompts.get('greet')?.labels.get('production')?.commit, events.at(-1)?.to);
    assert.deepEqual(fs.readdirSync(fixture.root).filter((name) => name.includes('prompt-releases')), ['prompt-releases.yaml']);
  });
});
