/**
 * Where a `${file:path}` reference of a prompt at `promptPath` points, as a `/` path: relative to
 * the prompt's folder, as Prompty resolves it. Nothing for absolute paths or paths that leave `root`,
 * so a prompt never reads files outside its repository.
 */
export function referencedFileCandidates(promptPath: string, name: string, root: string): string[] {
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return [];
  const parts = promptPath.split('/').slice(0, -1);
  for (const part of name.split(/[\\/]/)) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  const resolved = parts.join('/');
  const top = root.endsWith('/') ? root.slice(0, -1) : root;
  return resolved.startsWith(`${top}/`) ? [resolved] : [];
}
