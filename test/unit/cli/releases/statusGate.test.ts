import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runPromptops } from '../cliRunner';
import { createReleaseRepository, sha256, short, summarizeV1, summarizeV2, type ReleaseRepository } from './releaseFixture';

const file = 'support/summarize.prompt';

describe('promptops status is the CI gate: it fails on whatever export refuses', () => {
  let repo: ReleaseRepository;
  let manifestFile: string;
  beforeEach(async () => {
    repo = createReleaseRepository();
    manifestFile = path.join(repo.fixture.root, 'prompt-releases.yaml');
    await runPromptops(['promote', file, repo.v1], repo.fixture.root);
  });
  afterEach(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);
  const manifest = () => fs.readFileSync(manifestFile, 'utf8');
  const edit = (change: (text: string) => string) => {
    const before = manifest();
    const after = change(before);
    assert.notEqual(after, before, 'the edit changes the manifest');
    fs.writeFileSync(manifestFile, after);
  };

  /** status exits 1 with `problem` among its lines, and export refuses with the same first problem. */
  async function gateFails(problem: string): Promise<void> {
    const status = await promptops('status');
    assert.equal(status.code, 1, status.stderr);
    assert.ok(status.stderr.split('\n').includes(`promptops status: ${problem}`), status.stderr);
    const exported = await promptops('export');
    assert.equal(exported.code, 1, exported.stderr);
    assert.equal(exported.stdout, '');
    assert.match(exported.stderr, /^promptops export: prompt-releases\.yaml:\d+:\d+: /);
  }

  it('a manifest promptops wrote passes: exit 0, nothing on stderr', async () => {
    await promptops('promote', file, repo.v2, '--label', 'staging');
    await promptops('canary', file, repo.v2, '--weight', '10');
    const status = await promptops('status');
    assert.equal(status.code, 0, status.stderr);
    assert.equal(status.stderr, '');
  });

  it('a label moved by hand (not explained by the audit log)', async () => {
    edit((text) => text.replace(`    labels:\n      production:\n        commit: ${repo.v1}\n        path: ${file}\n        sha256: ${sha256(summarizeV1)}`, `    labels:\n      production:\n        commit: ${repo.v2}\n        path: ${file}\n        sha256: ${sha256(summarizeV2)}`));
    await gateFails(`prompt-releases.yaml:7:7: support/summarize production serves ${short(repo.v2)}, but the audit log's last move of it (promote of ${manifestEventTime()}) is to ${short(repo.v1)}; labels move only through promptops promote, rollback and canary, which record who and why.`);
  });

  it('a label or a canary added by hand, with no event at all', async () => {
    edit((text) => text.replace(`        sha256: ${sha256(summarizeV1)}\n`, `        sha256: ${sha256(summarizeV1)}\n      staging: {commit: ${repo.v2}, path: ${file}, sha256: ${sha256(summarizeV2)}}\n    canary:\n      production: {commit: ${repo.v2}, path: ${file}, sha256: ${sha256(summarizeV2)}, weight: 50}\n`));
    await gateFails(`prompt-releases.yaml:11:7: support/summarize staging serves ${short(repo.v2)}, but no event in the audit log puts it there; labels move only through promptops promote, rollback and canary, which record who and why.`);
    const status = await promptops('status');
    assert.ok(status.stderr.includes(`promptops status: prompt-releases.yaml:13:7: The canary of support/summarize production (${short(repo.v2)} at 50%) is not in the audit log;`), status.stderr);
  });

  it('export names the first problem and counts the others, one problem or several', async () => {
    const unexplained = `prompt-releases.yaml:11:7: support/summarize staging serves ${short(repo.v2)}, but no event in the audit log puts it there; labels move only through promptops promote, rollback and canary, which record who and why`;
    edit((text) => text.replace(`        sha256: ${sha256(summarizeV1)}\n`, `        sha256: ${sha256(summarizeV1)}\n      staging: {commit: ${repo.v2}, path: ${file}, sha256: ${sha256(summarizeV2)}}\n    canary:\n      production: {commit: ${repo.v2}, path: ${file}, sha256: ${sha256(summarizeV2)}, weight: 50}\n`));
    assert.deepEqual(await promptops('export'), { code: 1, stdout: '', stderr: `promptops export: ${unexplained} (1 more problem; promptops status lists them all).\n` });
    edit((text) => text.replace(`      staging: {commit: ${repo.v2}, path: ${file}`, `      staging: {commit: ${repo.v2}, path: support/gone.prompt`));
    assert.deepEqual(await promptops('export'), { code: 1, stdout: '', stderr: `promptops export: ${unexplained} (2 more problems; promptops status lists them all).\n` });
  });

  it('lists the problems of one line in the order they are written on it, whichever check found them', async () => {
    edit((text) => text.replace(`        sha256: ${sha256(summarizeV1)}\n`, `        sha256: ${sha256(summarizeV1)}\n      staging: {commit: ${repo.v2}, path: support/gone.prompt, sha256: ${sha256(summarizeV2)}, reviewer: Ada}\n`));
    const status = await promptops('status');
    assert.equal(status.code, 1);
    assert.equal(
      status.stderr,
      `promptops status: prompt-releases.yaml:11:7: support/summarize staging serves ${short(repo.v2)}, but no event in the audit log puts it there; labels move only through promptops promote, rollback and canary, which record who and why.\n` +
        `promptops status: prompt-releases.yaml:11:73: support/summarize staging: support/gone.prompt does not exist at ${short(repo.v2)}.\n` +
        'promptops status: warning: prompt-releases.yaml:11:168: Label staging of support/summarize has no field "reviewer"; it is kept but ignored.\n',
    );
  });

  it('a commit the clone lacks says to fetch the full history', async () => {
    repo.fixture.commit('release', { files: { 'prompt-releases.yaml': manifest() } });
    const clone = repo.fixture.shallowClone(1);
    const status = await runPromptops(['status'], clone);
    assert.equal(status.code, 1);
    assert.ok(status.stderr.includes(`promptops status: prompt-releases.yaml:8:17: support/summarize production: commit ${repo.v1} is not in this clone; fetch the full history (git fetch --unshallow), or the history was rewritten.\n`), status.stderr);
  });

  it('a path missing at its commit', async () => {
    edit((text) => text.replace(`        path: ${file}`, '        path: support/gone.prompt'));
    await gateFails(`prompt-releases.yaml:9:15: support/summarize production: support/gone.prompt does not exist at ${short(repo.v1)}.`);
  });

  it('a SHA-256 that does not match the file at its commit (label and event edited alike)', async () => {
    edit((text) => text.split(sha256(summarizeV1)).join('0'.repeat(64)));
    await gateFails(`prompt-releases.yaml:10:17: support/summarize production: support/summarize.prompt at ${short(repo.v1)} has SHA-256 ${sha256(summarizeV1).slice(0, 12)}…, but prompt-releases.yaml records 000000000000…, so it is not the version that was reviewed.`);
  });

  it('a second YAML document, which everyone but the parser would miss', async () => {
    edit((text) => `${text}---\nversion: 1\nprompts: {}\n`);
    const lines = manifest().split('\n').length - 4;
    await gateFails(`prompt-releases.yaml:${lines + 1}:1: The release manifest holds more than one YAML document (another starts here); keep one, since only the first would be read.`);
    const status = await promptops('status');
    assert.equal(status.stdout, '', 'nothing about prompts is printed above the parse error');
  });

  it('duplicate keys, also those that differ only in how they are quoted', async () => {
    edit((text) => text.replace('prompts:\n', `prompts:\n  "2024":\n    labels: {}\n  2024:\n    labels: {}\n`));
    await gateFails('prompt-releases.yaml:7:3: "2024" is written twice in this map; only the first would count, so keep one.');
  });

  it('numbers written as strings: a quoted weight or version', async () => {
    await promptops('canary', file, repo.v2, '--weight', '10');
    edit((text) => text.replace('      weight: 10\n', '      weight: "10"\n'));
    await gateFails('prompt-releases.yaml:16:17: A canary weight is a number, not the string "10"; remove the quotes.');
    edit((text) => text.replace('version: 1', 'version: "1"'));
    await gateFails('prompt-releases.yaml:3:10: version must be the number 1, not the string "1"; remove the quotes.');
  });

  it('--format github and sarif report the problems like check does', async () => {
    edit((text) => text.replace(`        path: ${file}`, '        path: support/gone.prompt'));
    const github = await promptops('status', '--format', 'github');
    assert.equal(github.code, 1);
    assert.equal(github.stdout, `::error file=prompt-releases.yaml,line=9,col=15,endLine=9,endColumn=34,title=promptops manifest-path-not-in-commit::support/summarize production: support/gone.prompt does not exist at ${short(repo.v1)}.\n`);
    const sarif = await promptops('status', '--format', 'sarif');
    assert.equal(sarif.code, 1);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[] }[] }[] };
    const [result] = log.runs[0]?.results ?? [];
    assert.deepEqual([result?.ruleId, result?.level, result?.locations[0]?.physicalLocation.artifactLocation.uri, result?.locations[0]?.physicalLocation.region], [
      'manifest-path-not-in-commit',
      'error',
      'prompt-releases.yaml',
      { startLine: 9, startColumn: 15, endLine: 9, endColumn: 34 },
    ]);
  });

  it('every manifest rule of --format sarif is a kebab-case code starting with manifest-, as the editor marks them', async () => {
    await promptops('canary', file, repo.v2, '--weight', '10');
    edit((text) => text.replace('      weight: 10\n', '      weight: 150\n'));
    const sarif = await promptops('status', '--format', 'sarif');
    const log = JSON.parse(sarif.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string }[] }[] };
    assert.deepEqual(log.runs[0]?.tool.driver.rules.map((rule) => rule.id), [
      'manifest-merge-conflict',
      'manifest-yaml-syntax',
      'manifest-version',
      'manifest-structure',
      'manifest-label-name',
      'manifest-commit',
      'manifest-path',
      'manifest-sha256',
      'manifest-weight',
      'manifest-event',
      'manifest-unknown-key',
      'manifest-duplicate-key',
      'manifest-unexplained-label',
      'manifest-flag-key-collision',
      'manifest-unknown-prompt',
      'manifest-commit-not-found',
      'manifest-path-not-in-commit',
      'manifest-sha256-mismatch',
    ]);
    assert.deepEqual(log.runs[0]?.results.map((result) => result.ruleId), ['manifest-unexplained-label', 'manifest-weight']);
  });

  /** When the fixture's first promote happened, as its event records it. */
  function manifestEventTime(): string {
    return /at: (\S+)/.exec(manifest())?.[1] ?? '';
  }
});
