import { createDiagnostic, type PromptDiagnostic } from '../document/promptDiagnostic';
import type { PromptIdDeclaration } from '../document/promptId';

function fileList(files: readonly string[]): string {
  return files.length === 1 ? (files[0] ?? '') : `${files.slice(0, -1).join(', ')} and ${files.at(-1) ?? ''}`;
}

/**
 * `duplicate-prompt-id` errors for files that resolve to the same prompt id (a front-matter name,
 * or a name equal to another file's path id): one on each of them, with related information at the
 * others, since the release manifest and registries could not tell which file an id means.
 */
export function duplicatePromptIdDiagnostics(declarations: readonly PromptIdDeclaration[]): PromptDiagnostic[] {
  const byId = new Map<string, PromptIdDeclaration[]>();
  for (const declaration of declarations) {
    const same = byId.get(declaration.id);
    if (same) same.push(declaration);
    else byId.set(declaration.id, [declaration]);
  }
  const diagnostics: PromptDiagnostic[] = [];
  for (const [id, same] of byId) {
    const files = [...new Set(same.map((declaration) => declaration.file))];
    if (files.length < 2) continue;
    for (const declaration of same) {
      const others = same.filter((other) => other.file !== declaration.file);
      diagnostics.push(
        createDiagnostic(
          declaration.file,
          declaration.range,
          'duplicate-prompt-id',
          `The prompt id '${id}' is also the id of ${fileList([...new Set(others.map((other) => other.file))])}; releases could not tell them apart, so give one of them another name.`,
          { related: others.map((other) => ({ file: other.file, range: other.range, message: `'${id}' is the id of ${other.file} too.` })), data: { code: 'duplicate-prompt-id', id } },
        ),
      );
    }
  }
  return diagnostics;
}
