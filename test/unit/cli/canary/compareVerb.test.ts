import * as assert from 'node:assert/strict';
import { runPromptops } from '../cliRunner';
import { createReleaseRepository, short, type ReleaseRepository } from '../releases/releaseFixture';
import { outcomeRows, writeCsv, writeJsonLines, type OutcomeSpec } from './outcomeFixture';

const file = 'support/summarize.prompt';

describe('promptops compare', () => {
  let repo: ReleaseRepository;

  before(async () => {
    repo = createReleaseRepository();
    await runPromptops(['promote', file, repo.v1], repo.fixture.root);
    await runPromptops(['canary', file, repo.v2, '--weight', '10'], repo.fixture.root);
  });

  after(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);

  /** 900 stable and 100 canary units, two rows each: canary resolves 75% of tickets where stable resolves 50%, at the same latency. */
  const better = (): OutcomeSpec => ({
    rowsPerUnit: 2,
    stable: { units: 900, commit: repo.v1, metrics: (i, row) => ({ resolved: i % 2 === 0, latency_ms: 1000 + (i % 10) * 20 + (row === 0 ? 0 : 40) }) },
    canary: { units: 100, commit: repo.v2, metrics: (i, row) => ({ resolved: i % 4 !== 3, latency_ms: 1000 + (i % 10) * 20 + (row === 0 ? 10 : 30) }) },
  });

  it('promotes a canary whose primary metric is significantly better and whose split matches the weight', async () => {
    writeJsonLines(repo.fixture.root, 'better.jsonl', outcomeRows(better()));
    const run = await promptops('compare', file, '--outcomes', 'better.jsonl', '--metric', 'resolved', '--metric', 'latency_ms:lower');
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.match(lines[0] ?? '', new RegExp(`^support/summarize production: stable ${short(repo.v1)} vs canary ${short(repo.v2)} at 10% since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z$`));
    assert.equal(lines[1], 'better.jsonl: 2,000 rows read, 2,000 used, 0 of other prompts or labels, 0 left out');
    assert.match(lines[3] ?? '', /^metric +test +stable n +mean +canary n +mean +canary − stable +95% CI +p +adj\. p$/);
    assert.match(lines[4] ?? '', /^resolved \* +z +900 +0\.5000 +100 +0\.7500 +\+0\.2500 +\[\+0\.1591, \+0\.3409\] +<0\.0001 +<0\.0001 +better$/);
    assert.match(lines[5] ?? '', /^latency_ms ↓ +welch +900 +1,110 +100 +1,110 +0 +\[-12\.04, \+12\.04\] +1\.00 +1\.00$/);
    assert.equal(lines[7], 'SRM: 900 stable and 100 canary units (canary 10.00%, weight 10%): p = 1.00, no mismatch');
    assert.deepEqual(lines.slice(9), [
      'Verdict: promote',
      '  - resolved (primary) is significantly better: +0.2500 (95% CI +0.1591 to +0.3409), adjusted p < 0.0001.',
      '  - No other metric is significantly worse, and the split of units matches the weight.',
      '',
    ]);
  });

  /** Same resolution as the stable version, 200 ms slower. */
  const slower = (): OutcomeSpec => ({
    stable: { units: 900, commit: repo.v1, metrics: (i) => ({ resolved: i % 2 === 0, latency_ms: 1020 + (i % 10) * 20 }) },
    canary: { units: 100, commit: repo.v2, metrics: (i) => ({ resolved: i % 2 === 0, latency_ms: 1220 + (i % 10) * 20 }) },
  });

  /** Canary resolves 52% where stable resolves 50%: too close to call on 100 units. */
  const close = (canaryRate = 52): OutcomeSpec => ({
    stable: { units: 900, commit: repo.v1, metrics: (i) => ({ resolved: i % 2 === 0 }) },
    canary: { units: 100, commit: repo.v2, metrics: (i) => ({ resolved: i < canaryRate }) },
  });

  /** The canary got 20% of the units while its weight is 10%. */
  const lopsided = (): OutcomeSpec => ({
    stable: { units: 800, commit: repo.v1, metrics: (i) => ({ resolved: i % 2 === 0 }) },
    canary: { units: 200, commit: repo.v2, metrics: (i) => ({ resolved: i % 2 === 0 }) },
  });

  it('rolls back a canary that is significantly worse on a lower-is-better metric', async () => {
    writeJsonLines(repo.fixture.root, 'slower.jsonl', outcomeRows(slower()));
    const run = await promptops('compare', file, '--outcomes', 'slower.jsonl', '--metric', 'resolved', '--metric', 'latency_ms:lower');
    assert.equal(run.code, 0, 'without --gate the verdict does not change the exit code');
    assert.deepEqual(run.stdout.split('\n').slice(-3), [
      'Verdict: roll-back',
      '  - latency_ms (lower is better) is significantly worse: +200.0 (95% CI +188.0 to +212.0), adjusted p < 0.0001.',
      '',
    ]);
  });

  it('keeps collecting while the primary metric shows no significant difference', async () => {
    writeJsonLines(repo.fixture.root, 'close.jsonl', outcomeRows(close()));
    const run = await promptops('compare', file, '--outcomes', 'close.jsonl', '--metric', 'resolved');
    assert.deepEqual(run.stdout.split('\n').slice(-3), [
      'Verdict: keep-collecting',
      '  - No significant difference in resolved (primary) yet: +0.02000 (95% CI -0.08322 to +0.1232), adjusted p = 0.70.',
      '',
    ]);
  });

  it('holds on a sample ratio mismatch, whatever the metrics say', async () => {
    writeJsonLines(repo.fixture.root, 'lopsided.jsonl', outcomeRows(lopsided()));
    const run = await promptops('compare', file, '--outcomes', 'lopsided.jsonl');
    const lines = run.stdout.split('\n');
    assert.equal(lines.find((line) => line.startsWith('SRM:')), 'SRM: 800 stable and 200 canary units (canary 20.00%, weight 10%): p < 0.0001, MISMATCH');
    assert.deepEqual(lines.slice(-3), [
      'Verdict: hold',
      '  - Sample ratio mismatch: the canary has 200 units of 1,000 where its weight of 10% means about 100 (p < 0.0001, under 0.001); assignment or logging is broken, so no comparison can be trusted.',
      '',
    ]);
  });

  it('holds when rows claim an arm their commit does not serve, and never uses those rows', async () => {
    const rows = outcomeRows(better());
    const wrong = [0, 1, 2].map((i) => JSON.stringify({ prompt: 'support/summarize', label: 'production', arm: 'canary', commit: repo.v1, unit: `x${i}`, metrics: { resolved: true } }));
    writeJsonLines(repo.fixture.root, 'mismatch.jsonl', rows, wrong);
    const run = await promptops('compare', file, '--outcomes', 'mismatch.jsonl', '--metric', 'resolved', '--format', 'json');
    const report = JSON.parse(run.stdout);
    assert.equal(report.verdict, 'hold');
    assert.deepEqual(report.rows, { read: 2003, otherPrompts: 0, used: 2000, malformed: 0, armMismatch: 3, unknownCommit: 0 });
    assert.deepEqual(report.reasons, ["3 rows have an arm that disagrees with its commit (lines 2001, 2002, 2003); the application's provenance is wrong, so the arms cannot be trusted."]);
    assert.equal(report.metrics[0].canary.n, 100, 'the three rows are not counted as canary units');
  });

  it('--gate exits 1 on roll-back and hold, 0 on promote and keep-collecting', async () => {
    writeJsonLines(repo.fixture.root, 'better.jsonl', outcomeRows(better()));
    writeJsonLines(repo.fixture.root, 'slower.jsonl', outcomeRows(slower()));
    const gate = async (outcomes: string) => {
      const run = await promptops('compare', file, '--outcomes', outcomes, '--metric', 'resolved', '--metric', 'latency_ms:lower', '--gate', '--format', 'json');
      return [JSON.parse(run.stdout).verdict, run.code];
    };
    writeJsonLines(repo.fixture.root, 'close.jsonl', outcomeRows({ ...close(), stable: { ...close().stable, metrics: (i) => ({ resolved: i % 2 === 0, latency_ms: 1000 + i }) }, canary: { ...close().canary, metrics: (i) => ({ resolved: i < 52, latency_ms: 1000 + i * 9 }) } }));
    writeJsonLines(repo.fixture.root, 'lopsided.jsonl', outcomeRows({ ...lopsided(), stable: { ...lopsided().stable, metrics: (i) => ({ resolved: i % 2 === 0, latency_ms: 1000 + i }) }, canary: { ...lopsided().canary, metrics: (i) => ({ resolved: i % 2 === 0, latency_ms: 1000 + i * 4 }) } }));
    assert.deepEqual(await gate('better.jsonl'), ['promote', 0]);
    assert.deepEqual(await gate('close.jsonl'), ['keep-collecting', 0]);
    assert.deepEqual(await gate('slower.jsonl'), ['roll-back', 1]);
    assert.deepEqual(await gate('lopsided.jsonl'), ['hold', 1]);
  });

  it('--sequential keeps collecting where a single-look test would already promote', async () => {
    writeJsonLines(repo.fixture.root, 'early.jsonl', outcomeRows(close(62)));
    const fixed = JSON.parse((await promptops('compare', file, '--outcomes', 'early.jsonl', '--format', 'json')).stdout);
    assert.equal(fixed.verdict, 'promote');
    assert.equal(fixed.metrics[0].test, 'two-proportion-z');
    assert.equal(Number(fixed.metrics[0].pValue.toPrecision(4)), 0.02276);
    const sequential = JSON.parse((await promptops('compare', file, '--outcomes', 'early.jsonl', '--format', 'json', '--sequential')).stdout);
    assert.equal(sequential.verdict, 'keep-collecting');
    assert.equal(sequential.sequential, true);
    assert.equal(sequential.metrics[0].test, 'confidence-sequence');
    assert.ok(sequential.metrics[0].pValue > 0.05 && sequential.metrics[0].ci[0] < 0 && sequential.metrics[0].ci[1] > 0.12);
  });

  it('--format json has the DESIGN §9 fields per metric, the SRM check and the verdict', async () => {
    writeJsonLines(repo.fixture.root, 'better.jsonl', outcomeRows(better()));
    const run = await promptops('compare', 'support/summarize', '--outcomes', 'better.jsonl', '--metric', 'resolved', '--format', 'json');
    const report = JSON.parse(run.stdout);
    const [resolved] = report.metrics;
    assert.deepEqual(Object.keys(resolved), ['name', 'kind', 'test', 'direction', 'primary', 'stable', 'canary', 'difference', 'ci', 'pValue', 'adjustedPValue', 'significant', 'effect', 'untested']);
    assert.deepEqual([resolved.name, resolved.kind, resolved.test, resolved.stable, resolved.canary, resolved.significant, resolved.effect], ['resolved', 'binary', 'two-proportion-z', { n: 900, mean: 0.5 }, { n: 100, mean: 0.75 }, true, 'better']);
    assert.deepEqual(resolved.ci.map((bound: number) => Number(bound.toPrecision(4))), [0.1591, 0.3409]);
    assert.equal(Number(resolved.pValue.toPrecision(4)), 2.041e-6);
    assert.equal(resolved.adjustedPValue, resolved.pValue, 'one metric: Holm leaves its p-value');
    assert.deepEqual({ pValue: report.srm.pValue, mismatch: report.srm.mismatch }, { pValue: 1, mismatch: false });
    assert.deepEqual([report.verdict, report.prompt, report.label, report.stable.commit, report.canary.commit, report.canary.weight], ['promote', 'support/summarize', 'production', repo.v1, repo.v2, 10]);
  });

  it('says there is no usable row when every row is of another prompt, and keeps collecting', async () => {
    writeJsonLines(repo.fixture.root, 'others.jsonl', outcomeRows({ ...close(), prompt: 'billing/refund' }));
    const run = await promptops('compare', file, '--outcomes', 'others.jsonl', '--metric', 'resolved');
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines[1], 'others.jsonl: 1,000 rows read, 0 used, 1,000 of other prompts or labels, 0 left out');
    assert.deepEqual(lines.slice(lines.indexOf('Verdict: keep-collecting')), [
      'Verdict: keep-collecting',
      '  - Not enough data for resolved (primary) yet.',
      '  - No usable row for this canary among the 1,000 rows read (1,000 of other prompts or labels).',
      '  - resolved (primary) was not tested: each arm needs at least 1 unit (stable has 0, canary 0).',
      '',
    ]);
  });

  it('reads the same rows as CSV with the same result, and counts rows of other prompts, malformed lines and unknown commits', async () => {
    const rows = outcomeRows(better());
    writeJsonLines(repo.fixture.root, 'same.jsonl', rows);
    writeCsv(repo.fixture.root, 'same.csv', rows, ['resolved', 'latency_ms']);
    const fromJson = await promptops('compare', file, '--outcomes', 'same.jsonl', '--metric', 'resolved', '--metric', 'latency_ms:lower');
    const fromCsv = await promptops('compare', file, '--outcomes', 'same.csv', '--metric', 'resolved', '--metric', 'latency_ms:lower');
    assert.equal(fromCsv.code, 0, fromCsv.stderr);
    assert.equal(fromCsv.stdout.split('\n').slice(2).join('\n'), fromJson.stdout.split('\n').slice(2).join('\n'));

    const others = [
      { prompt: 'support/triage', label: 'production', arm: 'stable', commit: repo.triage, unit: 't1', metrics: { resolved: false } },
      { prompt: 'support/summarize', label: 'staging', arm: 'stable', commit: repo.v1, unit: 's1', metrics: { resolved: false } },
      ...[0, 1, 2, 3].map((i) => ({ prompt: 'support/summarize', label: 'production', arm: 'canary', commit: repo.v3, unit: `old${i}`, metrics: { resolved: false } })),
    ];
    const junk = ['{"prompt": "support/summarize", "label": "production"', '[1, 2]', JSON.stringify({ prompt: 'support/summarize', label: 'production', arm: 'blue', commit: repo.v2, unit: 'u', metrics: {} })];
    writeJsonLines(repo.fixture.root, 'noisy.jsonl', [...rows, ...others], junk);
    const noisy = await promptops('compare', file, '--outcomes', 'noisy.jsonl', '--metric', 'resolved', '--metric', 'latency_ms:lower');
    const lines = noisy.stdout.split('\n');
    assert.equal(lines[1], 'noisy.jsonl: 2,009 rows read, 2,000 used, 2 of other prompts or labels, 7 left out');
    assert.deepEqual(lines.slice(-6), [
      'Verdict: promote',
      '  - resolved (primary) is significantly better: +0.2500 (95% CI +0.1591 to +0.3409), adjusted p < 0.0001.',
      '  - No other metric is significantly worse, and the split of units matches the weight.',
      '  - 3 malformed lines were left out (lines 2007, 2008, 2009: not valid JSON).',
      '  - 4 rows name commits that are neither the stable nor the canary version (lines 2003, 2004, 2005); left out.',
      '',
    ]);
  });

  it('escapes control characters of metric names from the outcome file', async () => {
    const rows = outcomeRows({
      stable: { units: 10, commit: repo.v1, metrics: (i) => ({ '\u001b[2Jevil\nVerdict: promote': i }) },
      canary: { units: 2, commit: repo.v2, metrics: (i) => ({ '\u001b[2Jevil\nVerdict: promote': i }) },
    });
    writeJsonLines(repo.fixture.root, 'evil.jsonl', rows);
    const run = await promptops('compare', file, '--outcomes', 'evil.jsonl');
    assert.ok(!run.stdout.includes('\u001b'), 'no raw escape character');
    assert.match(run.stdout, /\n\\x1b\[2Jevil\\nVerdict: promote \* +welch/);
    assert.equal(run.stdout.split('\n').filter((line) => line.startsWith('Verdict:')).length, 1);
  });

  it('says in one sentence what is missing: a canary, a metric, the outcome file, a sane alpha', async () => {
    writeJsonLines(repo.fixture.root, 'better.jsonl', outcomeRows(better()));
    assert.deepEqual(await promptops('compare', 'support/triage.prompt', '--outcomes', 'better.jsonl'), {
      code: 2,
      stdout: '',
      stderr: 'promptops compare: support/triage production has no canary in prompt-releases.yaml, and its audit log records none; start one with promptops canary.\n',
    });
    assert.deepEqual(await promptops('compare', file, '--outcomes', 'better.jsonl', '--metric', 'resolve'), {
      code: 2,
      stdout: '',
      stderr: 'promptops compare: No row of support/summarize production measures "resolve"; the rows measure "resolved", "latency_ms".\n',
    });
    const missing = await promptops('compare', file, '--outcomes', 'nowhere.jsonl');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^promptops compare: The outcome file .*nowhere\.jsonl does not exist\.\n$/);
    assert.deepEqual(await promptops('compare', file, '--outcomes', 'better.jsonl', '--alpha', '5'), {
      code: 2,
      stdout: '',
      stderr: 'promptops compare: --alpha must be a significance level above 0 and at most 0.5, such as 0.05, not "5".\n',
    });
    assert.equal((await promptops('compare', file)).code, 2);
  });
});
