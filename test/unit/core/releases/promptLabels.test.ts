import * as assert from 'node:assert/strict';
import { parseReleaseManifest } from '../../../../src/core/releases/manifestParser';
import { promptLabelsIn } from '../../../../src/core/releases/promptLabels';

describe('Release manifest: the labels a version name may use', () => {
  it('a manifest that cannot be read gives its problem as one sentence with its line', () => {
    const conflicted = 'version: 1\nprompts:\n<<<<<<< ours\n  a: {}\n=======\n  b: {}\n>>>>>>> theirs\n';
    assert.deepEqual(promptLabelsIn(parseReleaseManifest(conflicted), 'greet'), {
      ok: false,
      problem: 'The release manifest has a merge-conflict marker (<<<<<<<); resolve the conflict before changing a label (line 3).',
    });
    // Only the sentence's own full stop makes way for the line, not one inside it.
    assert.deepEqual(promptLabelsIn(parseReleaseManifest('# notes\nversion: 1.5\n'), 'greet'), {
      ok: false,
      problem: 'The release manifest has version 1.5, but this PromptOps reads version 1 only; upgrade PromptOps (line 2).',
    });
  });

  it('no manifest means no labels; a readable one gives the prompt\'s labels', () => {
    assert.deepEqual(promptLabelsIn(undefined, 'greet'), { ok: true, labels: new Map(), canaries: new Map() });
    const labels = promptLabelsIn(parseReleaseManifest(`version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: ${'a'.repeat(40)}, path: greet.prompt, sha256: ${'f'.repeat(64)}}\nevents: []\n`), 'greet');
    assert.deepEqual(labels.ok ? [...labels.labels.keys()] : labels.problem, ['production']);
  });
});
