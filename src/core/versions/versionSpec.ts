/**
 * A VERSION argument as the user wrote it (DESIGN §5): `WORKING` (the working tree file),
 * `latest` (the newest commit that touched the file), or a name that is a release label or a commit-ish.
 */
export type VersionSpec =
  | { readonly kind: 'working' }
  | { readonly kind: 'latest' }
  | { readonly kind: 'named'; readonly name: string };

/** Reads a VERSION argument; names are kept as written because labels and refs are case-sensitive. */
export function parseVersionSpec(text: string): VersionSpec {
  const trimmed = text.trim();
  if (trimmed === 'WORKING') return { kind: 'working' };
  if (trimmed === 'latest') return { kind: 'latest' };
  return { kind: 'named', name: trimmed };
}

/**
 * What a diff header or an editor tab calls a version of a file, e.g. `summarize.prompt (a1b2c3d)`:
 * `short` is the commit as git abbreviates it (none for the working tree).
 */
export function versionTitle(fileName: string, version: { readonly short?: string | undefined; readonly label?: string | undefined }): string {
  if (version.short === undefined) return `${fileName} (working tree)`;
  const shortSha = version.short;
  return version.label === undefined ? `${fileName} (${shortSha})` : `${fileName} (${version.label} ${shortSha})`;
}
