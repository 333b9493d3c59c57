import { formatOfFile } from '../core/formats/promptFileKind';
import type { IncludeLookup as PartialSource } from '../core/formats/promptFormat';
import { GitError } from './git/gitError';
import { readFileAtCommit } from './git/gitObjects';
import { findPartialFile } from './partialFiles';
import type { PromptFileInRepository } from './promptFileInRepository';
import type { ResolvedVersion } from './promptVersionResolver';

/** A version by where it lives: the working tree, or a path in a commit (a ResolvedVersion or a release target is one). */
export type VersionLocation = ResolvedVersion | { readonly kind: 'commit'; readonly commit: string; readonly path: string };

/** A partial as a version has it: its repository-relative path and its text. */
export interface PartialAtVersion {
  readonly path: string;
  readonly text: string;
}

/** Finds partials as they were at a version, with the path each was found at: in the working tree for `WORKING`, else in that version's commit. */
export function partialFileAt(file: PromptFileInRepository, version: VersionLocation): (name: string) => Promise<PartialAtVersion | undefined> {
  const root = file.repository.root;
  if (version.kind === 'working') {
    return (name) => {
      const found = findPartialFile(file.workingFile, name, root);
      return Promise.resolve(found ? { path: found.path.slice(root.length + 1).split('\\').join('/'), text: found.text } : undefined);
    };
  }
  return async (name) => {
    for (const candidate of formatOfFile(version.path)?.includeCandidates(`${root}/${version.path}`, name, root) ?? []) {
      const relative = candidate.slice(root.length + 1);
      try {
        const bytes = await readFileAtCommit(file.repository, version.commit, relative);
        return { path: relative, text: bytes.toString('utf8') };
      } catch (error) {
        if (!(error instanceof GitError && error.kind === 'pathNotInRevision')) throw error;
      }
    }
    return undefined;
  };
}

/** Finds partials as they were at a version: in the working tree for `WORKING`, else in that version's commit. */
export function partialSourceAt(file: PromptFileInRepository, version: VersionLocation): PartialSource {
  if (version.kind === 'working') return (name) => findPartialFile(file.workingFile, name, file.repository.root)?.text;
  const find = partialFileAt(file, version);
  return async (name) => (await find(name))?.text;
}
