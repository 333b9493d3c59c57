import { escapeControlCharacters } from '../document/controlCharacters';
import type { AbbreviateCommit } from '../releases/commitAbbreviation';

/** A version of a prompt (DESIGN §3), from git history or a registry. */
export interface PromptVersion {
  /** The full commit SHA for git; the version number for a registry. */
  readonly id: string;
  readonly source: 'git' | 'registry';
  /** ISO 8601. */
  readonly date: string;
  /** `Name <email>` for git. */
  readonly author: string;
  readonly subject: string;
  /** SHA-256 of the prompt file's bytes at this version. */
  readonly sha256: string;
  /** Release labels that point at this version. */
  readonly labels: readonly string[];
  /** The repository-relative path of the file at this version (git). */
  readonly path?: string;
  /** On the oldest version of a prompt that began as a copy: the file and commit it was copied from (git). */
  readonly createdFrom?: { readonly path: string; readonly commit: string };
}

/** How the oldest version of a copied prompt says where it came from: `created from support/a.prompt at 1a2b3c4`, escaped for display; `short` abbreviates the commit. */
export function createdFromText(createdFrom: { readonly path: string; readonly commit: string }, short: AbbreviateCommit): string {
  return `created from ${escapeControlCharacters(createdFrom.path)} at ${short(createdFrom.commit)}`;
}
