import * as assert from 'node:assert/strict';
import { labelsPointingAt, labelTargetsOf, releaseEventsOf, type ReleaseEvent, type ReleaseManifest, type ReleaseTarget } from '../../../../src/core/releases/releaseManifest';

const served = (commit: string): ReleaseTarget => ({ commit, path: 'greet.prompt', sha256: 'f'.repeat(64) });
const a = 'a'.repeat(40);
const b = 'b'.repeat(40);

function event(prompt: string, label: string, to: string): ReleaseEvent {
  return { at: '2026-02-01T10:00:00Z', by: 'Ada', action: 'promote', prompt, label, from: null, to, sha256: 'f'.repeat(64), note: `${prompt} ${label}` };
}

describe('Release manifest: reading labels and events', () => {
  it('lists the labels that serve a commit in name order, whatever order the manifest has them in', () => {
    const labels = new Map([
      ['staging', served(a)],
      ['eu', served(b)],
      ['production', served(a)],
      ['canary-eu', served(a)],
    ]);
    assert.deepEqual(labelsPointingAt(labels, a), ['canary-eu', 'production', 'staging']);
    assert.deepEqual(labelsPointingAt(labels, b), ['eu']);
    assert.deepEqual(labelsPointingAt(labels, 'c'.repeat(40)), []);
  });

  it('gives a prompt\'s label targets, and none for a prompt the manifest does not mention', () => {
    const labels = new Map([['production', served(a)]]);
    const manifest: ReleaseManifest = { prompts: new Map([['greet', { labels, canaries: new Map() }]]), events: [] };
    assert.equal(labelTargetsOf(manifest, 'greet'), labels);
    assert.equal(labelTargetsOf(manifest, 'other').size, 0);
  });

  it('filters events by prompt, by label, or both, keeping their order', () => {
    const manifest: ReleaseManifest = {
      prompts: new Map(),
      events: [event('greet', 'production', a), event('other', 'production', b), event('greet', 'staging', b), event('greet', 'production', b)],
    };
    const notes = (filter: Parameters<typeof releaseEventsOf>[1]) => releaseEventsOf(manifest, filter).map((entry) => `${entry.note} ${entry.to[0]}`);
    assert.deepEqual(notes({}), ['greet production a', 'other production b', 'greet staging b', 'greet production b']);
    assert.deepEqual(notes({ prompt: 'greet' }), ['greet production a', 'greet staging b', 'greet production b']);
    assert.deepEqual(notes({ label: 'production' }), ['greet production a', 'other production b', 'greet production b']);
    assert.deepEqual(notes({ prompt: 'greet', label: 'production' }), ['greet production a', 'greet production b']);
    assert.deepEqual(releaseEventsOf(manifest).length, 4);
  });
});
