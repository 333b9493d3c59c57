import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import nodeFs = require('node:fs');
import { ManifestLockTimeout, withFileLock } from '../../../../src/node/releases/manifestLock';

function lockOwner(fields: { pid: number; host?: string; acquiredAt?: number }): string {
  return JSON.stringify({ pid: fields.pid, host: fields.host ?? os.hostname(), acquiredAt: fields.acquiredAt ?? Date.now(), token: 'someone-else' });
}

/** The pid of a process that has exited, so no process owns it any more (pid reuse aside). */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

type FsFunction = 'lstatSync' | 'statSync' | 'writeFileSync';

/**
 * Runs `run` with one `node:fs` function replaced by `fake`, which gets the original to call; the lock
 * reads `fs` through the module object, so a race or an error that needs another process happens here.
 */
async function withFsReplaced<T>(name: FsFunction, fake: (original: (...args: unknown[]) => unknown, ...args: unknown[]) => unknown, run: () => Promise<T>): Promise<T> {
  const original: unknown = Reflect.get(nodeFs, name);
  assert.ok(typeof original === 'function');
  const callOriginal = (...args: unknown[]): unknown => Reflect.apply(original, nodeFs, args) as unknown;
  Reflect.set(nodeFs, name, (...args: unknown[]) => fake(callOriginal, ...args));
  try {
    return await run();
  } finally {
    Reflect.set(nodeFs, name, original);
  }
}

