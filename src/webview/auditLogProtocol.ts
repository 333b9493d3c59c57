import { arrayOf, isIndex, isString, messageGuard } from './messageGuards';

/** One audit event as the audit log page shows it; every text is already escaped of control characters. */
export interface AuditLogRow {
  /** Index into the events the extension holds, for the compare link. */
  readonly index: number;
  /** ISO 8601, and how long ago. */
  readonly at: string;
  readonly ago: string;
  /** The author's name, and `name <email>` for the tooltip. */
  readonly who: string;
  readonly whoInFull: string;
  /** `promote`, `rollback`, `canary 10%`, `canary-clear`. */
  readonly action: string;
  readonly prompt: string;
  readonly label: string;
  /** Abbreviated commits; `from` is undefined for a new label. */
  readonly from: string | undefined;
  readonly to: string;
  /** Whether the two versions can be compared (both known, and the prompt has a file). */
  readonly comparable: boolean;
  readonly note: string;
  /** The check error a release with `--allow-errors` went past. */
  readonly allowedError: string | undefined;
}

/** Everything the audit log page shows. */
export interface AuditLogState {
  readonly title: string;
  /** `3 events from prompt-releases.yaml, newest first.` */
  readonly summary: string;
  /** Whether the table lists several prompts (then it has a Prompt column). */
  readonly showPrompt: boolean;
  readonly rows: readonly AuditLogRow[];
}

export type ToAuditLog = { readonly type: 'state'; readonly state: AuditLogState };

export type FromAuditLog =
  | { readonly type: 'ready' }
  | { readonly type: 'compare'; readonly index: number }
  /** After each update: what the page shows, so tests can check it without screen scraping. */
  | {
      readonly type: 'rendered';
      readonly html: string;
      readonly text: string;
      readonly elements: readonly string[];
      /** The table's rows as the cells' texts. */
      readonly rows: readonly (readonly string[])[];
    };

/** Whether a message from the audit log page is one the protocol above names, with its fields' types. */
export const isFromAuditLog = messageGuard<FromAuditLog>({
  ready: {},
  compare: { index: isIndex },
  rendered: { html: isString, text: isString, elements: arrayOf(isString), rows: arrayOf(arrayOf(isString)) },
});
