import * as assert from 'node:assert/strict';
import { canaryExperimentOf } from '../../../../src/core/canary/canaryExperiment';
import type { PromptReleases, ReleaseEvent, ReleaseManifest } from '../../../../src/core/releases/releaseManifest';

const stable = { commit: 'a'.repeat(40), path: 'p/support.prompt', sha256: '1'.repeat(64) };
const canary = { commit: 'b'.repeat(40), path: 'p/support.prompt', sha256: '2'.repeat(64), weight: 10 };

function event(overrides: Partial<ReleaseEvent>): ReleaseEvent {
  return { at: '2026-02-01T10:00:00Z', by: 'Ada', action: 'canary', prompt: 'support', label: 'prod', from: stable.commit, to: canary.commit, sha256: canary.sha256, note: '', weight: 10, ...overrides };
}

function manifest(releases: PromptReleases | undefined, events: readonly ReleaseEvent[]): ReleaseManifest {
  return { prompts: new Map(releases ? [['support', releases]] : []), events };
}

const running: PromptReleases = { labels: new Map([['prod', stable]]), canaries: new Map([['prod', canary]]) };

describe('The canary experiment of a prompt label', () => {
  it('a running canary is read from the manifest, with the start of its last canary event', () => {
    const events = [event({ at: '2026-01-01T10:00:00Z', to: 'c'.repeat(40) }), event({ at: '2026-02-01T10:00:00Z' }), event({ at: '2026-03-01T10:00:00Z', label: 'staging' })];
    assert.deepEqual(canaryExperimentOf(manifest(running, events), 'support', 'prod'), {
      prompt: 'support',
      label: 'prod',
      stableCommit: stable.commit,
      canaryCommit: canary.commit,
      weight: 10,
      source: 'manifest',
      since: '2026-02-01T10:00:00Z',
    });
  });

  it('a running canary whose last canary event went to another commit has no start', () => {
    const events = [event({ at: '2026-02-01T10:00:00Z', to: 'c'.repeat(40) })];
    assert.equal(canaryExperimentOf(manifest(running, events), 'support', 'prod')?.since, undefined);
    assert.equal(canaryExperimentOf(manifest(running, []), 'support', 'prod')?.since, undefined);
  });

  it('events of other prompts, labels or actions do not count as the canary start', () => {
    const events = [event({ prompt: 'other' }), event({ label: 'staging' }), event({ action: 'promote' })];
    assert.equal(canaryExperimentOf(manifest(running, events), 'support', 'prod')?.since, undefined);
  });

  it('an ended canary is read from the audit log\'s last canary event', () => {
    const ended: PromptReleases = { labels: new Map([['prod', canary]]), canaries: new Map() };
    const events = [event({ at: '2026-01-01T10:00:00Z', weight: 5, to: 'c'.repeat(40) }), event({ at: '2026-02-01T10:00:00Z', weight: 25 }), event({ at: '2026-03-01T10:00:00Z', action: 'promote' })];
    assert.deepEqual(canaryExperimentOf(manifest(ended, events), 'support', 'prod'), {
      prompt: 'support',
      label: 'prod',
      stableCommit: stable.commit,
      canaryCommit: canary.commit,
      weight: 25,
      source: 'audit log',
      since: '2026-02-01T10:00:00Z',
    });
  });

  it('a canary on a label without a stable release is read from the audit log', () => {
    const noStable: PromptReleases = { labels: new Map(), canaries: new Map([['prod', canary]]) };
    assert.equal(canaryExperimentOf(manifest(noStable, [event({})]), 'support', 'prod')?.source, 'audit log');
  });

  it('there is no experiment without a canary event, for a first release, or for an event without a weight', () => {
    assert.equal(canaryExperimentOf(manifest(undefined, []), 'support', 'prod'), undefined);
    assert.equal(canaryExperimentOf(manifest(undefined, [event({ from: null })]), 'support', 'prod'), undefined);
    const { weight: _weight, ...withoutWeight } = event({});
    assert.equal(canaryExperimentOf(manifest(undefined, [withoutWeight]), 'support', 'prod'), undefined);
    assert.equal(canaryExperimentOf(manifest(undefined, [event({ action: 'canary-clear' })]), 'support', 'prod'), undefined);
  });
});
