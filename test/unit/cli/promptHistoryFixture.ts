import { createHash } from 'node:crypto';
import { GitFixture } from '../node/gitFixture';

/** The commits of the prompt story the CLI tests run against, by what they did. */
export interface PromptHistory {
  readonly fixture: GitFixture;
  readonly added: string;
  readonly shortened: string;
  readonly moved: string;
  readonly bulleted: string;
}

export const addedSource = `---
input:
  schema:
    ticket: string
    tone?: string
  default:
    tone: calm
---
Summarize this ticket in a {{tone}} tone.

{{ticket}}
`;

export const shortenedSource = `---
input:
  schema:
    ticket: string
    tone?: string
  default:
    tone: calm
---
Summarize this ticket in one sentence, in a {{tone}} tone.

{{ticket}}
`;

export const bulletedSource = `---
input:
  schema:
    ticket: string
    tone?: string
  default:
    tone: calm
---
Summarize this ticket in at most three bullet points, in a {{tone}} tone.

{{ticket}}
`;

/**
 * A repository where `support/summarize.prompt` is added, shortened by another author, moved to
 * `support/tickets/summarize.prompt` and given bullet points; `production` points at the shortened
 * version and the prompt has an `outage` sample set.
 */
export function createPromptHistory(): PromptHistory {
  const fixture = GitFixture.create();
  const added = fixture.commit('Add ticket summarizer', { files: { 'support/summarize.prompt': addedSource, 'README.md': 'Prompts\n' } });
  const shortened = fixture.commit('summarize: one sentence', {
    files: { 'support/summarize.prompt': shortenedSource },
    author: { name: 'Grace Hopper', email: 'grace@example.com' },
  });
  const moved = fixture.commit('Move ticket prompts into support/tickets', { renames: { 'support/summarize.prompt': 'support/tickets/summarize.prompt' } });
  const bulleted = fixture.commit('summarize: bullet points', {
    files: {
      'support/tickets/summarize.prompt': bulletedSource,
      'support/tickets/summarize.samples.yaml': 'outage:\n  ticket: The dashboard returns 502 since 09:00.\n  tone: urgent\n',
    },
  });
  fixture.commit('promote support/tickets/summarize to production', {
    files: {
      'prompt-releases.yaml': `version: 1\nprompts:\n  support/tickets/summarize:\n    labels:\n      production: {commit: ${shortened}, path: support/summarize.prompt, sha256: ${sha256Of(shortenedSource)}}\n`,
    },
  });
  return { fixture, added, shortened, moved, bulleted };
}

function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
