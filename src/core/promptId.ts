import { isScalar } from 'yaml';
import type { PromptDocument } from './promptDocument';
import { yamlMapGet } from './yamlSource';

/** The `name` and `variant` a prompt's front matter declares, when it does. */
export interface PromptNameAndVariant {
  readonly name?: string | undefined;
  readonly variant?: string | undefined;
}

/**
 * The id the release manifest and registries know a prompt by (DESIGN §1): front-matter `name`
 * (plus `.variant`) when present, else the repository-relative path without its extension.
 */
export function promptIdOf(repoRelativePath: string, frontMatter?: PromptNameAndVariant): string {
  const name = frontMatter?.name?.trim();
  if (name) {
    const variant = frontMatter?.variant?.trim();
    return variant ? `${name}.${variant}` : name;
  }
  const slashed = repoRelativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const dot = slashed.lastIndexOf('.');
  return dot > slashed.lastIndexOf('/') + 1 ? slashed.slice(0, dot) : slashed;
}

/** Reads `name` and `variant` from a parsed prompt's front matter; front matter that does not parse declares neither. */
export function promptNameAndVariantOf(document: PromptDocument): PromptNameAndVariant {
  if (!document.frontMatter?.valid) return {};
  const root = document.frontMatter.yaml.yaml.contents;
  return { name: scalarText(yamlMapGet(root, 'name')?.value), variant: scalarText(yamlMapGet(root, 'variant')?.value) };
}

/** A scalar as written: `name: 2024` is the text "2024", not a number. */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  if (typeof node.value === 'string') return node.value;
  return typeof node.source === 'string' ? node.source : String(node.value);
}
