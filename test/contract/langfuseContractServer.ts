import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { LangfuseOpenApi } from './langfuseOpenApi';

/** A fault the server injects into the next matching request instead of its normal answer. */
export type InjectedFault =
  | { readonly kind: 'status'; readonly status: number; readonly body?: string; readonly retryAfter?: string; readonly contentType?: string }
  /** Hold the request without answering (the client's timeout fires). */
  | { readonly kind: 'hang' }
  /** Answer 200 with a body that is not JSON. */
  | { readonly kind: 'malformed' }
  /** Close the connection without answering. */
  | { readonly kind: 'reset' }
  /** Apply the request, then close the connection without answering (the client cannot tell it worked). */
  | { readonly kind: 'applyThenReset' };

export interface FaultRule {
  readonly method?: string;
  /** A prefix of the raw request path. */
  readonly path?: string;
  readonly fault: InjectedFault;
  /** How many matching requests get the fault; default 1. */
  readonly times?: number;
}

/** A request as the server saw it, for tests that count or inspect calls. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly body: unknown;
  readonly authorized: boolean;
}

export interface SeedVersion {
  readonly type?: 'text' | 'chat';
  readonly prompt: string | readonly { readonly role: string; readonly content: string }[];
  readonly config?: Record<string, unknown>;
  readonly labels?: readonly string[];
  readonly commitMessage?: string;
  readonly createdAt?: string;
}

interface StoredVersion {
  readonly version: number;
  readonly prompt: unknown;
  readonly config: unknown;
  readonly labels: Set<string>;
  readonly commitMessage: string | null;
  readonly createdAt: string;
  updatedAt: string;
  readonly createdBy: string;
}

interface StoredPrompt {
  readonly name: string;
  readonly type: 'text' | 'chat';
  tags: string[];
  readonly versions: StoredVersion[];
}

export interface ContractServerOptions {
  readonly publicKey?: string;
  readonly secretKey?: string;
  /** Validate requests and responses against the OpenAPI document (default: when it is present). */
  readonly openApi?: LangfuseOpenApi | undefined;
  /** The clock versions are stamped with. */
  readonly now?: () => Date;
}

/** The contract server's keys unless a test gives others. */
export const contractKeys = { publicKey: 'pk-lf-contract-0001', secretKey: 'sk-lf-contract-secret-7d1e' } as const;

const labelPattern = /^[a-z0-9_\-.]+$/;
const json = (value: unknown): string => JSON.stringify(value);

class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A Langfuse stand-in for tests, the demo and the benchmark: the prompt endpoints of DESIGN §8 with
 * Langfuse's semantics (Basic auth, pages from 1 with `meta.totalPages`, labels unique per prompt,
 * PATCH only adding and moving labels, `latest` on the newest version by itself), every request and
 * response checked against Langfuse's OpenAPI document when it is present, and injectable faults.
 */
