import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReleaseManifest, type ParsedReleaseManifest } from '../../../../src/core/releases/manifestParser';
import { GitFixture } from '../../node/gitFixture';

/** v1 of the summarizer: a ticket. */
export const summarizeV1 = `---
input:
  schema:
    ticket: string
---
Summarize this ticket: {{ticket}}
`;

/** v2: an optional tone with a default, which breaks nobody, and the shared style partial. */
export const summarizeV2 = `---
input:
  schema:
    ticket: string
    tone?: string
  default:
    tone: calm
---
{{> style}}
Summarize this ticket in a {{tone}} tone: {{ticket}}
`;

/** v3: a required customer without a default, which breaks callers that do not send it. */
export const summarizeV3 = `---
input:
  schema:
    ticket: string
    customer: string
---
Summarize {{customer}}'s ticket: {{ticket}}
`;

export const styleV1 = 'Write plainly.\n';

export const triageV1 = `---
input:
  schema:
    ticket: string
---
Classify: {{ticket}}
`;

/** A repository with three versions of support/summarize.prompt, one of support/triage.prompt and an unrelated commit on top. */
export interface ReleaseRepository {
  readonly fixture: GitFixture;
  readonly v1: string;
  readonly v2: string;
  readonly v3: string;
  readonly triage: string;
  readonly unrelated: string;
}

export function createReleaseRepository(): ReleaseRepository {
  const fixture = GitFixture.create();
  const v1 = fixture.commit('summarize v1', { files: { 'support/summarize.prompt': summarizeV1 } });
  const v2 = fixture.commit('summarize v2', { files: { 'support/summarize.prompt': summarizeV2, 'support/_style.prompt': styleV1 } });
  const triage = fixture.commit('triage v1', { files: { 'support/triage.prompt': triageV1 } });
  const v3 = fixture.commit('summarize v3', { files: { 'support/summarize.prompt': summarizeV3 } });
  const unrelated = fixture.commit('docs', { files: { 'README.md': 'Prompts\n' } });
  return { fixture, v1, v2, v3, triage, unrelated };
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

export function short(commit: string): string {
  return commit.slice(0, 7);
}

/** The manifest of the fixture as it is on disk. */
export function manifestIn(fixture: GitFixture): ParsedReleaseManifest {
  return parseReleaseManifest(fs.readFileSync(path.join(fixture.root, 'prompt-releases.yaml'), 'utf8'));
}

export function manifestBytes(fixture: GitFixture): Buffer | undefined {
  const file = path.join(fixture.root, 'prompt-releases.yaml');
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

/**
 * A git for `gitPath` that fails the calls whose arguments match the shell `case` pattern with
 * `fatal: <message>`, as a damaged object store would, and runs every other call.
 */
export function gitFailingOn(repo: Pick<ReleaseRepository, 'fixture'>, casePattern: string, message: string): string {
  const file = path.join(repo.fixture.root, '.git', 'failing-git');
  fs.writeFileSync(file, `#!/bin/sh\ncase " $* " in ${casePattern}) echo "fatal: ${message}" >&2; exit 128;; esac\nexec git "$@"\n`, { mode: 0o755 });
  return file;
}
