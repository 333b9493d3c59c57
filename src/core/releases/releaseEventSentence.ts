import { shortSha } from './promotionHistory';
import type { ReleaseEvent } from './releaseManifest';

/** One sentence saying what an audit event did, e.g. `Rolled back support/summarize production: e552fe6 → 95fda74.` */
export function releaseEventSentence(event: ReleaseEvent): string {
  const from = event.from === null ? undefined : shortSha(event.from);
  const to = shortSha(event.to);
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
