import { parseDocument } from 'yaml';

/** Where a release label points: a commit, and the file's path and hash there when the manifest records them. */
export interface ReleaseLabelTarget {
  readonly commit: string;
  readonly path?: string;
  readonly sha256?: string;
}

export type ReleaseLabelLookup =
  | { readonly ok: true; readonly labels: ReadonlyMap<string, ReleaseLabelTarget> }
  | { readonly ok: false; readonly problem: string };

/**
 * Reads `prompts.<promptId>.labels` from the text of a release manifest (DESIGN §4), and nothing
 * else: a lookup for resolving label names, not a model of the manifest. Entries without a commit are skipped.
 */
export function releaseLabelsOf(manifestText: string, promptId: string): ReleaseLabelLookup {
  // Failsafe schema: every scalar stays text, so a SHA made only of digits is not read as a number.
  const parsed = parseDocument(manifestText, { schema: 'failsafe' });
  const [error] = parsed.errors;
  if (error) {
    const message = error.message.split('\n')[0] ?? error.message;
    return { ok: false, problem: `The release manifest does not parse: ${message.replace(/\.?$/, '.')}` };
  }
  const document: unknown = parsed.toJS();
  const labels = new Map<string, ReleaseLabelTarget>();
  const entries = objectAt(objectAt(objectAt(document, 'prompts'), promptId), 'labels');
  for (const [label, value] of Object.entries(entries ?? {})) {
    const target = asObject(value);
    const commit = target?.['commit'];
    if (typeof commit !== 'string') continue;
    const path = target?.['path'];
    const sha256 = target?.['sha256'];
    labels.set(label, { commit, ...(typeof path === 'string' ? { path } : {}), ...(typeof sha256 === 'string' ? { sha256 } : {}) });
  }
  return { ok: true, labels };
}

/** The labels that point at `commit`, in name order. */
export function labelsPointingAt(labels: ReadonlyMap<string, ReleaseLabelTarget>, commit: string): string[] {
  return [...labels].filter(([, target]) => target.commit === commit).map(([label]) => label).sort();
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  return asObject(asObject(value)?.[key]);
}
