import type { PromptDocument } from './promptDocument';

/** The front matter of a prompt as plain values; empty when it is missing, invalid or not a map. */
export function frontMatterValues(document: PromptDocument): Record<string, unknown> {
  if (!document.frontMatter?.valid) return {};
  try {
    const values: unknown = document.frontMatter.yaml.yaml.toJS({ maxAliasCount: 100 });
    return typeof values === 'object' && values !== null && !Array.isArray(values) ? { ...values } : {};
  } catch {
    // An alias bomb or a YAML tag that cannot become a value: no values rather than a crash.
    return {};
  }
}
