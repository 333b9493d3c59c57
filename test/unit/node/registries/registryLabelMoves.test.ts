import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReleaseRefusal } from '../../../../src/core/releases/releaseRefusal';
import { promoteRegistryVersion, rollbackRegistryLabel } from '../../../../src/node/registries/registryLabelMoves';
import { openRegistryWorkspace, readRegistryJournal, type RegistryWorkspace } from '../../../../src/node/registries/registryWorkspace';
import { useContractServer } from './contractServerFixture';

const now = () => new Date('2026-04-05T06:07:08.900Z');

function refusal(message: string) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof ReleaseRefusal, `expected a ReleaseRefusal, got ${String(error)}`);
    assert.equal(error.message, message);
    return true;
  };
}

describe('Moving registry labels', () => {
  const { server, registry } = useContractServer();
  let folder: string;
  let workspace: RegistryWorkspace;

  beforeEach(async () => {
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-moves-')));
    workspace = await openRegistryWorkspace(folder);
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('a promotion moves the label and journals who, when, from and to, with the note trimmed', async () => {
    server().seed('triage', [{ prompt: 'a', labels: ['production'] }, { prompt: 'b' }]);
    const outcome = await promoteRegistryVersion(workspace, registry(), { name: 'triage', selector: { version: 2 }, label: 'production', note: '  tone fix  ', now });
    assert.equal(outcome.kind, 'applied');
    assert.ok(outcome.kind === 'applied');
    assert.deepEqual([outcome.name, outcome.label, outcome.from, outcome.to.version], ['triage', 'production', 1, 2]);
    assert.deepEqual(server().labelsOf('triage'), new Map([[1, []], [2, ['latest', 'production']]]));
    assert.deepEqual(readRegistryJournal(workspace).entries, [
      { at: '2026-04-05T06:07:08Z', by: os.userInfo().username, action: 'promote', registry: server().url, prompt: 'triage', label: 'production', from: 1, to: 2, note: 'tone fix' },
    ]);
  });

  it('a promotion to the version another label points at; a new label is journaled as coming from nowhere, without a note', async () => {
    server().seed('triage', [{ prompt: 'a', labels: ['staging'] }, { prompt: 'b' }]);
    const outcome = await promoteRegistryVersion(workspace, registry(), { name: 'triage', selector: { label: 'staging' }, label: 'production' });
    assert.ok(outcome.kind === 'applied');
    assert.equal(outcome.from, undefined);
    assert.equal(outcome.to.version, 1);
    const [entry] = readRegistryJournal(workspace).entries;
    assert.deepEqual([entry?.from, entry?.to, entry?.note], [null, 1, '']);
    assert.match(entry?.at ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('a promotion to the version the label already has changes nothing and journals nothing', async () => {
    server().seed('triage', [{ prompt: 'a' }, { prompt: 'b', labels: ['production'] }]);
    const outcome = await promoteRegistryVersion(workspace, registry(), { name: 'triage', selector: { version: 2 }, label: 'production' });
    assert.deepEqual(outcome, { kind: 'unchanged', message: 'triage production already points at v2.' });
    assert.deepEqual(readRegistryJournal(workspace).entries, []);
    assert.equal(server().requests.filter((request) => request.method === 'PATCH').length, 0);
  });

  it('an invalid label is refused before the registry is asked', async () => {
    await assert.rejects(
      promoteRegistryVersion(workspace, registry(), { name: 'triage', selector: { version: 1 }, label: 'Prod' }),
      refusal('"Prod" is not a valid label name: use 1 to 36 characters of a-z, 0-9, "_", "." and "-".'),
    );
    await assert.rejects(rollbackRegistryLabel(workspace, registry(), { name: 'triage', label: 'latest' }), refusal('"latest" is managed by the registry (it always marks the newest version), so it cannot be set.'));
    assert.deepEqual(server().requests, []);
  });

  it('a rollback returns the label to the version the journal had before, and journals it', async () => {
    server().seed('triage', [{ prompt: 'a', labels: ['production'] }, { prompt: 'b' }]);
    await promoteRegistryVersion(workspace, registry(), { name: 'triage', selector: { version: 2 }, label: 'production', now });
    const outcome = await rollbackRegistryLabel(workspace, registry(), { name: 'triage', label: 'production', note: ' broke ', now });
    assert.ok(outcome.kind === 'applied');
    assert.deepEqual([outcome.from, outcome.to.version], [2, 1]);
    assert.deepEqual(server().labelsOf('triage'), new Map([[1, ['production']], [2, ['latest']]]));
    const rollback = readRegistryJournal(workspace).entries[1];
    assert.deepEqual(rollback, { at: '2026-04-05T06:07:08Z', by: os.userInfo().username, action: 'rollback', registry: server().url, prompt: 'triage', label: 'production', from: 2, to: 1, note: 'broke' });
  });

  it('a rollback to the version the label has changes nothing', async () => {
    server().seed('triage', [{ prompt: 'a', labels: ['production'] }]);
    const outcome = await rollbackRegistryLabel(workspace, registry(), { name: 'triage', label: 'production', to: 1 });
    assert.deepEqual(outcome, { kind: 'unchanged', message: 'triage production already points at v1.' });
    assert.deepEqual(readRegistryJournal(workspace).entries, []);
  });

  it('a rollback without journal history or --to is refused with the reason', async () => {
    server().seed('triage', [{ prompt: 'a', labels: ['production'] }]);
    await assert.rejects(
      rollbackRegistryLabel(workspace, registry(), { name: 'triage', label: 'production' }),
      refusal('The PromptOps journal has no moves of triage production (the registry keeps no label history); pass --to VERSION to pick the version to return to.'),
    );
  });
});
