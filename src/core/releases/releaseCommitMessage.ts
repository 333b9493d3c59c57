import { shortSha } from './promotionHistory';
import type { ReleaseMove } from './releaseMoves';

/** The commit message of a manifest change: a subject such as `promote support/summarize to production (a1b2c3d)`, then the note. */
export function releaseCommitMessage(move: ReleaseMove): { readonly subject: string; readonly body: string } {
  const [first] = move.events;
  if (!first) return { subject: `update releases of ${move.prompt} ${move.label}`, body: '' };
  const { prompt, label, to, from } = first;
  const subjects: Record<typeof first.action, string> = {
    promote: `promote ${prompt} to ${label} (${shortSha(to)})`,
    rollback: `roll back ${prompt} ${label} to ${shortSha(to)}`,
    canary: `canary ${prompt} ${label} ${first.weight ?? ''}% (${shortSha(to)})`,
    'canary-clear': `clear canary of ${prompt} ${label} (${shortSha(from ?? to)})`,
  };
  return { subject: subjects[first.action], body: first.note };
}
