/** What a journal entry records: a label move PromptOps made in a registry. */
export type RegistryMoveAction = 'push' | 'promote' | 'rollback' | 'sync';

const actions: readonly RegistryMoveAction[] = ['push', 'promote', 'rollback', 'sync'];

/**
 * One line of `.promptops/registry-journal.jsonl`: registries keep no label history, so PromptOps
 * records every label move it makes, which is what a rollback walks back through (DESIGN §8).
 */
export interface RegistryJournalEntry {
  /** ISO 8601. */
  readonly at: string;
  /** `user.name <user.email>` from git config, or the OS user outside a repository. */
  readonly by: string;
  readonly action: RegistryMoveAction;
  /** The registry's location (host URL), so journals of several registries do not mix. */
  readonly registry: string;
  readonly prompt: string;
  readonly label: string;
  /** The version the label pointed at before; null when the label was new. */
  readonly from: number | null;
  readonly to: number;
  readonly note: string;
}

/** The journal's entries in file order, and the lines that could not be read (kept in the file, skipped here). */
export interface ParsedRegistryJournal {
  readonly entries: readonly RegistryJournalEntry[];
  /** 1-based line numbers with a sentence each. */
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

/** Reads a journal text, one JSON object a line; a bad line is reported, never fatal. */
export function parseRegistryJournal(text: string): ParsedRegistryJournal {
  const entries: RegistryJournalEntry[] = [];
  const problems: { line: number; message: string }[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ line: index + 1, message: 'not a JSON object' });
      return;
    }
    const entry = journalEntryOf(value);
    if (entry) entries.push(entry);
    else problems.push({ line: index + 1, message: 'not a journal entry (at, by, action, registry, prompt, label, from, to)' });
  });
  return { entries, problems };
}

function journalEntryOf(value: unknown): RegistryJournalEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const { at, by, action, registry, prompt, label, from, to, note } = record;
  if (typeof at !== 'string' || typeof by !== 'string' || typeof registry !== 'string' || typeof prompt !== 'string' || typeof label !== 'string') return undefined;
  if (typeof action !== 'string' || !(actions as readonly string[]).includes(action)) return undefined;
  if (!isVersionNumber(to) || !(from === null || isVersionNumber(from))) return undefined;
  return { at, by, action: action as RegistryMoveAction, registry, prompt, label, from, to, note: typeof note === 'string' ? note : '' };
}

function isVersionNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/** The journal line of an entry, newline included. */
export function journalLine(entry: RegistryJournalEntry): string {
  const { at, by, action, registry, prompt, label, from, to, note } = entry;
  return `${JSON.stringify({ at, by, action, registry, prompt, label, from, to, note })}\n`;
}

/** Which label of which prompt in which registry. */
export interface RegistryLabelKey {
  readonly registry: string;
  readonly prompt: string;
  readonly label: string;
}

function matches(entry: RegistryJournalEntry, key: RegistryLabelKey): boolean {
  return entry.registry === key.registry && entry.prompt === key.prompt && entry.label === key.label;
}

/**
 * The versions a registry label served, oldest first, ending with `current` (what it points at now):
 * each move adds one, each rollback returns to the last place its version holds, and a label moved
 * outside PromptOps counts as one more move to where it is now.
 */
export function registryLabelTrail(entries: readonly RegistryJournalEntry[], key: RegistryLabelKey, current: number | undefined): number[] {
  const trail: number[] = [];
  for (const entry of entries) {
    if (!matches(entry, key)) continue;
    if (entry.action === 'rollback') {
      const at = trail.lastIndexOf(entry.to);
      if (at >= 0) trail.length = at + 1;
      else trail.push(entry.to);
      continue;
    }
    if (trail.length === 0 && entry.from !== null) trail.push(entry.from);
    if (trail.at(-1) !== entry.to) trail.push(entry.to);
  }
  if (current !== undefined && trail.at(-1) !== current) trail.push(current);
  return trail;
}

/** Where a registry rollback goes, or why it cannot. */
export type RegistryRollbackChoice =
  | { readonly kind: 'target'; readonly from: number; readonly to: number }
  | { readonly kind: 'unchanged'; readonly message: string }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Chooses the version a rollback moves a registry label to: one step back in the journal's trail,
 * or `to` when given (the registry keeps every version, so any existing one may be chosen).
 */
export function chooseRegistryRollback(entries: readonly RegistryJournalEntry[], key: RegistryLabelKey, current: number | undefined, to?: number): RegistryRollbackChoice {
  if (current === undefined) return { kind: 'refused', reason: `${key.prompt} has no label ${key.label} in the registry, so there is nothing to roll back.` };
  if (to !== undefined) {
    if (to === current) return { kind: 'unchanged', message: `${key.prompt} ${key.label} already points at v${to}.` };
    return { kind: 'target', from: current, to };
  }
  const trail = registryLabelTrail(entries, key, current);
  const previous = trail.at(-2);
  if (previous === undefined) {
    const journaled = entries.some((entry) => matches(entry, key));
    return {
      kind: 'refused',
      reason: journaled
        ? `${key.prompt} ${key.label} has no earlier version in the PromptOps journal: v${current} is the first it served; pass --to VERSION to pick one.`
        : `The PromptOps journal has no moves of ${key.prompt} ${key.label} (the registry keeps no label history); pass --to VERSION to pick the version to return to.`,
    };
  }
  return { kind: 'target', from: current, to: previous };
}
