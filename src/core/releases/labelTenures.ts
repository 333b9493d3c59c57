import type { ReleaseEvent, ReleaseManifest } from './releaseManifest';

/** One stretch of time a label (or its canary) served a version, as the audit log and manifest tell it. */
export interface LabelTenure {
  readonly label: string;
  /** `label`: the label itself served the version; `canary`: its canary did, to `weight` percent. */
  readonly kind: 'label' | 'canary';
  /** The canary's last weight, for canary tenures. */
  readonly weight?: number;
  /** The event that put the version there; undefined when it was there before the audit log begins. */
  readonly from: ReleaseEvent | undefined;
  /** The event that moved it away; undefined while it still serves. */
  readonly until: ReleaseEvent | undefined;
}

/**
 * When each label of a prompt served `commit`, oldest first: from the promote, rollback or canary
 * event that pointed the label (or its canary) there to the event that moved it away, plus what the
 * manifest serves now that no event explains (set before the audit log began).
 */
export function labelTenuresOf(manifest: ReleaseManifest, prompt: string, commit: string): LabelTenure[] {
  const tenures: LabelTenure[] = [];
  const open = new Map<string, { label: string; kind: 'label' | 'canary'; weight?: number; from: ReleaseEvent | undefined }>();
  const close = (key: string, event: ReleaseEvent): void => {
    const tenure = open.get(key);
    if (!tenure) return;
    tenures.push({ ...tenure, until: event });
    open.delete(key);
  };
  for (const event of manifest.events) {
    if (event.prompt !== prompt) continue;
    const labelKey = `label:${event.label}`;
    const canaryKey = `canary:${event.label}`;
    if (event.action === 'promote' || event.action === 'rollback') {
      if (event.to === commit) {
        if (!open.has(labelKey)) open.set(labelKey, { label: event.label, kind: 'label', from: event });
      } else if (open.has(labelKey)) {
        close(labelKey, event);
      } else if (event.from === commit) {
        // The label held the version before the audit log began.
        tenures.push({ label: event.label, kind: 'label', from: undefined, until: event });
      }
    } else if (event.action === 'canary') {
      const running = open.get(canaryKey);
      if (event.to === commit) {
        open.set(canaryKey, { label: event.label, kind: 'canary', ...(event.weight === undefined ? {} : { weight: event.weight }), from: running?.from ?? event });
      } else if (running) {
        close(canaryKey, event);
      }
    } else if (event.action === 'canary-clear') {
      close(canaryKey, event);
    }
  }
  const entry = manifest.prompts.get(prompt);
  for (const [label, target] of entry?.labels ?? []) {
    if (target.commit === commit && !open.has(`label:${label}`)) open.set(`label:${label}`, { label, kind: 'label', from: undefined });
  }
  for (const [label, target] of entry?.canaries ?? []) {
    if (target.commit === commit && !open.has(`canary:${label}`)) open.set(`canary:${label}`, { label, kind: 'canary', weight: target.weight, from: undefined });
  }
  for (const tenure of open.values()) tenures.push({ ...tenure, until: undefined });
  return tenures;
}
