import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';

function git(cwd: string, args: readonly string[], input?: string): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', input, env: { ...process.env, LC_ALL: 'C' } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

function objectId(type: string, content: string): string {
  return createHash('sha1').update(`${type} ${Buffer.byteLength(content)}\0${content}`).digest('hex');
}

/**
 * Commits what is staged in `cwd` as a commit whose first `length` hex digits (7 unless given) are
 * also those of a blob it stores, so git must abbreviate that commit to more characters. The search
 * runs in memory (about 50,000 blobs against a few thousand commit messages) and is the same on every
 * run; only the two objects found are written. Returns the commit's full SHA; HEAD points at it.
 */
export function commitWithAmbiguousPrefix(cwd: string, message: string, length = 7): string {
  const tree = git(cwd, ['write-tree']);
  const parent = git(cwd, ['rev-parse', 'HEAD']);
  const blobs = new Map<string, string>();
  for (let i = 0; i < 50_000; i++) {
    const content = `filler ${i}\n`;
    blobs.set(objectId('blob', content).slice(0, length), content);
  }
  const identity = 'Fixture Author <fixture@example.com> 1790000000 +0000';
  for (let attempt = 0; attempt < 1_000_000; attempt++) {
    const commit = `tree ${tree}\nparent ${parent}\nauthor ${identity}\ncommitter ${identity}\n\n${message}${attempt === 0 ? '' : ` (${attempt})`}\n`;
    const id = objectId('commit', commit);
    const blob = blobs.get(id.slice(0, length));
    if (blob === undefined) continue;
    git(cwd, ['hash-object', '-w', '--stdin'], blob);
    const written = git(cwd, ['hash-object', '-t', 'commit', '-w', '--stdin'], commit);
    git(cwd, ['update-ref', 'HEAD', written, parent]);
    return written;
  }
  throw new Error('No commit with an ambiguous prefix was found.');
}
