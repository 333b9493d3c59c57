import type { AbbreviateCommit } from './commitAbbreviation';
import type { ReleaseMove } from './releaseMoves';

/** The commit message of a manifest change: a subject such as `promote support/summarize to production (a1b2c3d)`, then the note; `short` abbreviates its commit. */
export function releaseCommitMessage(move: ReleaseMove, short: AbbreviateCommit): { readonly subject: string; readonly body: string } {
  const [first] = move.events;
  if (!first) return { subject: `update releases of ${move.prompt} ${move.label}`, body: '' };
  const { prompt, label, to, from } = first;
  const subjects: Record<typeof first.action, string> = {
    promote: `promote ${prompt} to ${label} (${short(to)})`,
    rollback: `roll back ${prompt} ${label} to ${short(to)}`,
    canary: `canary ${prompt} ${label} ${first.weight ?? ''}% (${short(to)})`,
    'canary-clear': `clear canary of ${prompt} ${label} (${short(from ?? to)})`,
  };
  return { subject: subjects[first.action], body: first.note };
}
