import { escapeControlCharacters } from '../../../core/document/controlCharacters';
import type { NewRegistryVersion, PromptRegistry, RegistryCapabilities, RegistryPromptPage, RegistryPromptVersion, RegistryVersionSelector } from '../../../core/registry/promptRegistry';
import { RegistryError } from '../../../core/registry/registryError';
import { selectorText } from '../../../core/registry/registryLabels';
import { sameContent } from '../../../core/registry/registryPromptContent';
import { defaultRetryPolicy, RetriesExhausted, retryAfterMs, withRetries, type AttemptFailure, type RetryPolicy } from '../registryRetries';
import { cliCredentialsHint, shortKey, type LangfuseConnection } from './langfuseConnection';
import { langfuseRequest, LangfuseHttpError, LangfuseMalformedBody, type LangfuseRequest } from './langfuseHttp';
import { MalformedResponse, promptPageOf, promptVersionOf } from './langfuseWireShapes';

export interface LangfuseRegistryOptions {
  readonly policy?: RetryPolicy;
  /** Test seam: how retries wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** What a 401 tells the user to fix: environment variables in the CLI, sign-in in the editor. */
  readonly credentialsHint?: string;
}

/** What a call was about, so a failure names the prompt, version or label. */
interface CallContext {
  readonly action: string;
  readonly name?: string;
  readonly selector?: RegistryVersionSelector;
}

/** The largest page Langfuse's prompt list returns. */
const maxPageSize = 100;

/** The prompts endpoint; a prompt's name (folders included) is one URL-encoded path segment. */
const promptsPath = '/api/public/v2/prompts';

/**
 * Langfuse as a PromptRegistry, over its public API v2 with fetch (no cache: every read sees the
 * registry as it is now). This adapter decides what may be retried, because a POST that timed out
 * may have created a version and a PATCH that failed may have moved a label.
 */
export class LangfuseRegistry implements PromptRegistry {
  readonly kind = 'langfuse';
  readonly displayName = 'Langfuse';
  readonly location: string;
  readonly capabilities: RegistryCapabilities = { labelsCanBeRemoved: false, reservedLabels: ['latest'], maxPageSize, labelHistory: false };
  private readonly policy: RetryPolicy;

  constructor(
    private readonly connection: LangfuseConnection,
    private readonly options: LangfuseRegistryOptions = {},
  ) {
    this.location = connection.host;
    this.policy = options.policy ?? defaultRetryPolicy;
  }

  async listPrompts(page: number, limit = maxPageSize, filter: { readonly name?: string } = {}): Promise<RegistryPromptPage> {
    const body = await this.call({ action: 'list prompts' }, true, { method: 'GET', path: promptsPath, query: { page, limit: Math.min(limit, maxPageSize), name: filter.name } });
    return this.parsed({ action: 'list prompts' }, () => promptPageOf(body));
  }

  async getVersion(name: string, selector: RegistryVersionSelector): Promise<RegistryPromptVersion> {
    const context = { action: `read ${name} ${selectorText(selector)}`, name, selector };
    const body = await this.call(context, true, { method: 'GET', path: `${promptsPath}/${encodeURIComponent(name)}`, query: { ...selector, resolve: false } });
    return this.parsed(context, () => promptVersionOf(body));
  }

  async createVersion(version: NewRegistryVersion): Promise<RegistryPromptVersion> {
    const context = { action: `create a version of ${version.name}`, name: version.name };
    const common = { name: version.name, config: version.config, labels: [...version.labels], ...(version.commitMessage === undefined ? {} : { commitMessage: version.commitMessage }) };
    const request =
      version.content.type === 'text'
        ? { ...common, type: 'text' as const, prompt: version.content.prompt }
        : {
            ...common,
            type: 'chat' as const,
            prompt: version.content.prompt.map((message) => (message.kind === 'placeholder' ? { type: 'placeholder' as const, name: message.name } : { type: 'chatmessage' as const, role: message.role, content: message.content })),
          };
    try {
      const body = await this.call(context, false, { method: 'POST', path: promptsPath, body: request });
      return this.parsed(context, () => promptVersionOf(body));
    } catch (error) {
      if (!(error instanceof RegistryError) || !outcomeUnknown(error)) throw error;
      // The request may have been applied before the connection failed: the newest version says.
      const newest = await this.getVersion(version.name, { label: 'latest' }).catch(() => undefined);
      if (newest && sameContent(newest.content, version.content) && JSON.stringify(newest.config) === JSON.stringify(version.config) && version.labels.every((label) => newest.labels.includes(label))) return newest;
      throw new RegistryError(error.kind, `${error.message} ${newest ? `No new version of ${version.name} was created (the newest is still v${newest.version}).` : 'PromptOps could not read the registry back, so it cannot tell whether a version was created.'}`, error.status);
    }
  }

  async setLabels(name: string, version: number, labels: readonly string[]): Promise<RegistryPromptVersion> {
    const context = { action: `label ${name} v${version}`, name, selector: { version } };
    try {
      const body = await this.call(context, true, { method: 'PATCH', path: `${promptsPath}/${encodeURIComponent(name)}/versions/${version}`, body: { newLabels: [...labels] } });
      return this.parsed(context, () => promptVersionOf(body));
    } catch (error) {
      if (!(error instanceof RegistryError) || !outcomeUnknown(error)) throw error;
      // A PATCH whose answer was lost may have moved the labels: read the version back and say which.
      const now = await this.getVersion(name, { version }).catch(() => undefined);
      if (now && labels.every((label) => now.labels.includes(label))) return now;
      const where = now === undefined ? 'PromptOps could not read the registry back, so it cannot tell whether the label moved.' : `Read back: v${version} carries ${now.labels.length === 0 ? 'no labels' : now.labels.map(escapeControlCharacters).join(', ')}, so the label did not move.`;
      throw new RegistryError(error.kind, `${error.message} ${where}`, error.status);
    }
  }

