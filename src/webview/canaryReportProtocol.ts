import { arrayOf, isString, messageGuard, optional } from './messageGuards';

/** One metric row of the Canary report: display text, plus the numbers its interval chart is drawn from. */
export interface CanaryReportMetric {
  readonly name: string;
  /** `primary`, `lower is better`… */
  readonly notes: string;
  readonly test: string;
  readonly stable: string;
  readonly canary: string;
  readonly difference: string;
  readonly interval: string;
  readonly pValue: string;
  readonly effect: 'better' | 'worse' | 'none';
  /** The chart: the difference and its interval; null when no test ran. */
  readonly chart: { readonly difference: number; readonly low: number; readonly high: number } | null;
}

/** Everything the Canary report shows; sent whole on every change. */
export interface CanaryReportState {
  readonly prompt: string;
  readonly label: string;
  readonly split: string;
  readonly outcomesFile: string;
  /** Whether the manifest runs this canary now (the buttons act on a running canary). */
  readonly running: boolean;
  readonly result:
    | {
        readonly ok: true;
        readonly verdict: 'promote' | 'roll-back' | 'hold' | 'keep-collecting';
        readonly reasons: readonly string[];
        readonly rows: string;
        readonly intervalName: string;
        readonly metrics: readonly CanaryReportMetric[];
        readonly srm: { readonly text: string; readonly mismatch: boolean };
      }
    | { readonly ok: false; readonly error: string };
}

export type ToCanaryReport = { readonly type: 'state'; readonly state: CanaryReportState };

export type FromCanaryReport =
  | { readonly type: 'ready' }
  | { readonly type: 'promote' }
  | { readonly type: 'rollBack' }
  | { readonly type: 'chooseOutcomes' }
  | { readonly type: 'refresh' }
  /** After each update: what the page shows, so tests can check it without screen scraping. */
  | { readonly type: 'rendered'; readonly text: string; readonly html: string; readonly elements: readonly string[]; readonly verdict: string | undefined };

/** Whether a message from the canary report page is one the protocol above names, with its fields' types. */
export const isFromCanaryReport = messageGuard<FromCanaryReport>({
  ready: {},
  promote: {},
  rollBack: {},
  chooseOutcomes: {},
  refresh: {},
  rendered: { text: isString, html: isString, elements: arrayOf(isString), verdict: optional(isString) },
});
