import * as assert from 'node:assert/strict';
import { applyReleaseMove } from '../../../../src/core/releases/manifestEditor';
import { parseReleaseManifest } from '../../../../src/core/releases/manifestParser';
import { chooseRollbackTarget, promotionHistory } from '../../../../src/core/releases/promotionHistory';
import type { ReleaseManifest } from '../../../../src/core/releases/releaseManifest';
import { planCanary, planCanaryClear, planPromote, planRollback, type MovePlan } from '../../../../src/core/releases/releaseMoves';
import { commitA, commitB, commitC, commitD, hashA, hashB, hashC, hashD } from './manifestText';
import { firstSevenOf } from '../../../../src/core/releases/commitAbbreviation';

const hashes: Record<string, string> = { [commitA]: hashA, [commitB]: hashB, [commitC]: hashC, [commitD]: hashD };
const stamp = { at: '2026-02-01T10:00:00Z', by: 'Ada' };
const request = { prompt: 'greet', label: 'production', short: firstSevenOf };

/** A label's story as the verbs would write it: promote each commit given, or roll back (`rollback` or `rollback:<commit>`). */
class Story {
  text = '';

  get manifest(): ReleaseManifest {
    return parseReleaseManifest(this.text).manifest;
  }

  promote(commit: string): this {
    return this.apply(planPromote(this.manifest, { ...request, target: target(commit), stamp, short: firstSevenOf }));
  }

  rollback(to?: string): string {
    const choice = chooseRollbackTarget(this.manifest, { ...request, to });
    if (choice.kind === 'refused') throw new Error(choice.reason);
    if (choice.kind === 'unchanged') return choice.message;
    this.apply(planRollback(this.manifest, { ...request, target: target(choice.target.commit), stamp, short: firstSevenOf }));
    return choice.target.commit;
  }

  private apply(plan: MovePlan): this {
    assert.equal(plan.kind, 'move');
    if (plan.kind === 'move') this.text = applyReleaseMove(parseReleaseManifest(this.text), plan.move);
    return this;
  }
}

function target(commit: string) {
  return { commit, path: 'greet.prompt', sha256: hashes[commit] ?? '' };
}

