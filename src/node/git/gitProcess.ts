import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import { GitError, gitErrorFromStderr, gitMissingError } from './gitError';
import { errorCode } from '../errorCode';

/** Where and how to run git: the working folder, the executable (a `git.path` setting) and a cancellation signal. */
export interface GitInvocation {
  readonly cwd: string;
  readonly gitPath?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** A running git process: its streams and a promise that settles when it exits, rejecting with a GitError on failure. */
export interface GitChild {
  readonly process: ChildProcessWithoutNullStreams;
  readonly completion: Promise<void>;
}

// Fixed locale so stderr can be matched; no pager, no credential prompts, no index refresh
// that would take locks a concurrent `git commit` needs; paths taken literally, never as globs.
const gitEnvironment: Readonly<Record<string, string>> = {
  LC_ALL: 'C',
  GIT_PAGER: 'cat',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_TERMINAL_PROMPT: '0',
  GIT_LITERAL_PATHSPECS: '1',
};

export interface GitStartOptions {
  /** Leave stdin open for requests (`cat-file --batch`); otherwise git reads an empty stdin. */
  readonly keepStdinOpen?: boolean;
  /** Text written to git's stdin before it is closed (`--stdin` lists). */
  readonly input?: string;
  /** Exit codes that are answers rather than failures, e.g. 1 from `git config --get` for "not set". */
  readonly acceptExitCodes?: readonly number[];
}

/** Spawns git; a working folder that is a file (`notes.txt/` in a path) throws at once rather than emitting 'error', so it is turned into a GitError here. */
function spawnGit(gitPath: string, args: readonly string[], invocation: GitInvocation): ChildProcessWithoutNullStreams {
  try {
    return spawn(gitPath, ['-c', 'core.quotepath=off', ...args], {
      cwd: invocation.cwd,
      env: { ...process.env, ...gitEnvironment },
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      ...(invocation.signal ? { signal: invocation.signal } : {}),
    });
  } catch (error) {
    if (errorCode(error) === 'ENOTDIR') throw new GitError('folderMissing', `${invocation.cwd} is not a folder.`);
    throw error;
  }
}

/** Starts git with an argument array (never a shell); `-c core.quotepath=off` keeps unicode paths as they are. */
export function startGit(args: readonly string[], invocation: GitInvocation, options: GitStartOptions = {}): GitChild {
  const gitPath = invocation.gitPath ?? 'git';
  const child = spawnGit(gitPath, args, invocation);
  // A write after git exited reports EPIPE here; the exit itself is reported through `completion`.
  child.stdin.on('error', () => undefined);
  if (options.input !== undefined) child.stdin.end(options.input);
  else if (!options.keepStdinOpen) child.stdin.end();
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const completion = new Promise<void>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.name === 'AbortError') reject(new GitError('cancelled', 'The git command was cancelled.'));
      else if (error.code === 'ENOENT' && !fs.existsSync(invocation.cwd)) reject(new GitError('folderMissing', `The folder ${invocation.cwd} does not exist.`));
      else if (error.code === 'ENOENT') reject(gitMissingError(gitPath));
      else reject(new GitError('failed', `Git could not be started: ${error.message}.`));
    });
    child.once('close', (code) => {
      if (code !== null && (options.acceptExitCodes ?? [0]).includes(code)) resolve();
      else if (invocation.signal?.aborted) reject(new GitError('cancelled', 'The git command was cancelled.'));
      else reject(gitErrorFromStderr(Buffer.concat(stderr).toString('utf8'), code, invocation.cwd));
    });
  });
  // Marked as handled so an early failure is not an unhandled rejection before a caller awaits it.
  completion.catch(() => undefined);
  return { process: child, completion };
}

/** Runs git to completion and returns its stdout bytes; rejects with a GitError. */
export async function runGit(args: readonly string[], invocation: GitInvocation, options: GitStartOptions = {}): Promise<Buffer> {
  const child = startGit(args, invocation, options);
  const stdout: Buffer[] = [];
  child.process.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  await child.completion;
  return Buffer.concat(stdout);
}
