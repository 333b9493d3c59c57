import * as vscode from 'vscode';

export const versionScheme = 'promptops';

/** What a `promptops:` URI names: a prompt's bytes at a commit, or a version rendered with a sample set. */
export interface VersionReference {
  /** The prompt's working-tree file; the URI path, so the tab and language follow the file. */
  readonly workingFile: string;
  /** `WORKING` for the working tree (rendered documents only), else a full commit SHA. */
  readonly commit: string;
  /** The repository-relative path at that commit. */
  readonly path: string;
  /** How tab titles name the version: `a1b2c3d`, `production a1b2c3d`, `working tree`. */
  readonly title: string;
  /** Set for a rendered version: the sample set it was rendered with (empty for the default choice). */
  readonly sampleSet?: string;
}

/**
 * The URI of a version document; rendered versions get a `.rendered` suffix so no prompt checks run on
 * them, and the `promptops-rendered` language, which wraps their long lines (package.json).
 */
export function versionUri(reference: VersionReference): vscode.Uri {
  const file = vscode.Uri.file(reference.workingFile);
  const rendered = reference.sampleSet !== undefined;
  return file.with({
    scheme: versionScheme,
    path: rendered ? `${file.path}.rendered` : file.path,
    query: JSON.stringify(reference),
  });
}

/** Reads a `promptops:` URI back, or undefined when it is not one of ours. */
export function parseVersionUri(uri: vscode.Uri): VersionReference | undefined {
  if (uri.scheme !== versionScheme) return undefined;
  try {
    const value = JSON.parse(uri.query) as Partial<VersionReference>;
    if (typeof value.workingFile !== 'string' || typeof value.commit !== 'string' || typeof value.path !== 'string' || typeof value.title !== 'string') return undefined;
    return {
      workingFile: value.workingFile,
      commit: value.commit,
      path: value.path,
      title: value.title,
      ...(typeof value.sampleSet === 'string' ? { sampleSet: value.sampleSet } : {}),
    };
  } catch {
    return undefined; // A query that is not JSON was not written by PromptOps: the URI is not a version.
  }
}
