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
}
