import { createHash } from 'node:crypto';
import type { RegistryPromptVersion } from '../../core/registry/promptRegistry';
import { provenanceOf } from '../../core/registry/registryProvenance';
import { promptFileOf } from '../../core/registry/registryPromptContent';
import { readFileAtCommit } from '../git/gitObjects';
import type { GitRepository } from '../git/gitRepository';

/** A registry version as a `.prompt` text, and whether it is the very file it was pushed from. */
export interface RegistryVersionText {
  readonly text: string;
  /** True when the text is the pushed file's bytes, read from Git at the provenance commit and checked against its SHA-256. */
  readonly exact: boolean;
}

/**
 * The `.prompt` text of a registry version: the file it was pushed from when the repository still
 * has that commit and its bytes match the recorded SHA-256 (so a pull gives back the same file),
 * else the file built from the registry's content (with `name` when the caller's path needs it).
 */
export async function registryVersionText(version: RegistryPromptVersion, repository: GitRepository | undefined, name?: string): Promise<RegistryVersionText> {
  const provenance = provenanceOf(version.config);
  if (repository && provenance?.commit !== undefined) {
    try {
      const bytes = await readFileAtCommit(repository, provenance.commit, provenance.path);
      if (createHash('sha256').update(bytes).digest('hex') === provenance.sha256) {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return { text, exact: true };
      }
    } catch {
      // A clone without that commit, or bytes that are not text: build the file from the content.
    }
  }
  return { text: promptFileOf(version, name), exact: false };
}

/** The SHA-256 a registry version is known by: its provenance's when it has one, else that of its `.prompt` text. */
export function registryVersionSha256(version: RegistryPromptVersion): string {
  return provenanceOf(version.config)?.sha256 ?? createHash('sha256').update(promptFileOf(version), 'utf8').digest('hex');
}
