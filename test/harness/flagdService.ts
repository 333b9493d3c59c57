// Starts examples/flagd-service as its own process, as an application would run it, for the tests
// and the rollback-to-serve benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { repositoryRoot } from './codeServerInstall';

export const exampleServiceScript = path.join(repositoryRoot, 'examples', 'flagd-service', 'server.mjs');

/** A running example service. */
export interface ExampleService {
  readonly port: number;
  /** Every line it printed on stdout so far (one provenance record per request after the first). */
  readonly lines: readonly string[];
  /** Resolves with the next line it prints that `matches`, e.g. the `flagsChanged` record of a publish. */
  nextLine(matches: (line: string) => boolean): Promise<string>;
  /** What the service answers for a request: the provenance of the prompt it served. */
  serve(query: Readonly<Record<string, string>>): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

// Keep-alive, so that polling many services does not open a connection per request.
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** Starts the service on a free port, reading the bundle and the flag file given (paths relative to `cwd` or absolute). */
export function startExampleService(cwd: string, files: { readonly bundle: string; readonly flags: string }): Promise<ExampleService> {
  const child = spawn(process.execPath, [exampleServiceScript], {
    cwd,
    env: { ...process.env, PROMPTS_BUNDLE: files.bundle, PROMPTS_FLAGS: files.flags, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiting = new Set<(line: string) => void>();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        for (const waiter of [...waiting]) waiter(line);
        const port = /^listening on http:\/\/127\.0\.0\.1:(\d+)$/.exec(line)?.[1];
        if (port !== undefined) resolve(serviceAt(Number(port), child, lines, waiting));
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The example service exited (${code ?? 'signal'}) before listening: ${stderr.trim()}`)));
  });
}

function serviceAt(port: number, child: ChildProcess, lines: string[], waiting: Set<(line: string) => void>): ExampleService {
  return {
    port,
    lines,
    nextLine: (matches) =>
      new Promise((resolve) => {
        const waiter = (line: string): void => {
          if (!matches(line)) return;
          waiting.delete(waiter);
          resolve(line);
        };
        waiting.add(waiter);
      }),
    serve: (query) =>
      new Promise((resolve, reject) => {
        const request = http.get({ host: '127.0.0.1', port, path: `/render?${new URLSearchParams(query).toString()}`, agent }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          response.on('end', () => {
            const answer: unknown = JSON.parse(body);
            const provenance: unknown = typeof answer === 'object' && answer !== null ? Reflect.get(answer, 'provenance') : undefined;
            if (typeof provenance === 'object' && provenance !== null) resolve({ ...provenance });
            else reject(new Error(`The example service answered ${response.statusCode ?? '?'}: ${body}`));
          });
        });
        request.once('error', reject);
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
