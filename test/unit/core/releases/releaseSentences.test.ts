import * as assert from 'node:assert/strict';
import { firstSevenOf } from '../../../../src/core/releases/commitAbbreviation';
import { releaseCommitMessage } from '../../../../src/core/releases/releaseCommitMessage';
import { releaseEventSentence, releaseMoveSentences } from '../../../../src/core/releases/releaseEventSentence';
import type { ReleaseEvent } from '../../../../src/core/releases/releaseManifest';

const a = 'a'.repeat(40);
const b = 'b'.repeat(40);

function event(fields: Partial<ReleaseEvent> & Pick<ReleaseEvent, 'action'>): ReleaseEvent {
  return { at: '2026-02-01T10:00:00Z', by: 'Ada', prompt: 'support/summarize', label: 'production', from: a, to: b, sha256: 'f'.repeat(64), note: 'why', ...fields };
}

describe('Release events in words: the sentence after a move and the commit message', () => {
  it('says what each kind of event did, with short SHAs', () => {
    assert.deepEqual(
      [
        event({ action: 'promote' }),
        event({ action: 'promote', from: null }),
        event({ action: 'rollback' }),
        event({ action: 'canary', weight: 20 }),
        event({ action: 'canary-clear', from: b, to: a }),
      ].map((moved) => releaseEventSentence(moved, firstSevenOf)),
      [
        'Promoted support/summarize to production: aaaaaaa → bbbbbbb.',
        'Promoted support/summarize to production: bbbbbbb (a new label).',
        'Rolled back support/summarize production: aaaaaaa → bbbbbbb.',
        'Canary for support/summarize production: bbbbbbb serves 20% of traffic, aaaaaaa the rest.',
        'Cleared the canary of support/summarize production: aaaaaaa serves all traffic.',
      ],
    );
  });

  it('marks what a hand-written event leaves out with "?" rather than printing "null" or "undefined"', () => {
    assert.deepEqual([event({ action: 'rollback', from: null }), event({ action: 'canary', from: null })].map((moved) => releaseEventSentence(moved, firstSevenOf)), [
      'Rolled back support/summarize production: ? → bbbbbbb.',
      'Canary for support/summarize production: bbbbbbb serves ?% of traffic, ? the rest.',
    ]);
  });

  it('prints each commit as the abbreviation it is given, so a longer one git chose where 7 is ambiguous shows whole', () => {
    const gitAbbreviations = new Map([[a, 'aaaaaaa1'], [b, 'bbbbbbb']]);
    const short = (commit: string): string => gitAbbreviations.get(commit) ?? commit;
    assert.equal(releaseEventSentence(event({ action: 'rollback' }), short), 'Rolled back support/summarize production: aaaaaaa1 → bbbbbbb.');
    assert.equal(releaseCommitMessage({ prompt: 'support/summarize', label: 'production', events: [event({ action: 'promote', from: b, to: a })] }, short).subject, 'promote support/summarize to production (aaaaaaa1)');
  });

  it('names a commit after the first event of the move, with its note as the body', () => {
    const message = (events: ReleaseEvent[]) => releaseCommitMessage({ prompt: 'support/summarize', label: 'production', events }, firstSevenOf);
    assert.deepEqual(message([event({ action: 'canary-clear', from: null, to: a, note: '' })]), { subject: 'clear canary of support/summarize production (aaaaaaa)', body: '' });
    assert.deepEqual(message([event({ action: 'canary' })]), { subject: 'canary support/summarize production % (bbbbbbb)', body: 'why' });
    assert.deepEqual(message([]), { subject: 'update releases of support/summarize production', body: '' });
  });

  it('says a canary is over when a promote or rollback goes to its version, and only then', () => {
    const target = { commit: b, path: 'support/summarize.prompt', sha256: 'f'.repeat(64) };
    const promote = event({ action: 'promote' });
    assert.deepEqual(releaseMoveSentences({ prompt: 'support/summarize', label: 'production', setLabel: target, clearCanary: true, events: [promote] }, firstSevenOf), [
      'Promoted support/summarize to production: aaaaaaa → bbbbbbb.',
      'The canary of support/summarize production is over: bbbbbbb now serves all traffic.',
    ]);
    assert.deepEqual(releaseMoveSentences({ prompt: 'support/summarize', label: 'production', setLabel: target, events: [promote] }, firstSevenOf), ['Promoted support/summarize to production: aaaaaaa → bbbbbbb.']);
    assert.deepEqual(releaseMoveSentences({ prompt: 'support/summarize', label: 'production', clearCanary: true, events: [event({ action: 'canary-clear', from: b, to: a })] }, firstSevenOf), [
      'Cleared the canary of support/summarize production: aaaaaaa serves all traffic.',
    ]);
  });
});