function errnoError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${syscall} '${file}'`), { code, syscall, path: file });
}

describe('Manifest lock', () => {
  let folder: string;
  let file: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-lock-'));
    file = path.join(folder, 'prompt-releases.yaml');
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('lets one holder in at a time and removes the lock file afterwards', async () => {
    const order: string[] = [];
    const hold = (name: string, ms: number) =>
      withFileLock(file, async () => {
        order.push(`${name} in`);
        assert.ok(fs.existsSync(`${file}.lock`));
        await new Promise((resolve) => setTimeout(resolve, ms));
        order.push(`${name} out`);
      });
    await Promise.all([hold('first', 80), new Promise((resolve) => setTimeout(resolve, 10)).then(() => hold('second', 1))]);
    assert.deepEqual(order, ['first in', 'first out', 'second in', 'second out']);
    assert.equal(fs.existsSync(`${file}.lock`), false);
  });

  it('releases the lock when the work fails', async () => {
    await assert.rejects(withFileLock(file, async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(fs.existsSync(`${file}.lock`), false);
  });

  it('breaks a lock whose process on this host is gone', async () => {
    fs.writeFileSync(`${file}.lock`, lockOwner({ pid: deadPid() }));
    assert.equal(await withFileLock(file, async () => 'ran', { timeoutMs: 200 }), 'ran');
  });

  it('waits for a lock whose process is alive, then names it in one sentence', async () => {
    fs.writeFileSync(`${file}.lock`, lockOwner({ pid: process.pid }));
    const started = Date.now();
    await assert.rejects(withFileLock(file, async () => 'ran', { timeoutMs: 150 }), (error: unknown) => {
      assert.ok(error instanceof ManifestLockTimeout);
      assert.match(error.message, new RegExp(`^Another promptops \\(pid ${process.pid} on .+, since .+\\) is changing prompt-releases\\.yaml; try again when it is done, or delete prompt-releases\\.yaml\\.lock if no promptops is running\\.$`));
      return true;
    });
    assert.ok(Date.now() - started >= 140);
    assert.ok(fs.existsSync(`${file}.lock`), 'a live holder\'s lock is left alone');
  });

  it('breaks a lock from another host only once it is older than staleAfterMs', async () => {
    fs.writeFileSync(`${file}.lock`, lockOwner({ pid: 1, host: 'elsewhere', acquiredAt: Date.now() }));
    await assert.rejects(withFileLock(file, async () => 'ran', { timeoutMs: 100, staleAfterMs: 60_000 }), ManifestLockTimeout);
    fs.writeFileSync(`${file}.lock`, lockOwner({ pid: 1, host: 'elsewhere', acquiredAt: Date.now() - 120_000 }));
    assert.equal(await withFileLock(file, async () => 'ran', { timeoutMs: 100, staleAfterMs: 60_000 }), 'ran');
  });

  it('a holder whose lock was broken as abandoned leaves the lock another process took since', async () => {
    const newcomer = lockOwner({ pid: process.pid });
    await withFileLock(file, async () => {
      // Meanwhile another process judged this lock abandoned, broke it and took its own.
      fs.rmSync(`${file}.lock`);
      fs.writeFileSync(`${file}.lock`, newcomer);
    });
    assert.equal(fs.readFileSync(`${file}.lock`, 'utf8'), newcomer);
  });

  it('re-checks a lock it found abandoned before breaking it, so a lock taken in between survives', async () => {
    const abandoned = deadPid();
    fs.writeFileSync(`${file}.lock`, lockOwner({ pid: abandoned }));
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.lock`, old, old);
    const newcomer = lockOwner({ pid: process.pid });
    // The moment between finding the holder gone and breaking its lock: another process breaks it first and takes its own.
    const kill = process.kill;
    process.kill = (pid: number, signal?: string | number): true => {
      if (pid === abandoned && fs.readFileSync(`${file}.lock`, 'utf8') !== newcomer) {
        fs.rmSync(`${file}.lock`);
        fs.writeFileSync(`${file}.lock`, newcomer);
      }
      return kill.call(process, pid, signal);
    };
    try {
      await assert.rejects(withFileLock(file, async () => 'ran', { timeoutMs: 150 }), ManifestLockTimeout);
    } finally {
      process.kill = kill;
    }
    assert.equal(fs.readFileSync(`${file}.lock`, 'utf8'), newcomer);
  });

  it('while another process is breaking an abandoned lock, waits for it instead of breaking it too', async () => {
    fs.writeFileSync(`${file}.lock`, lockOwner({ pid: deadPid() }));
    // A breaker created just now: someone is deleting that lock this very moment.
    fs.writeFileSync(`${file}.lock.break`, String(process.pid));
    await assert.rejects(withFileLock(file, async () => 'ran', { timeoutMs: 150 }), ManifestLockTimeout);
    assert.ok(fs.existsSync(`${file}.lock`), 'the lock is left to the process breaking it');
    assert.ok(fs.existsSync(`${file}.lock.break`), 'a fresh breaker is left alone');
  });

  it('clears a breaker left by a crash and then breaks the abandoned lock', async () => {
    fs.writeFileSync(`${file}.lock`, lockOwner({ pid: deadPid() }));
    fs.writeFileSync(`${file}.lock.break`, '12345');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.lock.break`, old, old);
    assert.equal(await withFileLock(file, async () => 'ran', { timeoutMs: 2_000 }), 'ran');
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  it('names the holder of a live lock from another host by pid, host and the time it took the lock', async () => {
    fs.writeFileSync(`${file}.lock`, lockOwner({ pid: 4242, host: 'build-7', acquiredAt: Date.UTC(2026, 0, 1, 9) }));
    await assert.rejects(withFileLock(file, async () => 'ran', { timeoutMs: 50, staleAfterMs: Number.MAX_SAFE_INTEGER }), {
      name: 'ManifestLockTimeout',
      message: 'Another promptops (pid 4242 on build-7, since 2026-01-01T09:00:00.000Z) is changing prompt-releases.yaml; try again when it is done, or delete prompt-releases.yaml.lock if no promptops is running.',
    });
  });

  it('waits for a lock file it cannot read an owner from while it is younger than 5 s, and names no holder', async () => {
    const owner = { pid: 4242, host: os.hostname(), acquiredAt: Date.now(), token: 't' };
    const unreadable = ['', 'null', '5', 'not json', ...(['pid', 'host', 'acquiredAt', 'token'] as const).map((field) => JSON.stringify({ ...owner, [field]: field === 'host' || field === 'token' ? 7 : '7' }))];
    for (const raw of unreadable) {
      fs.writeFileSync(`${file}.lock`, raw);
      await assert.rejects(
        withFileLock(file, async () => 'ran', { timeoutMs: 50 }),
        { name: 'ManifestLockTimeout', message: 'Another promptops is changing prompt-releases.yaml; try again when it is done, or delete prompt-releases.yaml.lock if no promptops is running.' },
        raw,
      );
      assert.equal(fs.readFileSync(`${file}.lock`, 'utf8'), raw, 'the lock is left alone');
    }
  });

  it('breaks a lock file without an owner once it is older than a staleAfterMs shorter than 5 s', async () => {
    fs.writeFileSync(`${file}.lock`, '');
    const old = new Date(Date.now() - 1_000);
    fs.utimesSync(`${file}.lock`, old, old);
    assert.equal(await withFileLock(file, async () => 'ran', { timeoutMs: 100, staleAfterMs: 200 }), 'ran');
  });

  it('breaks an empty lock file left by a crash between creating and writing it', async () => {
    fs.writeFileSync(`${file}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.lock`, old, old);
    assert.equal(await withFileLock(file, async () => 'ran', { timeoutMs: 100 }), 'ran');
  });

  it('takes the lock at once when its holder lets go between the failed create and the look at it', async () => {
    fs.writeFileSync(`${file}.lock`, lockOwner({ pid: process.pid }));
    let released = false;
    const ran = await withFsReplaced(
      'lstatSync',
      (original, ...args) => {
        // The holder finishes in the moment after our create found its lock.
        if (args[0] === `${file}.lock` && !released) {
          released = true;
          fs.rmSync(`${file}.lock`);
        }
        return original(...args);
      },
      () => withFileLock(file, async () => 'ran', { timeoutMs: 0 }),
    );
    assert.equal(released, true);
    assert.equal(ran, 'ran');
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  it('waits for a lock whose process on this host belongs to another user (the signal is not permitted), instead of breaking it', async () => {
    const other = deadPid();
    const owner = lockOwner({ pid: other });
    fs.writeFileSync(`${file}.lock`, owner);
    const kill = process.kill;
    process.kill = (pid: number, signal?: string | number): true => {
      if (pid === other) throw errnoError('EPERM', 'kill', String(pid));
      return kill.call(process, pid, signal);
    };
    try {
      await assert.rejects(withFileLock(file, async () => 'ran', { timeoutMs: 100 }), ManifestLockTimeout);
    } finally {
      process.kill = kill;
    }
    assert.equal(fs.readFileSync(`${file}.lock`, 'utf8'), owner, 'the live holder\'s lock is left alone');
  });

  it('takes the lock when the other breaker finishes between its failed create of the breaker and the look at its age', async () => {
    fs.writeFileSync(`${file}.lock`, lockOwner({ pid: deadPid() }));
    // Another process is breaking the abandoned lock this very moment.
    fs.writeFileSync(`${file}.lock.break`, String(process.pid));
    let finished = false;
    const ran = await withFsReplaced(
      'statSync',
      (original, ...args) => {
        if (args[0] === `${file}.lock.break` && !finished) {
          // It deletes the abandoned lock, then its breaker, as ours looks.
          finished = true;
          fs.rmSync(`${file}.lock`);
          fs.rmSync(`${file}.lock.break`);
        }
        return original(...args);
      },
      () => withFileLock(file, async () => 'ran', { timeoutMs: 2_000 }),
    );
    assert.equal(finished, true);
    assert.equal(ran, 'ran');
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  for (const code of ['EACCES', 'ENOSPC']) {
    it(`fails with the file system's error (${code}) when it cannot create the breaker of an abandoned lock, instead of waiting for a breaker that does not exist`, async () => {
      fs.writeFileSync(`${file}.lock`, lockOwner({ pid: deadPid() }));
      const breaker = `${file}.lock.break`;
      const refused = errnoError(code, 'open', breaker);
      await withFsReplaced(
        'writeFileSync',
        (original, ...args) => {
          if (args[0] === breaker) throw refused;
          return original(...args);
        },
        () => assert.rejects(withFileLock(file, async () => 'ran', { timeoutMs: 2_000 }), (error: unknown) => error === refused),
      );
      assert.deepEqual(fs.readdirSync(folder), ['prompt-releases.yaml.lock'], 'the abandoned lock is left, and no breaker');
    });
  }
});
