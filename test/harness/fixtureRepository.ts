import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scriptedGit } from './scriptedGit';

/** The versions of prompts/story.prompt the integration tests expect, oldest first. */
export const storyVersions = [
  { subject: 'Add story draft prompt', path: 'prompts/story-draft.prompt', text: '---\ninput:\n  schema:\n    topic: string\n---\nTell a story about {{topic}}.\n' },
  { subject: 'Rename story-draft to story', path: 'prompts/story.prompt', text: undefined },
  { subject: 'story: add a tone', path: 'prompts/story.prompt', text: '---\ninput:\n  schema:\n    topic: string\n    tone?: string\n  default:\n    tone: calm\n---\nTell a {{tone}} story about {{topic}}.\n' },
  { subject: 'story: ask for a title', path: 'prompts/story.prompt', text: '---\ninput:\n  schema:\n    topic: string\n    tone?: string\n  default:\n    tone: calm\n---\nTell a {{tone}} story about {{topic}}.\nStart with a title.\n' },
] as const;

function git(cwd: string, args: readonly string[], day: number): string {
  return scriptedGit(cwd, args, { name: 'Fixture Author', email: 'fixture@example.com', at: `2026-10-${String(day).padStart(2, '0')}T10:00:00Z` });
}

/**
 * Turns the scratch copy of the fixture workspace into a Git repository: four versions of
 * prompts/story.prompt (with a rename), then the other fixtures, then a release manifest with
 * `production` on "add a tone" and `staging` on "ask for a title". Dates are fixed, so SHAs are too.
 */
export function createFixtureRepository(workspace: string): void {
  git(workspace, ['init', '--quiet', '--initial-branch=main'], 1);
  git(workspace, ['config', 'commit.gpgsign', 'false'], 1);
  git(workspace, ['config', 'user.name', 'Fixture Author'], 1);
  git(workspace, ['config', 'user.email', 'fixture@example.com'], 1);
  const commits: string[] = [];
  storyVersions.forEach((version, index) => {
    const day = index + 1;
    if (version.text === undefined) {
      git(workspace, ['mv', storyVersions[index - 1]?.path ?? '', version.path], day);
    } else {
      fs.mkdirSync(path.dirname(path.join(workspace, version.path)), { recursive: true });
      fs.writeFileSync(path.join(workspace, version.path), version.text);
      git(workspace, ['add', version.path], day);
    }
    git(workspace, ['commit', '--quiet', '-m', version.subject], day);
    commits.push(git(workspace, ['rev-parse', 'HEAD'], day));
  });
  git(workspace, ['add', '-A'], 5);
  git(workspace, ['commit', '--quiet', '-m', 'Add the other fixture prompts'], 5);
  const hash = (index: number): string => createHash('sha256').update(storyVersions[index]?.text ?? '').digest('hex');
  const target = (index: number): string => `{commit: ${commits[index] ?? ''}, path: prompts/story.prompt, sha256: ${hash(index)}}`;
  // Each label as promptops promote leaves it: explained by an event, so the release gate passes.
  const promoted = (label: string, index: number): string =>
    `  - {at: 2026-01-06T09:00:00Z, by: Fixture Author <fixture@example.com>, action: promote, prompt: prompts/story, label: ${label}, from: null, to: ${commits[index] ?? ''}, sha256: ${hash(index)}, note: ""}\n`;
  fs.writeFileSync(
    path.join(workspace, 'prompt-releases.yaml'),
    `version: 1\nprompts:\n  prompts/story:\n    labels:\n      production: ${target(2)}\n      staging: ${target(3)}\nevents:\n${promoted('production', 2)}${promoted('staging', 3)}`,
  );
  git(workspace, ['add', 'prompt-releases.yaml'], 6);
  git(workspace, ['commit', '--quiet', '-m', 'promote prompts/story to production and staging'], 6);
}
