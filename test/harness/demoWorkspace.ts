import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { applyReleaseMove } from '../../src/core/releases/manifestEditor';
import { parseReleaseManifest } from '../../src/core/releases/manifestParser';
import { chooseRollbackTarget } from '../../src/core/releases/promotionHistory';
import { releaseCommitMessage } from '../../src/core/releases/releaseCommitMessage';
import type { ReleaseTarget } from '../../src/core/releases/releaseManifest';
import { planCanary, planCanaryClear, planPromote, planRollback, type MovePlan } from '../../src/core/releases/releaseMoves';
import { repositoryRoot } from './codeServerInstall';
import { writeDemoOutcomes } from './demoOutcomes';
import { scriptedGit as git, type ScriptedAuthor } from './scriptedGit';
import { firstSevenOf } from '../../src/core/releases/commitAbbreviation';

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
    readonly action: 'promote' | 'rollback' | 'canary' | 'canary-clear';
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

function identity(history: History, key: string, at: string): ScriptedAuthor {
  const person = history.authors[key];
  const match = person ? /^(.*) <(.*)>$/.exec(person) : null;
  if (!match?.[1] || !match[2]) throw new Error(`Unknown demo author "${key}"`);
  return { name: match[1], email: match[2], at };
}

/** Moves labels in the release manifest as the story goes, with the same core model the promote/rollback/canary verbs use. */
class DemoReleases {
  private manifest = '';

  constructor(private readonly repo: string) {}

  private target(commit: string, prompt: string): ReleaseTarget {
    const file = ['.prompt', '.prompty'].map((ext) => `${prompt}${ext}`).find((candidate) =>
      spawnSync('git', ['cat-file', '-e', `${commit}:${candidate}`], { cwd: this.repo }).status === 0);
    if (!file) throw new Error(`${prompt} does not exist at ${commit}`);
    const bytes = spawnSync('git', ['cat-file', 'blob', `${commit}:${file}`], { cwd: this.repo }).stdout;
    return { commit, path: file, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** Applies a release step to the manifest and returns the subject of the commit that records it. */
  apply(step: ReleaseStep, commits: ReadonlyMap<string, string>, by: string): string {
    const { action, prompt, label, ref, weight, note } = step.release;
    const parsed = parseReleaseManifest(this.manifest);
    const stamp = { at: step.at, by, note: note ?? '' };
    const request = { prompt, label, stamp, short: firstSevenOf };
    const refTarget = (): ReleaseTarget => {
      const commit = ref ? commits.get(ref) : undefined;
      if (!commit) throw new Error(`Unknown demo ref "${ref ?? ''}"`);
      return this.target(commit, prompt);
    };
    let plan: MovePlan;
    if (action === 'rollback') {
      const choice = chooseRollbackTarget(parsed.manifest, { prompt, label, to: ref ? commits.get(ref) : undefined, short: firstSevenOf });
      if (choice.kind !== 'target') throw new Error(`Cannot roll ${prompt} ${label} back: ${choice.kind === 'refused' ? choice.reason : choice.message}`);
      plan = planRollback(parsed.manifest, { ...request, target: this.target(choice.target.commit, prompt) });
    } else if (action === 'canary') {
      plan = planCanary(parsed.manifest, { ...request, target: refTarget(), weight: weight ?? 10 });
    } else if (action === 'canary-clear') {
      plan = planCanaryClear(parsed.manifest, request);
    } else {
      plan = planPromote(parsed.manifest, { ...request, target: refTarget() });
    }
    if (plan.kind !== 'move') throw new Error(`Demo release step ${action} ${prompt} ${label}: ${plan.kind === 'refused' ? plan.reason : plan.message}`);
    this.manifest = applyReleaseMove(parsed, plan.move);
    return releaseCommitMessage(plan.move, firstSevenOf).subject;
  }

  text(): string {
    return this.manifest;
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
  // What the application logged during the canary, for the Canary report (not committed: logs are not source).
  writeDemoOutcomes(target);
  return commits;
}
