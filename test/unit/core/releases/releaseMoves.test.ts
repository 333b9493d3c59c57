import * as assert from 'node:assert/strict';
import { parseReleaseManifest } from '../../../../src/core/releases/manifestParser';
import { releaseCommitMessage } from '../../../../src/core/releases/releaseCommitMessage';
import type { ReleaseManifest } from '../../../../src/core/releases/releaseManifest';
import { planCanary, planCanaryClear, planPromote, planRollback, type MovePlan, type ReleaseMove } from '../../../../src/core/releases/releaseMoves';
import { commitA, commitB, commitC, commitD, hashB, hashC, hashD, sampleManifest } from './manifestText';
import { firstSevenOf } from '../../../../src/core/releases/commitAbbreviation';

const stamp = { at: '2026-02-01T10:00:00Z', by: 'Ada Lovelace <ada@example.com>', note: 'why' };
const prompt = 'support/summarize';
const path = 'support/summarize.prompt';

function moveOf(plan: MovePlan): ReleaseMove {
  if (plan.kind !== 'move') assert.fail(plan.kind === 'refused' ? plan.reason : plan.message);
  return plan.move;
}

describe('Release manifest: planning moves', () => {
  // Parsed per test, so mutation testing sees which tests depend on the parser.
  let manifest: ReleaseManifest;
  beforeEach(() => {
    manifest = parseReleaseManifest(sampleManifest).manifest;
  });

  it('a promote records the version served before as from, or null for a new label', () => {
    const move = moveOf(planPromote(manifest, { prompt, label: 'production', target: { commit: commitD, path, sha256: hashD }, stamp, short: firstSevenOf }));
    assert.deepEqual(move.setLabel, { commit: commitD, path, sha256: hashD });
    assert.deepEqual(move.events, [{ at: stamp.at, by: stamp.by, action: 'promote', prompt, label: 'production', from: commitB, to: commitD, sha256: hashD, note: 'why' }]);
    const fresh = moveOf(planPromote(manifest, { prompt, label: 'eu', target: { commit: commitD, path, sha256: hashD }, stamp: { at: stamp.at, by: stamp.by } , short: firstSevenOf }));
    assert.equal(fresh.events[0]?.from, null);
    assert.equal(fresh.events[0]?.note, '');
  });

  it('promoting what the label already serves changes nothing', () => {
    assert.deepEqual(planPromote(manifest, { prompt, label: 'production', target: { commit: commitB, path, sha256: hashB }, stamp, short: firstSevenOf }), {
      kind: 'unchanged',
      message: `support/summarize production is already at ${commitB.slice(0, 7)}.`,
    });
  });

  it('promoting the canary\'s version completes the canary: it is cleared with the promote, and no event goes from a commit to itself', () => {
    const move = moveOf(planPromote(manifest, { prompt, label: 'production', target: { commit: commitC, path, sha256: hashC }, stamp, short: firstSevenOf }));
    assert.equal(move.clearCanary, true);
    assert.deepEqual(move.events.map((event) => [event.action, event.from, event.to]), [['promote', commitB, commitC]]);
  });

  it('refuses reserved and malformed label names, saying which rule each breaks', () => {
    const rule = 'use 1 to 36 characters of a-z, 0-9, "_", "." and "-".';
    const reasons = ['latest', 'Production', 'a b', 'x'.repeat(37), ''].map((label) => {
      const plan = planPromote(manifest, { prompt, label, target: { commit: commitD, path, sha256: hashD }, stamp, short: firstSevenOf });
      return plan.kind === 'refused' ? plan.reason : plan.kind;
    });
    assert.deepEqual(reasons, [
      '"latest" is reserved: it always means the newest commit, so it cannot be a release label.',
      `"Production" is not a valid label name: ${rule}`,
      `"a b" is not a valid label name: ${rule}`,
      `"${'x'.repeat(37)}" is not a valid label name: ${rule}`,
      `"" is not a valid label name: ${rule}`,
    ]);
  });

  it('accepts label names at the edges of the rule: one character, 36 characters, digits, "_", "." and "-"', () => {
    for (const label of ['a', 'x'.repeat(36), 'eu-west_2.canary', '0']) {
      assert.equal(planPromote(manifest, { prompt, label, target: { commit: commitD, path, sha256: hashD }, stamp, short: firstSevenOf }).kind, 'move', label);
    }
  });

  it('a canary needs the label, another version and a weight from 1 to 99', () => {
    const target = { commit: commitD, path, sha256: hashD };
    const move = moveOf(planCanary(manifest, { prompt, label: 'production', target, weight: 30, stamp, short: firstSevenOf }));
    assert.deepEqual(move.setCanary, { ...target, weight: 30 });
    assert.deepEqual(move.events.map(({ action, from, to, weight }) => ({ action, from, to, weight })), [{ action: 'canary', from: commitB, to: commitD, weight: 30 }]);
    const refusals = [
      planCanary(manifest, { prompt, label: 'eu', target, weight: 30, stamp, short: firstSevenOf }),
      planCanary(manifest, { prompt, label: 'production', target: { commit: commitB, path, sha256: hashB }, weight: 30, stamp, short: firstSevenOf }),
      planCanary(manifest, { prompt, label: 'production', target, weight: 0, stamp, short: firstSevenOf }),
      planCanary(manifest, { prompt, label: 'production', target, weight: 100, stamp, short: firstSevenOf }),
      planCanary(manifest, { prompt, label: 'production', target, weight: 12.5, stamp, short: firstSevenOf }),
    ];
    assert.deepEqual(
      refusals.map((plan) => (plan.kind === 'refused' ? plan.reason : plan.kind)),
      [
        'support/summarize has no label eu to split traffic with; promote a version to eu first.',
        `support/summarize production already serves ${commitB.slice(0, 7)} to 90% of traffic (its canary ${commitC.slice(0, 7)} takes 10%); a canary needs another version.`,
        'A canary weight is a whole percentage from 1 to 99, not 0.',
        'A canary weight is a whole percentage from 1 to 99, not 100.',
        'A canary weight is a whole percentage from 1 to 99, not 12.5.',
      ],
    );
    assert.equal(planCanary(manifest, { prompt, label: 'production', target: { commit: commitC, path, sha256: hashC }, weight: 10, stamp, short: firstSevenOf }).kind, 'unchanged');
    assert.equal(planCanary(manifest, { prompt, label: 'production', target: { commit: commitC, path, sha256: hashC }, weight: 50, stamp, short: firstSevenOf }).kind, 'move');
  });

  it('clearing a canary records from the canary to the label\'s own version, and needs a canary', () => {
    const move = moveOf(planCanaryClear(manifest, { prompt, label: 'production', stamp, short: firstSevenOf }));
    assert.equal(move.clearCanary, true);
    assert.deepEqual(move.events.map(({ action, from, to, sha256 }) => ({ action, from, to, sha256 })), [{ action: 'canary-clear', from: commitC, to: commitB, sha256: hashB }]);
    assert.deepEqual(planCanaryClear(manifest, { prompt, label: 'staging', stamp, short: firstSevenOf }), { kind: 'refused', reason: 'support/summarize staging has no canary to clear.' });
  });

  it('a rollback needs the label to exist and another version; back to the canary\'s version it ends the canary', () => {
    assert.deepEqual(planRollback(manifest, { prompt, label: 'eu', target: { commit: commitA, path, sha256: hashB }, stamp, short: firstSevenOf }), { kind: 'refused', reason: 'support/summarize has no label eu, so there is nothing to roll back.' });
    assert.deepEqual(planRollback(manifest, { prompt, label: 'production', target: { commit: commitB, path, sha256: hashB }, stamp, short: firstSevenOf }), { kind: 'unchanged', message: 'support/summarize production is already at bbbbbbb.' });
    const toCanary = moveOf(planRollback(manifest, { prompt, label: 'production', target: { commit: commitC, path, sha256: hashC }, stamp, short: firstSevenOf }));
    assert.deepEqual([toCanary.clearCanary, toCanary.events.map(({ action, from, to }) => [action, from, to])], [true, [['rollback', commitB, commitC]]]);
    const back = moveOf(planRollback(manifest, { prompt, label: 'production', target: { commit: commitA, path, sha256: hashB }, stamp, short: firstSevenOf }));
    assert.equal('clearCanary' in back, false);
  });

  it('a canary of what a label without a canary serves is refused; one of the same commit with another file or hash is a move', () => {
    assert.deepEqual(planCanary(manifest, { prompt, label: 'staging', target: { commit: commitC, path, sha256: hashC }, weight: 5, stamp, short: firstSevenOf }), {
      kind: 'refused',
      reason: 'support/summarize staging already serves ccccccc to all traffic; a canary needs another version.',
    });
    assert.deepEqual(planCanary(manifest, { prompt, label: 'production', target: { commit: commitC, path, sha256: hashC }, weight: 10, stamp, short: firstSevenOf }), {
      kind: 'unchanged',
      message: 'support/summarize production already serves ccccccc to 10% of traffic.',
    });
    assert.equal(planCanary(manifest, { prompt, label: 'production', target: { commit: commitC, path: 'support/renamed.prompt', sha256: hashC }, weight: 10, stamp, short: firstSevenOf }).kind, 'move');
    assert.equal(planCanary(manifest, { prompt, label: 'production', target: { commit: commitC, path, sha256: hashD }, weight: 10, stamp, short: firstSevenOf }).kind, 'move');
    assert.equal(planCanary(manifest, { prompt, label: 'production', target: { commit: commitD, path, sha256: hashC }, weight: 10, stamp, short: firstSevenOf }).kind, 'move');
  });

  it('refuses to clear a hand-written canary of the label\'s own version, since no move leaves one', () => {
    const handWritten = parseReleaseManifest(sampleManifest.replace(`      production:\n        commit: ${commitC}`, `      production:\n        commit: ${commitB}`)).manifest;
    assert.deepEqual(planCanaryClear(handWritten, { prompt, label: 'production', stamp, short: firstSevenOf }), {
      kind: 'refused',
      reason: "The canary of support/summarize production serves bbbbbbb, the label's own version, which no move of promptops leaves behind; remove it from the manifest in a reviewed change.",
    });
  });

  it('records the check error a move was allowed past in its event, and none when there was none', () => {
    const target = { commit: commitD, path, sha256: hashD };
    const allowed = moveOf(planPromote(manifest, { prompt, label: 'production', target, stamp: { ...stamp, allowedError: 'dotprompt-unknown-helper' }, short: firstSevenOf }));
    assert.equal(allowed.events[0]?.allowedError, 'dotprompt-unknown-helper');
    const plain = moveOf(planPromote(manifest, { prompt, label: 'production', target, stamp, short: firstSevenOf }));
    assert.equal(plain.events[0] === undefined ? undefined : 'allowedError' in plain.events[0], false);
  });

  it('names the commit after what moved, with the note as its body', () => {
    const target = { commit: commitD, path, sha256: hashD };
    const messages = [
      moveOf(planPromote(manifest, { prompt, label: 'production', target, stamp, short: firstSevenOf })),
      moveOf(planRollback(manifest, { prompt, label: 'production', target: { commit: commitA, path, sha256: hashB }, stamp, short: firstSevenOf })),
      moveOf(planCanary(manifest, { prompt, label: 'production', target, weight: 10, stamp, short: firstSevenOf })),
      moveOf(planCanaryClear(manifest, { prompt, label: 'production', stamp, short: firstSevenOf })),
    ].map((move) => releaseCommitMessage(move, firstSevenOf));
    assert.deepEqual(messages, [
      { subject: 'promote support/summarize to production (ddddddd)', body: 'why' },
      { subject: 'roll back support/summarize production to aaaaaaa', body: 'why' },
      { subject: 'canary support/summarize production 10% (ddddddd)', body: 'why' },
      { subject: 'clear canary of support/summarize production (ccccccc)', body: 'why' },
    ]);
  });
});
