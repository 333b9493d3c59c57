import { escapeControlCharacters } from '../core/document/controlCharacters';
import type { BreakingChange } from '../core/releases/breakingChanges';
import { releaseMoveSentences } from '../core/releases/releaseEventSentence';
import type { ReleaseOutcome } from '../node/releases/releaseActions';
import type { CliIo } from './cliIo';

/** Prints each breaking change as a warning line on stderr, prefixed like every message of the verb. */
export function printBreakingChanges(io: CliIo, verb: string, prompt: string, label: string, changes: readonly BreakingChange[]): void {
  for (const change of changes) io.err(`promptops ${verb}: warning: ${escapeControlCharacters(`${prompt} ${label}: ${change.message}`)}\n`);
}

/** What an applied or unchanged move prints on stdout: one line per event, then the commit when there is one. */
export function outcomeText(outcome: ReleaseOutcome): string {
  if (outcome.kind === 'unchanged') return `${escapeControlCharacters(outcome.message)} Nothing to do.\n`;
  if (outcome.kind === 'cancelled') return '';
  // Prompt ids come from front matter anyone can write.
  const lines = releaseMoveSentences(outcome.move, outcome.short).map(escapeControlCharacters);
  if (outcome.commit !== undefined) lines.push(`Committed the manifest alone as ${outcome.short(outcome.commit)}.`);
  return `${lines.join('\n')}\n`;
}
