import { createHash } from 'node:crypto';
import { formatOfFile, registryVersionFormat } from '../../core/formats/promptFileKind';
import type { PromptFormat } from '../../core/formats/promptFormat';
import type { RegistryPromptVersion } from '../../core/registry/promptRegistry';
import { provenanceOf } from '../../core/registry/registryProvenance';
import { promptFileOf } from '../../core/registry/registryPromptContent';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { readFileAtCommit } from '../git/gitObjects';
import type { GitRepository } from '../git/gitRepository';

/** A registry version as a prompt file's text, and whether it is the very file it was pushed from. */
export interface RegistryVersionText {
  readonly text: string;
  /** True when the text is the pushed file's bytes, read from Git at the provenance commit and checked against its SHA-256. */
  readonly exact: boolean;
  /** The format the text is written in. */
  readonly format: PromptFormat;
}

export interface RegistryVersionTextOptions {
  /** `name` for the front matter, when the caller's path would give another id. */
  readonly name?: string | undefined;
  /** The format to write; default that of the file the version was pushed from (else dotprompt). */
  readonly format?: PromptFormat | undefined;
}

/**
 * The text of a registry version in a prompt format: the file it was pushed from when it has that
 * format, the repository still has its commit and its bytes match the recorded SHA-256 (so a pull
 * gives back the same file), else the file built from the registry's content. Refused, with one
 * sentence, when the format cannot hold the version (a chat role a Prompty body cannot write).
 */
export async function registryVersionText(version: RegistryPromptVersion, repository: GitRepository | undefined, options: RegistryVersionTextOptions = {}): Promise<RegistryVersionText> {
  const format = options.format ?? registryVersionFormat(version.config);
  const provenance = provenanceOf(version.config);
  if (repository && provenance?.commit !== undefined && formatOfFile(provenance.path) === format) {
    try {
      const bytes = await readFileAtCommit(repository, provenance.commit, provenance.path);
      if (createHash('sha256').update(bytes).digest('hex') === provenance.sha256) {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return { text, exact: true, format };
      }
    } catch {
      // A clone without that commit, or bytes that are not text: build the file from the content.
    }
  }
  const built = format.registryFile(version, options.name);
  if (!built.ok) throw new ReleaseRefusal(`${escapeControlCharacters(version.name)} v${version.version} cannot be written as a ${format.language} (${format.extension}) file: ${built.problem}.`);
  return { text: built.text, exact: false, format };
}

/** The SHA-256 a registry version is known by: its provenance's when it has one, else that of its `.prompt` text. */
export function registryVersionSha256(version: RegistryPromptVersion): string {
  return provenanceOf(version.config)?.sha256 ?? createHash('sha256').update(promptFileOf(version), 'utf8').digest('hex');
}
