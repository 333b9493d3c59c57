import type { LangfuseConnection } from './langfuseConnection';

/** Langfuse answered with an HTTP error status; the body as sent (parsed when it is JSON). */
export class LangfuseHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly retryAfter: string | null,
  ) {
    super(`HTTP ${status}`);
  }
}

/** Langfuse answered 2xx with a body that is not JSON. */
export class LangfuseMalformedBody extends Error {}

export interface LangfuseRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** The path under the host, e.g. `/api/public/v2/prompts`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly body?: unknown;
  readonly signal: AbortSignal;
}

/**
 * One call of Langfuse's public API with Basic auth (public key : secret key): the parsed JSON
 * body, or a LangfuseHttpError / LangfuseMalformedBody; network failures are fetch's own errors.
 */
export async function langfuseRequest(connection: LangfuseConnection, request: LangfuseRequest): Promise<unknown> {
  const url = new URL(`${connection.host}${request.path}`);
  for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
  const headers: Record<string, string> = {
    authorization: `Basic ${Buffer.from(`${connection.publicKey}:${connection.secretKey}`).toString('base64')}`,
    accept: 'application/json',
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method: request.method, headers, body: request.body === undefined ? null : JSON.stringify(request.body), signal: request.signal });
  const text = await response.text();
  if (!response.ok) {
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // An error page from a proxy: keep its text.
    }
    throw new LangfuseHttpError(response.status, body, response.headers.get('retry-after'));
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new LangfuseMalformedBody(`the body is not JSON: ${JSON.stringify(text.slice(0, 40))}`);
  }
}
