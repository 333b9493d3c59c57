import { escapeControlCharacters } from '../document/controlCharacters';
import type { RegistryVersionSelector } from './promptRegistry';

const registryLabelPattern = /^[a-z0-9_.-]{1,36}$/;

/** The label a registry keeps on its newest version by itself. */
export const latestLabel = 'latest';

/** Says in one sentence what is wrong with a label a registry command would set, or undefined when it may be set (DESIGN §8). */
export function registryLabelProblem(label: string): string | undefined {
  if (label === latestLabel) return `"${latestLabel}" is managed by the registry (it always marks the newest version), so it cannot be set.`;
  if (!registryLabelPattern.test(label)) return `"${escapeControlCharacters(label)}" is not a valid label name: use 1 to 36 characters of a-z, 0-9, "_", "." and "-".`;
  return undefined;
}

/**
 * Reads a registry VERSION argument: a version number (`3` or `v3`), else a label (`latest` included).
 * Returns a sentence when the text is neither.
 */
export function parseRegistryVersion(text: string): { ok: true; selector: RegistryVersionSelector } | { ok: false; problem: string } {
  const trimmed = text.trim();
  const number = /^v?(\d{1,9})$/.exec(trimmed);
  if (number?.[1] !== undefined) {
    const version = Number(number[1]);
    return version >= 1 ? { ok: true, selector: { version } } : { ok: false, problem: 'Registry versions count from 1.' };
  }
  if (trimmed === latestLabel || registryLabelPattern.test(trimmed)) return { ok: true, selector: { label: trimmed } };
  return { ok: false, problem: `"${escapeControlCharacters(trimmed)}" is neither a version number nor a label name.` };
}

/** How messages name a selector: `v3` or `label production`. */
export function selectorText(selector: RegistryVersionSelector): string {
  return 'version' in selector ? `v${selector.version}` : `label ${selector.label}`;
}
