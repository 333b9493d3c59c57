import type { PromptRegistry, RegistryPromptSummary, RegistryPromptVersion } from './promptRegistry';
import { RegistryError } from './registryError';
import { collectAllPages, mapWithConcurrency } from './registryPaging';

/** How many registry requests PromptOps keeps in flight at once: enough to hide latency, few enough for rate limits. */
export const registryConcurrency = 4;

/** Every prompt of the registry, all pages, the largest page size, at most `concurrency` requests at once. */
export function listAllPrompts(registry: PromptRegistry, concurrency = registryConcurrency): Promise<RegistryPromptSummary[]> {
  return collectAllPages(async (page) => {
    const result = await registry.listPrompts(page, registry.capabilities.maxPageSize);
    return { items: result.prompts, totalPages: result.totalPages };
  }, concurrency);
}

/** The registry's summary of one prompt; a RegistryError `notFound` when it has no prompt of that name. */
export async function promptSummary(registry: PromptRegistry, name: string): Promise<RegistryPromptSummary> {
  const page = await registry.listPrompts(1, 1, { name });
  const found = page.prompts.find((prompt) => prompt.name === name);
  if (!found) throw new RegistryError('notFound', `${registry.displayName} at ${registry.location} has no prompt ${name}.`, 404);
  return found;
}

/** A prompt's version numbers, newest first. */
export function newestFirst(summary: RegistryPromptSummary): number[] {
  return [...summary.versions].sort((a, b) => b - a);
}

/** The versions `numbers` names, each read with its labels, at most `concurrency` requests at once. */
export function readVersions(registry: PromptRegistry, name: string, numbers: readonly number[], concurrency = registryConcurrency): Promise<RegistryPromptVersion[]> {
  return mapWithConcurrency(numbers, concurrency, (version) => registry.getVersion(name, { version }));
}
