import * as assert from 'node:assert/strict';
import { labelsPointingAt, releaseLabelsOf } from '../../../src/core/releaseLabelLookup';

const a = 'a'.repeat(40);
const b = 'b'.repeat(40);

const manifest = `version: 1
prompts:
  support/summarize:
    labels:
      production: {commit: ${a}, path: support/summarize.prompt, sha256: ${'1'.repeat(64)}}
      staging: {commit: ${b}, path: support/summarize.prompt}
      broken: {path: nowhere.prompt}
    canary:
      production: {commit: ${b}, weight: 10}
  other:
    labels:
      production: {commit: ${b}}
events: []
`;

describe('Release label lookup', () => {
  it('reads the labels of one prompt with their commit, path and hash, a hash of only digits included', () => {
    const lookup = releaseLabelsOf(manifest, 'support/summarize');
    assert.ok(lookup.ok);
    assert.deepEqual([...lookup.labels], [
      ['production', { commit: a, path: 'support/summarize.prompt', sha256: '1'.repeat(64) }],
      ['staging', { commit: b, path: 'support/summarize.prompt' }],
    ]);
  });

  it('has no labels for a prompt the manifest does not mention, or an empty manifest', () => {
    assert.deepEqual(releaseLabelsOf(manifest, 'nobody'), { ok: true, labels: new Map() });
    assert.deepEqual(releaseLabelsOf('', 'nobody'), { ok: true, labels: new Map() });
  });

  it('says in one sentence when the manifest does not parse', () => {
    const lookup = releaseLabelsOf('prompts: [unclosed', 'x');
    assert.equal(lookup.ok, false);
    assert.match(lookup.ok ? '' : lookup.problem, /^The release manifest does not parse: [^\n]+\.$/);
  });

  it('lists the labels pointing at a commit in name order', () => {
    const lookup = releaseLabelsOf(manifest.replace(`staging: {commit: ${b}`, `staging: {commit: ${a}`), 'support/summarize');
    assert.ok(lookup.ok);
    assert.deepEqual(labelsPointingAt(lookup.labels, a), ['production', 'staging']);
    assert.deepEqual(labelsPointingAt(lookup.labels, b), []);
  });
});
