import type { AbbreviateCommit } from './commitAbbreviation';
import type { ReleaseEvent } from './releaseManifest';
import type { ReleaseMove } from './releaseMoves';

/**
 * One sentence saying what an audit event did, e.g. `Rolled back support/summarize production: e552fe6 → 95fda74.`;
 * `short` abbreviates commits (the editor passes git's own abbreviations).
 */
export function releaseEventSentence(event: ReleaseEvent, short: AbbreviateCommit): string {
  const from = event.from === null ? undefined : short(event.from);
  const to = short(event.to);
  switch (event.action) {
    case 'promote':
      return from === undefined ? `Promoted ${event.prompt} to ${event.label}: ${to} (a new label).` : `Promoted ${event.prompt} to ${event.label}: ${from} → ${to}.`;
    case 'rollback':
      return `Rolled back ${event.prompt} ${event.label}: ${from ?? '?'} → ${to}.`;
    case 'canary':
      return `Canary for ${event.prompt} ${event.label}: ${to} serves ${event.weight ?? '?'}% of traffic, ${from ?? '?'} the rest.`;
    case 'canary-clear':
      return `Cleared the canary of ${event.prompt} ${event.label}: ${to} serves all traffic.`;
  }
}

/** What a move did, one sentence per event, plus the end of a canary that a promote or rollback to its version made. */
export function releaseMoveSentences(move: ReleaseMove, short: AbbreviateCommit): string[] {
  const sentences = move.events.map((event) => releaseEventSentence(event, short));
  const to = move.setLabel;
  if (move.clearCanary && to && !move.events.some((event) => event.action === 'canary-clear')) {
    sentences.push(`The canary of ${move.prompt} ${move.label} is over: ${short(to.commit)} now serves all traffic.`);
  }
  return sentences;
}
