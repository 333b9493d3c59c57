import * as assert from 'node:assert/strict';
import { escapeControlCharacters } from '../../../../src/core/document/controlCharacters';
import { outcomeCsvHeader, outcomeCsvRecord } from '../../../../src/core/outcomes/outcomeCsv';
import { OutcomeTally } from '../../../../src/core/outcomes/outcomeTally';

const stableCommit = 'a'.repeat(40);
const canaryCommit = 'b'.repeat(40);

function tally(metrics?: string[]): OutcomeTally {
  return new OutcomeTally({ prompt: 'support/summarize', label: 'production', stableCommit, canaryCommit, metrics });
}

function row(arm: 'stable' | 'canary', unit: string | number, metrics: Record<string, unknown>): string {
  return JSON.stringify({ prompt: 'support/summarize', label: 'production', arm, commit: arm === 'stable' ? stableCommit : canaryCommit, unit, metrics });
}

describe('Outcome rows', () => {
  it('averages each unit first, so a heavy user counts once', () => {
    const outcomes = tally();
    let line = 0;
    for (let i = 0; i < 100; i++) outcomes.addJsonLine(row('canary', 'heavy', { cost: 10 }), ++line);
    for (const unit of ['b', 'c', 'd', 'e']) outcomes.addJsonLine(row('canary', unit, { cost: 0 }), ++line);
    const [cost] = outcomes.summary().metrics;
    assert.deepEqual(cost?.canary, { n: 5, mean: 2, variance: 20, successes: undefined });
    assert.equal(cost?.binary, false);
  });

  it('a 0/1 metric with several rows per unit becomes a per-unit proportion, not a count of successes', () => {
    const outcomes = tally();
    outcomes.addJsonLine(row('stable', 1, { resolved: true }), 1);
    outcomes.addJsonLine(row('stable', 1, { resolved: false }), 2);
    outcomes.addJsonLine(row('stable', 2, { resolved: 1 }), 3);
    const [resolved] = outcomes.summary().metrics;
    assert.equal(resolved?.binary, true);
    assert.deepEqual(resolved?.stable, { n: 2, mean: 0.75, variance: 0.125, successes: undefined });
    const whole = tally();
    whole.addJsonLine(row('stable', 1, { resolved: true }), 1);
    whole.addJsonLine(row('stable', 2, { resolved: false }), 2);
    assert.equal(whole.summary().metrics[0]?.stable.successes, 1);
  });

  it('counts distinct units per arm, ignores other prompts and labels, and keeps the first three problems of each kind with their lines', () => {
    const outcomes = tally(['resolved']);
    const lines = [
      row('stable', 'u1', { resolved: true, latency: 3 }),
      row('stable', 'u1', { resolved: false }),
      row('canary', 'u2', { resolved: null }),
      JSON.stringify({ prompt: 'support/triage', label: 'production', arm: 'stable', commit: stableCommit, unit: 'u3', metrics: {} }),
      JSON.stringify({ prompt: 'support/summarize', label: 'staging', arm: 'stable', commit: stableCommit, unit: 'u3', metrics: {} }),
      '',
      'not json',
      '"a string"',
      JSON.stringify({ prompt: 'support/summarize', label: 'production', arm: 'stable', commit: stableCommit, unit: 'u4', metrics: { resolved: 'yes' } }),
      JSON.stringify({ prompt: 'support/summarize', label: 'production', arm: 'stable', commit: stableCommit, metrics: {} }),
      JSON.stringify({ prompt: 'support/summarize', label: 'production', arm: 'stable', commit: 'c'.repeat(40), unit: 'u5', metrics: {} }),
      JSON.stringify({ prompt: 'support/summarize', label: 'production', arm: 'stable', commit: canaryCommit.toUpperCase(), unit: 'u6', metrics: {} }),
    ];
    lines.forEach((text, index) => outcomes.addJsonLine(text, index + 1));
    const summary = outcomes.summary();
    assert.deepEqual(summary.rows, { read: 11, otherPrompts: 2, used: 3, malformed: 4, armMismatch: 1, unknownCommit: 1 });
    assert.deepEqual(summary.units, { stable: 1, canary: 1 });
    assert.deepEqual(summary.problems.malformed, [
      { line: 7, detail: 'not valid JSON' },
      { line: 8, detail: 'not a JSON object' },
      { line: 9, detail: 'metric "resolved" is neither a number nor true/false' },
    ]);
    assert.deepEqual(summary.problems.armMismatch, [{ line: 12, detail: 'arm "stable" with the canary commit' }]);
    assert.deepEqual(summary.problems.unknownCommit, [{ line: 11, detail: `commit ${'c'.repeat(40)}` }]);
    assert.deepEqual(summary.metrics.map((metric) => [metric.name, metric.stable.n, metric.canary.n]), [['resolved', 1, 0]]);
    assert.deepEqual(summary.otherMetrics, ['latency']);
  });

  it('maps CSV records onto rows: empty cells unmeasured, true/false booleans, numbers, a metrics. prefix dropped', () => {
    const header = outcomeCsvHeader(['prompt', 'label', 'arm', 'commit', 'unit', 'metrics.resolved', 'latency_ms']);
    assert.ok(typeof header !== 'string');
    assert.deepEqual(outcomeCsvRecord(header, ['p', 'production', 'canary', 'abc', 'u1', 'true', '1.5e3']), {
      row: { prompt: 'p', label: 'production', arm: 'canary', commit: 'abc', unit: 'u1', metrics: { resolved: true, latency_ms: 1500 } },
    });
    assert.deepEqual(outcomeCsvRecord(header, ['p', 'production', 'canary', 'abc', 'u1', '', 'slow']), {
      row: { prompt: 'p', label: 'production', arm: 'canary', commit: 'abc', unit: 'u1', metrics: { latency_ms: 'slow' } },
    });
    assert.deepEqual(outcomeCsvRecord(header, ['p', 'production']), { problem: '2 cells under a header of 7' });
    assert.equal(outcomeCsvHeader(['prompt', 'arm', 'resolved']), 'The CSV header has no "label", "commit", "unit" columns; it needs prompt, label, arm, commit, unit and one column per metric.');
  });

  it('escapes control characters so text from files prints as one plain line', () => {
    assert.equal(escapeControlCharacters('a\u001b[31mb\nc\td\u202ee\u0085'), 'a\\x1b[31mb\\nc\\td\\u202ee\\x85');
    assert.equal(escapeControlCharacters('Jonas Weber <jonas@example.com> — ok'), 'Jonas Weber <jonas@example.com> — ok');
  });
});
