/**
 * Where a partial `{{> name}}` may live, in lookup order (DESIGN §1): `_name.prompt` beside the
 * prompt, then `partials/_name.prompt` in the prompt's folder and each folder above it up to `root`.
 * Paths use `/`; a name with slashes (`{{> email/footer}}`) keeps its folders: `email/_footer.prompt`.
 */
export function partialCandidates(promptPath: string, name: string, root: string): string[] {
  const slash = name.lastIndexOf('/');
  const relative = slash < 0 ? `_${name}.prompt` : `${name.slice(0, slash)}/_${name.slice(slash + 1)}.prompt`;
  const top = trimSlash(root);
  let folder = parentOf(promptPath);
  const candidates = [joinPath(folder, relative)];
  for (;;) {
    candidates.push(joinPath(folder, `partials/${relative}`));
    if (folder === top || !isInside(folder, top)) break;
    const parent = parentOf(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return candidates;
}

/** The partial names a template may include are plain Handlebars ids, optionally with folders. */
export function isPlausiblePartialName(name: string): boolean {
  return /^[\w.-]+(\/[\w.-]+)*$/.test(name) && !name.split('/').includes('..');
}

/** `folder/rest`, without doubling the slash of the file system root (a repository at `/`). */
function joinPath(folder: string, rest: string): string {
  return folder.endsWith('/') ? `${folder}${rest}` : `${folder}/${rest}`;
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : path.slice(0, slash);
}

function isInside(folder: string, root: string): boolean {
  return root === '/' || folder === root || folder.startsWith(`${root}/`);
}