describe('Release manifest: rollback follows the label\'s own promotion history', () => {
  it('promote v1, promote v2, rollback returns to v1, and a second rollback is refused', () => {
    const story = new Story().promote(commitA).promote(commitB);
    assert.equal(story.rollback(), commitA);
    assert.equal(story.manifest.prompts.get('greet')?.labels.get('production')?.commit, commitA);
    assert.throws(() => story.rollback(), { message: `greet production has no earlier version to roll back to: ${commitA.slice(0, 7)} is the first version it served.` });
  });

  it('repeated rollbacks keep going back, never forward to the version just rolled back', () => {
    const story = new Story().promote(commitA).promote(commitB).promote(commitC);
    assert.equal(story.rollback(), commitB);
    assert.equal(story.rollback(), commitA);
    assert.deepEqual(promotionHistory(story.manifest, 'greet', 'production'), [{ commit: commitA, sha256: hashA }]);
  });

  it('rollback after a version was served twice goes back to the one before it', () => {
    // A, B, A again, then C: the second A is where the first rollback lands, so the next goes to B, not past it.
    const story = new Story().promote(commitA).promote(commitB).promote(commitA).promote(commitC);
    assert.equal(story.rollback(), commitA);
    assert.equal(story.rollback(), commitB);
    assert.equal(story.rollback(), commitA);
    assert.throws(() => story.rollback(), /no earlier version/);
  });

  it('a promote after a rollback is rolled back to where the rollback left the label', () => {
    const story = new Story().promote(commitA).promote(commitB);
    story.rollback();
    story.promote(commitC);
    assert.equal(story.rollback(), commitA);
  });

  it('--to picks an earlier version, also one an earlier rollback undid', () => {
    const story = new Story().promote(commitA).promote(commitB).promote(commitC);
    assert.equal(story.rollback(commitA), commitA);
    assert.equal(story.rollback(commitC), commitC, 'C served production once');
    assert.equal(story.rollback(), commitA);
  });

  it('--to counts only what this label of this prompt served, not another label\'s or prompt\'s moves', () => {
    const story = new Story().promote(commitA).promote(commitB);
    for (const other of [{ prompt: 'greet', label: 'staging' }, { prompt: 'other', label: 'production' }]) {
      const parsed = parseReleaseManifest(story.text);
      const plan = planPromote(parsed.manifest, { ...other, target: target(commitD), stamp, short: firstSevenOf });
      assert.equal(plan.kind, 'move');
      if (plan.kind === 'move') story.text = applyReleaseMove(parsed, plan.move);
    }
    assert.deepEqual(chooseRollbackTarget(story.manifest, { ...request, to: commitD }), {
      kind: 'refused',
      reason: `${commitD.slice(0, 7)} never served greet production, so a rollback cannot return to it; promote it instead.`,
    });
  });

  it('--to refuses a version the label never served, and the current one is nothing to do', () => {
    const story = new Story().promote(commitA).promote(commitB);
    assert.throws(() => story.rollback(commitD), { message: `${commitD.slice(0, 7)} never served greet production, so a rollback cannot return to it; promote it instead.` });
    assert.equal(story.rollback(commitB), `greet production is already at ${commitB.slice(0, 7)}.`);
  });

  it('a label edited by hand counts as promoted to what it now serves', () => {
    const story = new Story().promote(commitA);
    story.text = story.text.replace(`        commit: ${commitA}\n`, `        commit: ${commitB}\n`).replace(`        sha256: ${hashA}\n`, `        sha256: ${hashB}\n`);
    assert.deepEqual(promotionHistory(story.manifest, 'greet', 'production').map((served) => served.commit), [commitA, commitB]);
    assert.equal(story.rollback(), commitA);
  });

  it('a label that served a version before the log began can be rolled back to it', () => {
    const handWritten = `version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: ${commitA}, path: greet.prompt, sha256: ${hashA}}\nevents: []\n`;
    const story = new Story();
    story.text = handWritten;
    story.promote(commitB);
    assert.deepEqual(promotionHistory(story.manifest, 'greet', 'production'), [{ commit: commitA, sha256: undefined }, { commit: commitB, sha256: hashB }]);
    assert.equal(story.rollback(), commitA);
    assert.throws(() => story.rollback(), /no earlier version/);
  });

  it('a canary neither enters the label\'s history nor counts as served for --to', () => {
    const story = new Story().promote(commitA).promote(commitB);
    for (const plan of [(manifest: ReleaseManifest) => planCanary(manifest, { ...request, target: target(commitD), weight: 10, stamp }), (manifest: ReleaseManifest) => planCanaryClear(manifest, { ...request, stamp })]) {
      const parsed = parseReleaseManifest(story.text);
      const planned = plan(parsed.manifest);
      assert.equal(planned.kind, 'move');
      if (planned.kind === 'move') story.text = applyReleaseMove(parsed, planned.move);
      // While the canary runs, and after it is cleared.
      assert.deepEqual(promotionHistory(story.manifest, 'greet', 'production').map((served) => served.commit), [commitA, commitB]);
      assert.deepEqual(chooseRollbackTarget(story.manifest, { ...request, to: commitD }), {
        kind: 'refused',
        reason: `${commitD.slice(0, 7)} never served greet production, so a rollback cannot return to it; promote it instead.`,
      });
    }
  });

  it('--to returns to the version a label served before the log began, whose hash the log never recorded', () => {
    const story = new Story();
    story.text = `version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: ${commitA}, path: greet.prompt, sha256: ${hashA}}\nevents: []\n`;
    story.promote(commitB).promote(commitC);
    assert.deepEqual(chooseRollbackTarget(story.manifest, { ...request, to: commitA }), { kind: 'target', current: story.manifest.prompts.get('greet')?.labels.get('production'), target: { commit: commitA, sha256: undefined } });
  });

  it('--to returns to a version a hand-written log reached only by a rollback, with the hash that rollback recorded', () => {
    const line = (action: string, from: string | null, to: string, hour: number): string =>
      `  - {at: 2026-02-01T${String(hour).padStart(2, '0')}:00:00Z, by: Ada, action: ${action}, prompt: greet, label: production, from: ${from ?? 'null'}, to: ${to}, sha256: ${hashes[to] ?? ''}}`;
    const manifest = parseReleaseManifest(
      [
        'version: 1',
        'prompts:',
        '  greet:',
        `    labels: {production: {commit: ${commitB}, path: greet.prompt, sha256: ${hashB}}}`,
        'events:',
        line('promote', null, commitA, 1),
        line('rollback', commitA, commitC, 2),
        line('rollback', commitC, commitA, 3),
        line('promote', commitA, commitB, 4),
        '',
      ].join('\n'),
    ).manifest;
    assert.deepEqual(promotionHistory(manifest, 'greet', 'production').map((served) => served.commit), [commitA, commitB]);
    const choice = chooseRollbackTarget(manifest, { ...request, to: commitC });
    assert.deepEqual(choice.kind === 'target' ? choice.target : choice, { commit: commitC, sha256: hashC });
  });

  it('refuses an unknown label, a reserved one and a label name that breaks the rules', () => {
    const manifest = new Story().promote(commitA).manifest;
    assert.deepEqual(chooseRollbackTarget(manifest, { prompt: 'greet', label: 'staging', short: firstSevenOf }), { kind: 'refused', reason: 'greet has no label staging, so there is nothing to roll back.' });
    assert.deepEqual(chooseRollbackTarget(manifest, { prompt: 'other', label: 'production', short: firstSevenOf }), { kind: 'refused', reason: 'other has no label production, so there is nothing to roll back.' });
    assert.match(chooseRollbackTarget(manifest, { prompt: 'greet', label: 'latest', short: firstSevenOf }).kind === 'refused' ? 'refused' : '', /refused/);
    const bad = chooseRollbackTarget(manifest, { prompt: 'greet', label: 'Prod', short: firstSevenOf });
    assert.match(bad.kind === 'refused' ? bad.reason : '', /is not a valid label name/);
  });

  it('keeps the history of each label and prompt apart', () => {
    const story = new Story().promote(commitA).promote(commitB);
    assert.deepEqual(promotionHistory(story.manifest, 'greet', 'staging'), []);
    assert.deepEqual(promotionHistory(story.manifest, 'other', 'production'), []);
  });
});