export class LangfuseContractServer {
  readonly requests: RecordedRequest[] = [];
  /** Requests or responses that do not match the OpenAPI document; tests assert there are none. */
  readonly violations: string[] = [];
  /** The most requests in flight at once. */
  maxInFlight = 0;
  private inFlight = 0;
  private readonly prompts = new Map<string, StoredPrompt>();
  private readonly faults: { rule: FaultRule; left: number }[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly held = new Set<http.ServerResponse>();
  private readonly server: http.Server;
  private origin = '';
  readonly publicKey: string;
  readonly secretKey: string;
  readonly openApi: LangfuseOpenApi | undefined;
  private readonly now: () => Date;

  constructor(options: ContractServerOptions = {}) {
    this.publicKey = options.publicKey ?? contractKeys.publicKey;
    this.secretKey = options.secretKey ?? contractKeys.secretKey;
    this.openApi = 'openApi' in options ? options.openApi : LangfuseOpenApi.load();
    this.now = options.now ?? (() => new Date());
    this.server = http.createServer((request, response) => void this.handle(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Starts on a free loopback port (or `port`) and resolves to the base URL. */
  async start(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.origin;
  }

  get url(): string {
    return this.origin;
  }

  async close(): Promise<void> {
    for (const response of this.held) response.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Makes the next matching request(s) fail as `rule` says. */
  inject(rule: FaultRule): void {
    this.faults.push({ rule, left: rule.times ?? 1 });
  }

  /** Drops recorded requests, violations and faults (the prompts stay). */
  resetLog(): void {
    this.requests.length = 0;
    this.violations.length = 0;
    this.faults.length = 0;
    this.maxInFlight = 0;
  }

  /** Creates versions directly, as if someone had pushed them; returns the new version numbers. */
  seed(name: string, versions: readonly SeedVersion[]): number[] {
    return versions.map((version) =>
      this.create({ name, type: version.type ?? (typeof version.prompt === 'string' ? 'text' : 'chat'), prompt: version.prompt, config: version.config ?? {}, labels: version.labels ?? [], commitMessage: version.commitMessage ?? null }, version.createdAt).version,
    );
  }

  /** The labels of a prompt's versions, by version number (`latest` included), as the registry holds them now. */
  labelsOf(name: string): Map<number, string[]> {
    const prompt = this.prompts.get(name);
    return new Map((prompt?.versions ?? []).map((version) => [version.version, this.labelsOfVersion(prompt as StoredPrompt, version)]));
  }

  /** The stored version as the API returns it, or undefined. */
  versionOf(name: string, version: number): Record<string, unknown> | undefined {
    const prompt = this.prompts.get(name);
    const stored = prompt?.versions.find((candidate) => candidate.version === version);
    return prompt && stored ? this.promptJson(prompt, stored) : undefined;
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    response.on('close', () => this.inFlight--);
    const url = new URL(request.url ?? '/', 'http://contract');
    const method = request.method ?? 'GET';
    const text = await new Promise<string>((resolve) => {
      let data = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (data += chunk));
      request.on('end', () => resolve(data));
    });
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const authorized = request.headers.authorization === `Basic ${Buffer.from(`${this.publicKey}:${this.secretKey}`).toString('base64')}`;
    this.requests.push({ method, path: url.pathname, query: url.search, body, authorized });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      if (status === 200 && this.openApi) this.violations.push(...this.openApi.checkResponse(method, url.pathname, payload));
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(json(payload));
    };

    const fault = this.takeFault(method, url.pathname);
    if (fault?.kind === 'status') {
      const declared = fault.contentType ?? (fault.body === undefined || /^[[{]/.test(fault.body) ? 'application/json' : 'text/plain');
      response.writeHead(fault.status, { 'content-type': declared, ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }) });
      response.end(fault.body ?? json({ message: `Injected HTTP ${fault.status}` }));
      return;
    }
    if (fault?.kind === 'hang') {
      this.held.add(response);
      response.on('close', () => this.held.delete(response));
      return;
    }
    if (fault?.kind === 'reset') {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'malformed') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"name": "half a resp');
      return;
    }
    if (!authorized) {
      send(401, { message: 'Invalid credentials. Confirm that you\'ve configured the correct host.' });
      return;
    }
    if (this.openApi) {
      const problems = this.openApi.checkRequest(method, url.pathname, url.searchParams, body);
      if (problems.length > 0) {
        this.violations.push(...problems);
        send(400, { message: `Invalid request: ${problems.join('; ')}` });
        return;
      }
    }
    try {
      const result = this.route(method, url, body);
      if (fault?.kind === 'applyThenReset') {
        request.socket.destroy();
        return;
      }
      send(200, result);
    } catch (error) {
      if (error instanceof BadRequest) send(error.status, { error: error.status === 404 ? 'LangfuseNotFoundError' : 'InvalidRequestError', message: error.message });
      else send(500, { message: 'Internal Server Error' });
    }
  }

  private takeFault(method: string, pathName: string): InjectedFault | undefined {
    const index = this.faults.findIndex(({ rule }) => (rule.method === undefined || rule.method === method) && (rule.path === undefined || pathName.startsWith(rule.path)));
    const found = this.faults[index];
    if (!found) return undefined;
    if (--found.left <= 0) this.faults.splice(index, 1);
    return found.rule.fault;
  }

  private route(method: string, url: URL, body: unknown): unknown {
    const segments = url.pathname.split('/');
    // ['', 'api', 'public', 'v2', 'prompts', name?, 'versions'?, version?]
    if (segments.slice(0, 5).join('/') !== '/api/public/v2/prompts') throw new BadRequest(404, 'Not found');
    const rest = segments.slice(5);
    if (rest.length === 0 && method === 'GET') return this.list(url.searchParams);
    if (rest.length === 0 && method === 'POST') return this.createFromRequest(body);
    const name = decodeURIComponent(rest[0] ?? '');
    if (rest.length === 1 && method === 'GET') return this.get(name, url.searchParams);
    if (rest.length === 3 && rest[1] === 'versions' && method === 'PATCH') return this.patch(name, Number(rest[2]), body);
    throw new BadRequest(method === 'GET' || method === 'POST' || method === 'PATCH' ? 404 : 405, 'Not found');
  }

  private list(query: URLSearchParams): unknown {
    const page = Number(query.get('page') ?? 1);
    const limit = Number(query.get('limit') ?? 50);
    if (!Number.isInteger(page) || page < 1) throw new BadRequest(400, 'page must be a positive integer');
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new BadRequest(400, 'limit must be between 1 and 100');
    const name = query.get('name');
    const label = query.get('label');
    const tag = query.get('tag');
    const matching = [...this.prompts.values()]
      .filter((prompt) => (name === null || prompt.name === name) && (tag === null || prompt.tags.includes(tag)))
      .map((prompt) => ({ prompt, versions: prompt.versions.filter((version) => label === null || this.labelsOfVersion(prompt, version).includes(label)) }))
      .filter(({ versions }) => versions.length > 0)
      .sort((a, b) => a.prompt.name.localeCompare(b.prompt.name));
    const data = matching.slice((page - 1) * limit, page * limit).map(({ prompt, versions }) => {
      const newest = versions[versions.length - 1] as StoredVersion;
      return {
        name: prompt.name,
        type: prompt.type,
        versions: versions.map((version) => version.version),
        labels: [...new Set(versions.flatMap((version) => this.labelsOfVersion(prompt, version)))].sort(),
        tags: prompt.tags,
        lastUpdatedAt: newest.updatedAt,
        lastConfig: newest.config,
      };
    });
    return { data, meta: { page, limit, totalItems: matching.length, totalPages: Math.ceil(matching.length / limit) } };
  }

  private get(name: string, query: URLSearchParams): unknown {
    const prompt = this.prompts.get(name);
    const versionText = query.get('version');
    const label = query.get('label') ?? (versionText === null ? 'production' : null);
    const version =
      versionText !== null
        ? prompt?.versions.find((candidate) => candidate.version === Number(versionText))
        : prompt?.versions.find((candidate) => this.labelsOfVersion(prompt, candidate).includes(label ?? ''));
    if (!prompt || !version) throw new BadRequest(404, `Prompt not found: '${name}'${versionText !== null ? ` with version ${versionText}` : ` with label '${label ?? ''}'`}`);
    return this.promptJson(prompt, version);
  }

  private createFromRequest(body: unknown): unknown {
    const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const type = request['type'] === 'chat' ? 'chat' : 'text';
    const name = request['name'];
    if (typeof name !== 'string' || name.trim() === '') throw new BadRequest(400, 'name is required');
    if (type === 'chat' ? !Array.isArray(request['prompt']) : typeof request['prompt'] !== 'string') throw new BadRequest(400, `A ${type} prompt needs ${type === 'chat' ? 'a list of messages' : 'a string'}`);
    const labels = Array.isArray(request['labels']) ? request['labels'].map(String) : [];
    const created = this.create({ name, type, prompt: request['prompt'], config: request['config'] ?? {}, labels, commitMessage: typeof request['commitMessage'] === 'string' ? request['commitMessage'] : null });
    if (Array.isArray(request['tags'])) created.prompt.tags = request['tags'].map(String);
    return this.promptJson(created.prompt, created.stored);
  }

  private create(request: { name: string; type: 'text' | 'chat'; prompt: unknown; config: unknown; labels: readonly string[]; commitMessage: string | null }, createdAt?: string): { prompt: StoredPrompt; stored: StoredVersion; version: number } {
    this.checkLabels(request.labels);
    let prompt = this.prompts.get(request.name);
    if (prompt && prompt.type !== request.type) throw new BadRequest(400, `Previous versions have different prompt type. Create a new prompt with a different name.`);
    if (!prompt) {
      prompt = { name: request.name, type: request.type, tags: [], versions: [] };
      this.prompts.set(request.name, prompt);
    }
    const at = createdAt ?? this.now().toISOString();
    const stored: StoredVersion = {
      version: (prompt.versions.at(-1)?.version ?? 0) + 1,
      prompt: request.prompt,
      config: request.config,
      labels: new Set(),
      commitMessage: request.commitMessage,
      createdAt: at,
      updatedAt: at,
      createdBy: 'API',
    };
    prompt.versions.push(stored);
    this.moveLabels(prompt, stored, request.labels);
    return { prompt, stored, version: stored.version };
  }

  private patch(name: string, version: number, body: unknown): unknown {
    const prompt = this.prompts.get(name);
    const stored = prompt?.versions.find((candidate) => candidate.version === version);
    if (!prompt || !stored) throw new BadRequest(404, `Prompt version not found: '${name}' version ${version}`);
    const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const labels = Array.isArray(request['newLabels']) ? request['newLabels'].map(String) : [];
    this.checkLabels(labels);
    this.moveLabels(prompt, stored, labels);
    stored.updatedAt = this.now().toISOString();
    return this.promptJson(prompt, stored);
  }

  private checkLabels(labels: readonly string[]): void {
    for (const label of labels) {
      if (label === 'latest') throw new BadRequest(400, 'The "latest" label is reserved and managed by Langfuse.');
      if (!labelPattern.test(label) || label.length > 36) throw new BadRequest(400, `Invalid label "${label}": labels are lowercase alphanumeric with _, - and ., at most 36 characters.`);
    }
  }

  /** Adds labels to a version and takes them off every other version: labels are unique per prompt. */
  private moveLabels(prompt: StoredPrompt, target: StoredVersion, labels: readonly string[]): void {
    for (const label of labels) {
      for (const version of prompt.versions) version.labels.delete(label);
      target.labels.add(label);
    }
  }

  private labelsOfVersion(prompt: StoredPrompt, version: StoredVersion): string[] {
    const labels = [...version.labels];
    if (prompt.versions.at(-1) === version) labels.push('latest');
    return labels.sort();
  }

  private promptJson(prompt: StoredPrompt, version: StoredVersion): Record<string, unknown> {
    return {
      id: `${prompt.name}@${version.version}`,
      name: prompt.name,
      type: prompt.type,
      version: version.version,
      prompt: version.prompt,
      config: version.config,
      labels: this.labelsOfVersion(prompt, version),
      tags: prompt.tags,
      commitMessage: version.commitMessage,
      resolutionGraph: null,
      createdAt: version.createdAt,
      updatedAt: version.updatedAt,
      createdBy: version.createdBy,
    };
  }
}
