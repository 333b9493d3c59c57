import * as assert from 'node:assert/strict';
import { chooseRegistryRollback, journalLine, parseRegistryJournal, registryLabelTrail, type RegistryJournalEntry } from '../../../../src/core/registry/registryJournal';

const key = { registry: 'http://langfuse.test', prompt: 'support/summarize', label: 'production' };

function entry(action: RegistryJournalEntry['action'], from: number | null, to: number, overrides: Partial<RegistryJournalEntry> = {}): RegistryJournalEntry {
  return { at: '2026-01-01T09:00:00Z', by: 'Ada <ada@example.com>', action, ...key, from, to, note: '', ...overrides };
}

describe('registry journal', () => {
  it('round-trips entries through JSON lines and reports bad lines without losing the good ones', () => {
    const lines = `${journalLine(entry('push', null, 1))}not json\n{"at":"x"}\n${journalLine(entry('promote', 1, 2, { note: 'ready' }))}`;
    const parsed = parseRegistryJournal(lines);
    assert.deepEqual(parsed.entries, [entry('push', null, 1), entry('promote', 1, 2, { note: 'ready' })]);
    assert.deepEqual(parsed.problems.map((problem) => problem.line), [2, 3]);
  });

  it('promote v1, v2, v3 then rollback twice returns to v1, and a third rollback is refused', () => {
    const entries = [entry('push', null, 1), entry('promote', 1, 2), entry('promote', 2, 3)];
    const first = chooseRegistryRollback(entries, key, 3);
    assert.deepEqual(first, { kind: 'target', from: 3, to: 2 });
    const afterFirst = [...entries, entry('rollback', 3, 2)];
    assert.deepEqual(chooseRegistryRollback(afterFirst, key, 2), { kind: 'target', from: 2, to: 1 });
    const afterSecond = [...afterFirst, entry('rollback', 2, 1)];
    const third = chooseRegistryRollback(afterSecond, key, 1);
    assert.equal(third.kind, 'refused');
  });

  it('a label moved in the registry UI counts as one more move, so rollback returns to where PromptOps left it', () => {
    const entries = [entry('push', null, 1), entry('promote', 1, 2)];
    assert.deepEqual(registryLabelTrail(entries, key, 5), [1, 2, 5]);
    assert.deepEqual(chooseRegistryRollback(entries, key, 5), { kind: 'target', from: 5, to: 2 });
  });

  it('moves of other prompts, labels and registries do not count', () => {
    const entries = [entry('promote', null, 1), entry('promote', 1, 9, { label: 'staging' }), entry('promote', 1, 8, { registry: 'http://other' }), entry('promote', 1, 7, { prompt: 'other' })];
    assert.deepEqual(registryLabelTrail(entries, key, 1), [1]);
  });

  it('--to picks any version, and the one the label has is nothing to do', () => {
    assert.deepEqual(chooseRegistryRollback([], key, 4, 2), { kind: 'target', from: 4, to: 2 });
    assert.equal(chooseRegistryRollback([], key, 4, 4).kind, 'unchanged');
    assert.equal(chooseRegistryRollback([], key, undefined).kind, 'refused');
  });
});
