import { formatOfFile } from '../core/formats/promptFileKind';
import type { IncludeLookup as PartialSource } from '../core/formats/promptFormat';
import { GitError } from './git/gitError';
import { readFileAtCommit } from './git/gitObjects';
import { findPartialFile } from './partialFiles';
import type { PromptFileInRepository } from './promptFileInRepository';
import type { ResolvedVersion } from './promptVersionResolver';

/** A version by where it lives: the working tree, or a path in a commit (a ResolvedVersion or a release target is one). */
export type VersionLocation = ResolvedVersion | { readonly kind: 'commit'; readonly commit: string; readonly path: string };

/** Finds partials as they were at a version: in the working tree for `WORKING`, else in that version's commit. */
export function partialSourceAt(file: PromptFileInRepository, version: VersionLocation): PartialSource {
  const root = file.repository.root;
  if (version.kind === 'working') return (name) => findPartialFile(file.workingFile, name, root)?.text;
  return async (name) => {
    for (const candidate of formatOfFile(version.path)?.includeCandidates(`${root}/${version.path}`, name, root) ?? []) {
      try {
        const bytes = await readFileAtCommit(file.repository, version.commit, candidate.slice(root.length + 1));
        return bytes.toString('utf8');
      } catch (error) {
        if (!(error instanceof GitError && error.kind === 'pathNotInRevision')) throw error;
      }
    }
    return undefined;
  };
}
