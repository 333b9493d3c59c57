import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileSystemRefusal } from '../fileSystemRefusal';
import { nonRegularKind } from '../textFiles';
import { statIfPresent } from '../presentStats';

/** How long to wait for another writer and when a lock counts as left behind. */
export interface ManifestLockOptions {
  /** How long to wait for another process to finish, in milliseconds (default 30 s). */
  readonly timeoutMs?: number | undefined;
  /** A lock taken on another host is considered abandoned after this many milliseconds (default 60 s). */
  readonly staleAfterMs?: number | undefined;
}

/** Another process held the lock for longer than the caller was willing to wait. */
export class ManifestLockTimeout extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestLockTimeout';
  }
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly acquiredAt: number;
  readonly token: string;
}

/** The lock file as one reader saw it: enough to recognise it again before deleting it. */
interface ObservedLock {
  readonly raw: string;
  readonly owner: LockOwner | undefined;
  readonly ino: number;
  readonly mtimeMs: number;
}

// A lock file that is still empty this long after it was created was left by a crash between create and write.
const emptyLockGraceMs = 5_000;

/**
 * Runs `work` while holding an exclusive lock on `file`: a `<file>.lock` created with O_EXCL
 * (`wx`), holding the owner's pid, host and a token. A lock whose process is gone (same host), or
 * older than `staleAfterMs` (another host), is broken; otherwise the caller retries with jittered
 * exponential backoff until `timeoutMs`, then gets a ManifestLockTimeout naming the holder.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>, options: ManifestLockOptions = {}): Promise<T> {
  const lockFile = `${file}.lock`;
  const token = randomUUID();
  await acquire(lockFile, token, options);
  try {
    return await work();
  } finally {
    release(lockFile, token);
  }
}

async function acquire(lockFile: string, token: string, options: ManifestLockOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const staleAfterMs = options.staleAfterMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lockFile, token)) return;
    const observed = observe(lockFile);
    if (observed === undefined) continue;
    if (isStale(observed, staleAfterMs) && breakStaleLock(lockFile, observed)) continue;
    if (Date.now() >= deadline) throw new ManifestLockTimeout(timeoutMessage(lockFile, observed.owner));
    await sleep(Math.min(10 * 2 ** attempt, 250) * (0.5 + Math.random()));
  }
}

function tryCreate(lockFile: string, token: string): boolean {
  let descriptor: number;
  try {
    descriptor = fs.openSync(lockFile, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), acquiredAt: Date.now(), token };
    fs.writeFileSync(descriptor, JSON.stringify(owner));
  } finally {
    fs.closeSync(descriptor);
  }
  return true;
}

function observe(lockFile: string): ObservedLock | undefined {
  try {
    const stat = fs.lstatSync(lockFile);
    // Never a lock this code made: reading or deleting it would be guessing.
    if (!stat.isFile()) throw new FileSystemRefusal(`${path.basename(lockFile)} is ${nonRegularKind(stat) ?? 'not a file'}, not a lock file promptops made; remove it and try again.`);
    const raw = fs.readFileSync(lockFile, 'utf8');
    return { raw, owner: parseOwner(raw), ino: stat.ino, mtimeMs: stat.mtimeMs };
  } catch (error) {
    // Released between our attempt and this look: try again at once.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseOwner(raw: string): LockOwner | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, host, acquiredAt, token } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof acquiredAt !== 'number' || typeof token !== 'string') return undefined;
    return { pid, host, acquiredAt, token };
  } catch {
    return undefined;
  }
}

function isStale(observed: ObservedLock, staleAfterMs: number): boolean {
  const { owner } = observed;
  if (!owner) return Date.now() - observed.mtimeMs > Math.min(emptyLockGraceMs, staleAfterMs);
  // On this host the owner's pid answers for certain; elsewhere only the lock's age can.
  if (owner.host === os.hostname()) return !isProcessAlive(owner.pid);
  return Date.now() - owner.acquiredAt > staleAfterMs;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes an abandoned lock, unless it changed since it was looked at; false when another process is breaking it. A second, short-lived
 * `.break` lock makes the check and the delete one step, so two processes that both found the lock
 * abandoned cannot end with one deleting the fresh lock the other just took.
 */
function breakStaleLock(lockFile: string, observed: ObservedLock): boolean {
  const breaker = `${lockFile}.break`;
  try {
    fs.writeFileSync(breaker, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A breaker is held for microseconds; an old one was left by a crash.
    const age = Date.now() - (statIfPresent(breaker)?.mtimeMs ?? Date.now());
    if (age > emptyLockGraceMs) fs.rmSync(breaker, { force: true });
    return false;
  }
  try {
    const now = observe(lockFile);
    if (now && now.raw === observed.raw && now.ino === observed.ino && now.mtimeMs === observed.mtimeMs) fs.rmSync(lockFile, { force: true });
    return true;
  } finally {
    fs.rmSync(breaker, { force: true });
  }
}

function release(lockFile: string, token: string): void {
  try {
    // Only our own lock: had it been broken as abandoned, the file now belongs to someone else.
    if (parseOwner(fs.readFileSync(lockFile, 'utf8'))?.token === token) fs.rmSync(lockFile, { force: true });
  } catch {
    // Already gone.
  }
}

function timeoutMessage(lockFile: string, owner: LockOwner | undefined): string {
  const file = path.basename(lockFile, '.lock');
  const who = owner ? `promptops (pid ${owner.pid} on ${owner.host}, since ${new Date(owner.acquiredAt).toISOString()})` : 'promptops';
  return `Another ${who} is changing ${file}; try again when it is done, or delete ${path.basename(lockFile)} if no promptops is running.`;
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