  private parsed<T>(context: CallContext, read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (error instanceof MalformedResponse) throw new RegistryError('malformed', `Langfuse at ${this.location} answered "${context.action}" with a malformed response (${error.message}).`);
      throw error;
    }
  }

  /** One API call under the retry policy, its failure turned into a RegistryError sentence. */
  private async call(context: CallContext, idempotent: boolean, request: Omit<LangfuseRequest, 'signal'>): Promise<unknown> {
    try {
      return await withRetries((signal) => langfuseRequest(this.connection, { ...request, signal }), classifyFailure, {
        policy: this.policy,
        idempotent,
        ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
      });
    } catch (error) {
      if (error instanceof RetriesExhausted) throw this.errorOf(context, error.failure, error.attempts);
      throw error;
    }
  }

  private errorOf(context: CallContext, failure: AttemptFailure, attempts: number): RegistryError {
    const host = this.location;
    const tries = attempts === 1 ? '' : ` (${attempts} attempts)`;
    const scrub = (text: string): string => escapeControlCharacters(text.split(this.connection.secretKey).join('***'));
    if (failure.kind === 'timeout') return new RegistryError('timeout', `Langfuse at ${host} did not answer "${context.action}" within ${this.policy.timeoutMs / 1000} s${tries}.`);
    if (failure.kind === 'malformed') return new RegistryError('malformed', `Langfuse at ${host} answered "${context.action}" with a malformed response (${scrub(failure.detail)}).`);
    if (failure.kind === 'unreachable') return new RegistryError('unreachable', `Could not connect to Langfuse at ${host}${tries} (${scrub(failure.detail)}); check that the server is running and the host setting is right.`);
    const { status } = failure;
    const message = scrub(serverMessage(failure.error));
    switch (true) {
      case status === 401:
        return new RegistryError('unauthorized', `Langfuse at ${host} rejected the API keys (401) for public key ${shortKey(this.connection.publicKey)}; ${this.options.credentialsHint ?? cliCredentialsHint}.`, status);
      case status === 403:
        return new RegistryError('forbidden', `Langfuse at ${host} does not let public key ${shortKey(this.connection.publicKey)} ${context.action} (403); use a key pair of the project that holds the prompts.`, status);
      case status === 404:
        return new RegistryError('notFound', notFoundSentence(host, context), status);
      case status === 429: {
        const wait = failure.retryAfterMs === undefined ? '' : ` (it asks to wait ${Math.ceil(failure.retryAfterMs / 1000)} s)`;
        return new RegistryError('rateLimited', `Langfuse at ${host} is rate-limiting requests (429)${wait} and still was${tries}; nothing was changed by this request, try again later.`, status);
      }
      case status === 400:
        return new RegistryError('badRequest', `Langfuse refused to ${context.action} (400)${message ? `: ${message}` : ''}.`, status);
      case status >= 500:
        return new RegistryError('unavailable', `Langfuse at ${host} failed to ${context.action} with HTTP ${status}${tries}${message ? `: ${message}` : ''}.`, status);
      default:
        return new RegistryError('badRequest', `Langfuse at ${host} answered HTTP ${status} to "${context.action}"${message ? `: ${message}` : ''}.`, status);
    }
  }
}

/** A failure after which the request may or may not have been applied. */
function outcomeUnknown(error: RegistryError): boolean {
  return error.kind === 'timeout' || error.kind === 'unreachable' || error.kind === 'unavailable';
}

function notFoundSentence(host: string, context: CallContext): string {
  const name = context.name === undefined ? 'the prompt' : escapeControlCharacters(context.name);
  if (context.selector === undefined) return `Langfuse at ${host} has no prompt ${name}.`;
  if ('version' in context.selector) return `Langfuse at ${host} has no version ${context.selector.version} of ${name} (or no prompt of that name).`;
  return `Langfuse at ${host} has no version of ${name} labelled ${escapeControlCharacters(context.selector.label)} (or no prompt of that name).`;
}

function classifyFailure(error: unknown, timedOut: boolean): AttemptFailure {
  if (timedOut) return { kind: 'timeout' };
  if (error instanceof LangfuseHttpError) return { kind: 'status', status: error.status, retryAfterMs: retryAfterMs(error.retryAfter), error };
  if (error instanceof LangfuseMalformedBody) return { kind: 'malformed', detail: error.message };
  // fetch says "fetch failed" and keeps the reason (ECONNREFUSED, a DNS failure…) as its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  return { kind: 'unreachable', detail: cause ?? (error instanceof Error ? error.message : String(error)) };
}

/** The server's own message from an error body: `{"message": …}`, `{"error": …}` or text, on one line and short. */
function serverMessage(error: unknown): string {
  const body = error instanceof LangfuseHttpError ? error.body : undefined;
  let text = '';
  if (typeof body === 'string') text = body;
  else if (typeof body === 'object' && body !== null) {
    const fields = body as Record<string, unknown>;
    const candidate = fields['message'] ?? fields['error'];
    text = typeof candidate === 'string' ? candidate : JSON.stringify(body);
  }
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}…` : oneLine;
}
