import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { repositoryRoot } from './codeServerInstall';

const demoFolder = path.join(repositoryRoot, 'demo');
const historyFile = path.join(repositoryRoot, 'test', 'harness', 'demo', 'history.yaml');

interface CommitStep {
  readonly at: string;
  readonly by: string;
  readonly message: string;
  readonly ref?: string;
  readonly files?: Readonly<Record<string, string>>;
  readonly rename?: Readonly<Record<string, string>>;
}

interface ReleaseStep {
  readonly at: string;
  readonly release: {
    readonly action: 'promote' | 'rollback' | 'canary';
    readonly prompt: string;
    readonly label: string;
    readonly ref?: string;
    readonly weight?: number;
    readonly by: string;
    readonly note?: string;
  };
}

interface History {
  readonly authors: Readonly<Record<string, string>>;
  readonly steps: readonly (CommitStep | ReleaseStep)[];
}

interface LabelTarget {
  commit: string;
  path: string;
  sha256: string;
}

function git(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', ...env } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

function identity(history: History, key: string, at: string): NodeJS.ProcessEnv {
  const person = history.authors[key];
  const match = person ? /^(.*) <(.*)>$/.exec(person) : null;
  if (!match?.[1] || !match[2]) throw new Error(`Unknown demo author "${key}"`);
  return {
    GIT_AUTHOR_NAME: match[1], GIT_AUTHOR_EMAIL: match[2], GIT_AUTHOR_DATE: at,
    GIT_COMMITTER_NAME: match[1], GIT_COMMITTER_EMAIL: match[2], GIT_COMMITTER_DATE: at,
  };
}

/** Tracks the release manifest as the story moves labels, the way the promote/rollback/canary verbs do. */
class DemoReleases {
  private readonly prompts: Record<string, { labels: Record<string, LabelTarget>; canary?: Record<string, LabelTarget & { weight: number }> }> = {};
  private readonly events: Record<string, unknown>[] = [];
  private readonly promoted = new Map<string, string[]>();

  constructor(private readonly repo: string) {}

  private target(commit: string, prompt: string): LabelTarget {
    const file = ['.prompt', '.prompty'].map((ext) => `${prompt}${ext}`).find((candidate) =>
      spawnSync('git', ['cat-file', '-e', `${commit}:${candidate}`], { cwd: this.repo }).status === 0);
    if (!file) throw new Error(`${prompt} does not exist at ${commit}`);
    const bytes = spawnSync('git', ['cat-file', 'blob', `${commit}:${file}`], { cwd: this.repo }).stdout;
    return { commit, path: file, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  apply(step: ReleaseStep, commits: ReadonlyMap<string, string>, by: string): string {
    const { action, prompt, label, ref, weight, note } = step.release;
    const entry = (this.prompts[prompt] ??= { labels: {} });
    const key = `${prompt}\u0000${label}`;
    const trail = this.promoted.get(key) ?? [];
    const from = entry.labels[label]?.commit ?? null;
    let to: string;
    if (action === 'rollback') {
      trail.pop();
      const previous = trail.at(-1);
      if (!previous) throw new Error(`Nothing to roll ${prompt} ${label} back to`);
      to = previous;
      entry.labels[label] = this.target(to, prompt);
    } else {
      const commit = ref ? commits.get(ref) : undefined;
      if (!commit) throw new Error(`Unknown demo ref "${ref ?? ''}"`);
      to = commit;
      if (action === 'canary') {
        (entry.canary ??= {})[label] = { ...this.target(to, prompt), weight: weight ?? 10 };
      } else {
        entry.labels[label] = this.target(to, prompt);
        trail.push(to);
      }
    }
    this.promoted.set(key, trail);
    const sha256 = action === 'canary' ? entry.canary?.[label]?.sha256 : entry.labels[label]?.sha256;
    this.events.push({ at: step.at, by, action, prompt, label, from, to, sha256, note: note ?? '' });
    const short = to.slice(0, 7);
    if (action === 'rollback') return `roll back ${prompt} ${label} to ${short}`;
    if (action === 'canary') return `canary ${prompt} ${label} ${weight ?? 10}% (${short})`;
    return `promote ${prompt} to ${label} (${short})`;
  }

  text(): string {
    const document = new YAML.Document({ version: 1, prompts: this.prompts, events: this.events });
    document.commentBefore = ' Which prompt version serves each label. Reviewed in pull requests; written by promptops promote/rollback/canary.';
    return document.toString({ lineWidth: 0 });
  }
}

/** Replays test/harness/demo/history.yaml into `target`, a new Git repository whose working tree ends equal to demo/. */
export function createDemoRepository(target: string): ReadonlyMap<string, string> {
  const history = YAML.parse(fs.readFileSync(historyFile, 'utf8')) as History;
  fs.mkdirSync(target, { recursive: true });
  git(target, ['init', '--quiet', '--initial-branch=main']);
  git(target, ['config', 'commit.gpgsign', 'false']);
  const commits = new Map<string, string>();
  const releases = new DemoReleases(target);
  for (const step of history.steps) {
    if ('release' in step) {
      const author = history.authors[step.release.by] ?? step.release.by;
      const subject = releases.apply(step, commits, author);
      fs.writeFileSync(path.join(target, 'prompt-releases.yaml'), releases.text());
      git(target, ['add', 'prompt-releases.yaml']);
      git(target, ['commit', '--quiet', '-m', subject], identity(history, step.release.by, step.at));
      continue;
    }
    for (const [from, to] of Object.entries(step.rename ?? {})) git(target, ['mv', from, to]);
    for (const [file, content] of Object.entries(step.files ?? {})) {
      const destination = path.join(target, file);
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      if (content === 'final') fs.copyFileSync(path.join(demoFolder, file), destination);
      else fs.writeFileSync(destination, content);
      git(target, ['add', file]);
    }
    git(target, ['commit', '--quiet', '-m', step.message], identity(history, step.by, step.at));
    if (step.ref) commits.set(step.ref, git(target, ['rev-parse', 'HEAD']));
  }
  return commits;
}
