import type { PromptVersion } from '../core/versions/promptVersion';
import type { FileVersion } from './git/fileHistory';

/** A file version from git history as a DESIGN §3 prompt version, with the release labels that point at its commit. */
export function gitPromptVersion(version: FileVersion, labels: readonly string[]): PromptVersion {
  return {
    id: version.id,
    source: 'git',
    date: version.date,
    author: `${version.authorName} <${version.authorEmail}>`,
    subject: version.subject,
    sha256: version.sha256,
    labels,
    path: version.path,
    ...(version.copiedFrom ? { createdFrom: version.copiedFrom } : {}),
  };
}
