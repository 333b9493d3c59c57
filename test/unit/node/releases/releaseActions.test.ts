import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BreakingChange } from '../../../../src/core/releases/breakingChanges';
import { ReleaseRefusal } from '../../../../src/core/releases/releaseRefusal';
import { openPromptFile } from '../../../../src/node/promptFileInRepository';
import { chooseRollback, clearCanary, promotePrompt, rollbackPrompt, setCanary, type ReleaseOutcome } from '../../../../src/node/releases/releaseActions';
import { readReleaseStatus } from '../../../../src/node/releases/releaseStatus';
import { openPromptById, openReleaseWorkspace } from '../../../../src/node/releases/releaseWorkspace';
import { createReleaseRepository, manifestBytes, manifestIn, short, type ReleaseRepository } from '../../cli/releases/releaseFixture';

const now = () => new Date('2026-03-04T05:06:07.890Z');

describe('Release actions: the API the editor calls', () => {
  let repo: ReleaseRepository;

  beforeEach(() => {
    repo = createReleaseRepository();
  });

  afterEach(() => repo.fixture.dispose());

  const open = () => openPromptFile(path.join(repo.fixture.root, 'support', 'summarize.prompt'));

  it('promote asks the injected confirmation about breaking changes; no means nothing is written', async () => {
    await promotePrompt(await open(), { version: repo.v2, now });
    const before = manifestBytes(repo.fixture);
    const asked: { changes: readonly BreakingChange[]; from: string; to: string }[] = [];
    const outcome = await promotePrompt(await open(), {
      version: repo.v3,
      now,
      confirmBreakingChanges: (changes, move) => {
        asked.push({ changes, from: move.from.commit, to: move.to.commit });
        return false;
      },
    });
    assert.equal(outcome.kind, 'cancelled');
    assert.deepEqual(asked.map(({ changes, from, to }) => ({ kinds: changes.map((change) => `${change.kind} ${change.variable}`), from, to })), [
      { kinds: ['removed tone', 'added-without-default customer'], from: repo.v2, to: repo.v3 },
    ]);
    assert.deepEqual(manifestBytes(repo.fixture), before);
  });

  it('with commit set, the outcome names the release commit, exactly as git does', async () => {
    const outcome = await promotePrompt(await open(), { version: repo.v1, now, commit: true });
    assert.equal(outcome.kind === 'applied' ? outcome.commit : outcome.kind, repo.fixture.git(['rev-parse', 'HEAD']));
  });

  it('with git keeping commit messages verbatim, a release with no note, or a note of spaces, commits its subject alone', async () => {
    repo.fixture.git(['config', 'commit.cleanup', 'verbatim']);
    // A NUL after the message, so that the trailing blank lines an empty body would add survive the fixture's trim.
    const message = (): string => repo.fixture.git(['log', '-1', '--format=%B%x00']);
    await promotePrompt(await open(), { version: repo.v1, now, commit: true });
    assert.equal(message(), `promote support/summarize to production (${short(repo.v1)})\n\0`);
    await promotePrompt(await open(), { version: repo.v2, note: '   ', now, commit: true });
    assert.equal(message(), `promote support/summarize to production (${short(repo.v2)})\n\0`);
  });

  it('a rollback to a version the label never served is refused, naming that version by its short commit', async () => {
    await promotePrompt(await open(), { version: repo.v1, now });
    await promotePrompt(await open(), { version: repo.v2, now });
    const sentence = `${short(repo.v3)} never served support/summarize production, so a rollback cannot return to it; promote it instead.`;
    assert.deepEqual(await chooseRollback(await open(), { to: repo.v3 }), { kind: 'refused', reason: sentence });
    await assert.rejects(rollbackPrompt(await open(), { to: repo.v3, now }), (error: unknown) => {
      assert.ok(error instanceof ReleaseRefusal);
      assert.equal(error.message, sentence);
      return true;
    });
  });

  it('records the note without the spaces around it', async () => {
    const outcome = await promotePrompt(await open(), { version: repo.v1, note: '  fixes the greeting \n', now });
    assert.deepEqual(outcome.kind === 'applied' ? outcome.move.events.map((event) => event.note) : outcome.kind, ['fixes the greeting']);
  });

  it('a canary asks the same confirmation; no means nothing is written', async () => {
    await promotePrompt(await open(), { version: repo.v2, now });
    const before = manifestBytes(repo.fixture);
    const outcome = await setCanary(await open(), { version: repo.v3, weight: 10, now, confirmBreakingChanges: () => false });
    assert.deepEqual(outcome.kind === 'cancelled' ? outcome.breakingChanges.map((change) => `${change.kind} ${change.variable}`) : outcome.kind, ['removed tone', 'added-without-default customer']);
    assert.deepEqual(manifestBytes(repo.fixture), before);
  });

  it('a promote given all its arguments asks nothing and reports the changes and events in its outcome', async () => {
    await promotePrompt(await open(), { version: repo.v2, now });
    const outcome = await promotePrompt(await open(), { version: repo.v3, label: 'production', note: 'ship', now });
    assert.equal(outcome.kind, 'applied');
    if (outcome.kind !== 'applied') return;
    assert.equal(outcome.breakingChanges.length, 2);
    assert.deepEqual(outcome.move.events, [
      { at: '2026-03-04T05:06:07Z', by: 'Ada Lovelace <ada@example.com>', action: 'promote', prompt: 'support/summarize', label: 'production', from: repo.v2, to: repo.v3, sha256: outcome.move.events[0]?.sha256 ?? '', note: 'ship' },
    ]);
    assert.equal(outcome.commit, undefined);
  });

  it('a promote that waits for another writer\'s lock reads the manifest only once it holds the lock', async () => {
    const manifestFile = path.join(repo.fixture.root, 'prompt-releases.yaml');
    await promotePrompt(await open(), { version: repo.v1, now });
    const servingV1 = fs.readFileSync(manifestFile);
    await promotePrompt(await open(), { version: repo.v2, now });
    const servingV2 = fs.readFileSync(manifestFile);
    fs.writeFileSync(manifestFile, servingV1);
    // Another promptops (alive: this process's pid) holds the lock. When our promote first finds it held,
    // that writer moves production to v2 and lets go; our promote must plan its move on that manifest.
    fs.writeFileSync(`${manifestFile}.lock`, JSON.stringify({ pid: process.pid, host: os.hostname(), acquiredAt: Date.now(), token: 'other-writer' }));
    const kill = process.kill;
    process.kill = (pid: number, signal?: string | number): true => {
      if (pid === process.pid && signal === 0 && fs.existsSync(`${manifestFile}.lock`) && fs.readFileSync(`${manifestFile}.lock`, 'utf8').includes('other-writer')) {
        fs.writeFileSync(manifestFile, servingV2);
        fs.rmSync(`${manifestFile}.lock`);
      }
      return kill.call(process, pid, signal);
    };
    let outcome: ReleaseOutcome;
    try {
      outcome = await promotePrompt(await open(), { version: repo.v3, now, lock: { timeoutMs: 10_000 } });
    } finally {
      process.kill = kill;
    }
    assert.equal(outcome.kind, 'applied');
    assert.deepEqual(outcome.kind === 'applied' ? outcome.move.events.map(({ from, to }) => [from, to]) : [], [[repo.v2, repo.v3]]);
    assert.deepEqual(manifestIn(repo.fixture).manifest.events.map(({ from, to }) => [from, to]), [
      [null, repo.v1],
      [repo.v1, repo.v2],
      [repo.v2, repo.v3],
    ]);
  });

  it('rollback, canary and canary-clear work on a prompt opened by id, as the releases view knows it', async () => {
    await promotePrompt(await open(), { version: repo.v1, now });
    await promotePrompt(await open(), { version: repo.v2, now });
    const workspace = await openReleaseWorkspace(repo.fixture.root);
    const byId = openPromptById(workspace, 'support/summarize');
    assert.ok(byId);
    assert.equal(byId.path, 'support/summarize.prompt');
    assert.equal((await rollbackPrompt(byId, { now })).kind, 'applied');
    assert.equal((await setCanary(byId, { version: repo.v2, weight: 5, now })).kind, 'applied');
    assert.equal((await clearCanary(byId, { now })).kind, 'applied');
    await assert.rejects(clearCanary(byId, { now }), ReleaseRefusal);
    assert.equal(openPromptById(workspace, 'nobody'), undefined);
    const status = await readReleaseStatus(workspace);
    assert.deepEqual(
      status.prompts.map(({ id, labels, headDiffersFromProduction }) => ({ id, labels: labels.map((entry) => `${entry.label} ${entry.target.commit}`), headDiffersFromProduction })),
      [{ id: 'support/summarize', labels: [`production ${repo.v1}`], headDiffersFromProduction: true }],
    );
  });
  it('the rollback a confirmation previews is the one applied: an abbreviated --to resolves to that commit, not one step back', async () => {
    await promotePrompt(await open(), { version: repo.v1, now });
    await promotePrompt(await open(), { version: repo.v2, now });
    await promotePrompt(await open(), { version: repo.v3, now });
    const preview = await chooseRollback(await open(), { to: repo.v1.slice(0, 10) });
    assert.deepEqual(preview.kind === 'target' ? [preview.current.commit, preview.target.commit] : preview, [repo.v3, repo.v1]);
    const outcome = await rollbackPrompt(await open(), { to: repo.v1.slice(0, 10), from: repo.v3, now });
    assert.deepEqual(outcome.kind === 'applied' ? [outcome.move.events[0]?.from, outcome.move.events[0]?.to] : outcome, [repo.v3, repo.v1]);
  });

  it('a rollback confirmed from one version is refused, writing nothing, when the label moved meanwhile', async () => {
    await promotePrompt(await open(), { version: repo.v1, now });
    await promotePrompt(await open(), { version: repo.v2, now });
    const preview = await chooseRollback(await open(), {});
    assert.ok(preview.kind === 'target');
    await promotePrompt(await open(), { version: repo.v3, now });
    const before = manifestBytes(repo.fixture);
    await assert.rejects(rollbackPrompt(await open(), { to: preview.target.commit, from: preview.current.commit, now }), {
      name: 'ReleaseRefusal',
      message: `support/summarize production now serves ${repo.v3.slice(0, 7)}, not the ${repo.v2.slice(0, 7)} this rollback was confirmed from; nothing was changed.`,
    });
    assert.deepEqual(manifestBytes(repo.fixture), before);
  });

  it('a rollback confirmed from a version the manifest no longer names is refused, naming that version by its short commit', async () => {
    // The manifest was rewritten between the confirmation and the move: v2, confirmed from, is in neither label nor log.
    await promotePrompt(await open(), { version: repo.v1, now });
    await promotePrompt(await open(), { version: repo.v3, now });
    const before = manifestBytes(repo.fixture);
    await assert.rejects(rollbackPrompt(await open(), { to: repo.v1, from: repo.v2, now }), {
      name: 'ReleaseRefusal',
      message: `support/summarize production now serves ${repo.v3.slice(0, 7)}, not the ${repo.v2.slice(0, 7)} this rollback was confirmed from; nothing was changed.`,
    });
    assert.deepEqual(manifestBytes(repo.fixture), before);
  });
});
