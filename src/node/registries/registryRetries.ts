import { setTimeout as delay } from 'node:timers/promises';

/** How hard a registry client tries before it gives up with one sentence. */
export interface RetryPolicy {
  /** Tries per call, the first included. */
  readonly attempts: number;
  /** The wait before the second try; it doubles for each further one. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** The longest `Retry-After` honoured; a server asking for more is reported at once. */
  readonly maxRetryAfterMs: number;
  /** How long one request may take. */
  readonly timeoutMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 400, maxDelayMs: 5_000, maxRetryAfterMs: 30_000, timeoutMs: 15_000 };

/** Why one try failed, as far as a retry decision is concerned. */
export type AttemptFailure =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterMs: number | undefined; readonly error: unknown }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'unreachable'; readonly detail: string }
  /** The server answered, but not in the format it declared (never retried: it would answer the same). */
  | { readonly kind: 'malformed'; readonly detail: string };

/** The last failure of a call that gave up, and how many tries it made. */
export class RetriesExhausted extends Error {
  constructor(
    readonly failure: AttemptFailure,
    readonly attempts: number,
  ) {
    super('the registry call failed');
  }
}

/** Reads a `Retry-After` header: seconds, or an HTTP date. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Runs `send` until it succeeds or a failure may not be retried: 429 is always retried (the server
 * refused the request, so nothing happened) after its Retry-After; 5xx, timeouts and refused
 * connections only when `idempotent` (the request may have been applied), with exponential backoff.
 * Other failures, and the last one, are thrown as RetriesExhausted.
 */
export async function withRetries<T>(
  send: (signal: AbortSignal) => Promise<T>,
  classify: (error: unknown, timedOut: boolean) => AttemptFailure,
  options: { readonly policy: RetryPolicy; readonly idempotent: boolean; readonly sleep?: (ms: number) => Promise<void> },
): Promise<T> {
  const { policy, idempotent } = options;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  for (let attempt = 1; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
    let failure: AttemptFailure;
    try {
      return await send(controller.signal);
    } catch (error) {
      failure = classify(error, controller.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    let wait: number | undefined;
    if (failure.kind === 'status' && failure.status === 429) {
      wait = failure.retryAfterMs ?? backoff;
      if (wait > policy.maxRetryAfterMs) throw new RetriesExhausted(failure, attempt);
    } else if (idempotent && failure.kind !== 'malformed' && (failure.kind !== 'status' || failure.status >= 500)) {
      wait = backoff;
    }
    if (wait === undefined || attempt >= policy.attempts) throw new RetriesExhausted(failure, attempt);
    await sleep(wait);
  }
}
