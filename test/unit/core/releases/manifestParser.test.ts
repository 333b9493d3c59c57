import * as assert from 'node:assert/strict';
import { manifestErrors, parseReleaseManifest, type ManifestProblem } from '../../../../src/core/releases/manifestParser';
import { labelTargetsOf, labelsPointingAt, releaseEventsOf } from '../../../../src/core/releases/releaseManifest';
import { promptLabelsIn } from '../../../../src/core/releases/promptLabels';
import { commitA, commitB, commitC, hashA, hashB, sampleManifest } from './manifestText';

/** The problems of a text as `line:character code severity`, 1-based like an editor shows them. */
function problemsOf(text: string): string[] {
  return parseReleaseManifest(text).problems.map((problem) => where(problem));
}

function where(problem: ManifestProblem): string {
  return `${problem.range.start.line + 1}:${problem.range.start.character + 1} ${problem.code} ${problem.severity}`;
}

function withTarget(target: string, section = 'labels'): string {
  return `version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: ${commitA}, path: greet.prompt, sha256: ${hashA}}\n${section === 'canary' ? `    canary:\n      production: ${target}\n` : `      staging: ${target}\n`}`;
}

describe('Release manifest: parsing', () => {
  it('reads labels, canaries and events with the ranges they are written at', () => {
    const parsed = parseReleaseManifest(sampleManifest);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.fatal, undefined);
    const summarize = parsed.manifest.prompts.get('support/summarize');
    assert.ok(summarize);
    assert.deepEqual([...summarize.labels.keys()], ['production', 'staging']);
    const production = summarize.labels.get('production');
    assert.equal(production?.commit, commitB);
    assert.equal(production?.path, 'support/summarize.prompt');
    assert.equal(production?.sha256, hashB);
    assert.deepEqual(production?.ranges?.commit, { start: { line: 6, character: 16 }, end: { line: 6, character: 56 } });
    assert.deepEqual(production?.ranges?.key.start, { line: 5, character: 6 });
    assert.equal(summarize.canaries.get('production')?.weight, 10);
    assert.equal(summarize.canaries.get('production')?.commit, commitC);
    assert.deepEqual(summarize.keyRange?.start, { line: 3, character: 2 });
    assert.deepEqual(
      parsed.manifest.events.map(({ action, from, to, sha256, note }) => ({ action, from, to, sha256, note })),
      [
        { action: 'promote', from: null, to: commitA, sha256: hashA, note: 'First version' },
        { action: 'promote', from: commitA, to: commitB, sha256: hashB, note: '' },
      ],
    );
    assert.equal(parsed.manifest.events[0]?.range?.start.line, 20);
  });

  it('reads a missing or empty manifest as one with nothing in it', () => {
    for (const text of ['', '\n', '# nothing yet\n']) {
      const parsed = parseReleaseManifest(text);
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.manifest.prompts.size, 0);
      assert.equal(parsed.manifest.events.length, 0);
    }
  });

  it('reads the DESIGN flow style, and commits and hashes made only of digits as text', () => {
    const digits = '1234567890'.repeat(4);
    const parsed = parseReleaseManifest(withTarget(`{commit: ${digits}, path: greet.prompt, sha256: ${'9'.repeat(64)}}`));
    assert.deepEqual(parsed.problems, []);
    assert.equal(labelTargetsOf(parsed.manifest, 'greet').get('staging')?.commit, digits);
    assert.equal(labelTargetsOf(parsed.manifest, 'greet').get('staging')?.sha256, '9'.repeat(64));
  });

  it('stops at merge-conflict markers, reporting each marker line, and reads nothing', () => {
    const conflicted = `version: 1\nprompts:\n<<<<<<< HEAD\n  a: {}\n=======\n  b: {}\n>>>>>>> feature\n`;
    const parsed = parseReleaseManifest(conflicted);
    assert.deepEqual(problemsOf(conflicted), ['3:1 manifest-merge-conflict error', '5:1 manifest-merge-conflict error', '7:1 manifest-merge-conflict error']);
    assert.equal(parsed.fatal?.message, 'The release manifest has a merge-conflict marker (<<<<<<<); resolve the conflict before changing a label.');
    assert.equal(parsed.manifest.prompts.size, 0);
  });

  it('reports a syntax error with its line', () => {
    const parsed = parseReleaseManifest('version: 1\nprompts:\n  greet: {labels: [unclosed\nevents: []\n');
    assert.equal(parsed.fatal?.code, 'manifest-yaml-syntax');
    assert.match(parsed.fatal?.message ?? '', /^The release manifest does not parse: .+\.$/);
    assert.ok((parsed.fatal?.range.start.line ?? -1) >= 2);
  });

  it('requires version 1 and names an unknown version at its value', () => {
    assert.deepEqual(problemsOf('prompts: {}\n'), ['1:1 manifest-version error']);
    const future = parseReleaseManifest('# header\nversion: 2\nprompts: {}\n');
    assert.deepEqual(future.problems.map(where), ['2:10 manifest-version error']);
    assert.equal(future.fatal?.message, 'The release manifest has version 2, but this PromptOps reads version 1 only; upgrade PromptOps.');
    assert.deepEqual(problemsOf('- a list\n'), ['1:1 manifest-structure error']);
  });

  it('checks label names: lowercase letters, digits, _ . - and at most 36 characters; latest is reserved', () => {
    const target = `{commit: ${commitB}, path: greet.prompt, sha256: ${hashB}}`;
    const named = (label: string) => `version: 1\nprompts:\n  greet:\n    labels:\n      ${label}: ${target}\n`;
    for (const good of ['production', 'eu-west.1', 'a_b', 'x'.repeat(36), '7']) assert.deepEqual(problemsOf(named(good)), [], good);
    for (const bad of ['Production', 'prod uction', 'x'.repeat(37), 'tag/v1', '"latest"']) assert.deepEqual(problemsOf(named(bad)), ['5:7 manifest-label-name error'], bad);
    assert.match(parseReleaseManifest(named('latest')).problems[0]?.message ?? '', /"latest" is reserved/);
  });

  it('checks commits (40 lowercase hex), paths and hashes (64 lowercase hex), each at its value', () => {
    assert.deepEqual(problemsOf(withTarget(`{commit: ${commitB.slice(1)}, path: greet.prompt, sha256: ${hashB}}`)), ['6:25 manifest-commit error']);
    assert.deepEqual(problemsOf(withTarget(`{commit: ${commitB.toUpperCase()}, path: greet.prompt, sha256: ${hashB}}`)), ['6:25 manifest-commit error']);
    assert.deepEqual(problemsOf(withTarget(`{commit: ${commitB}, path: /abs.prompt, sha256: ${hashB}}`)), ['6:73 manifest-path error']);
    assert.deepEqual(problemsOf(withTarget(`{commit: ${commitB}, path: greet.prompt, sha256: ${hashB}0}`)), ['6:95 manifest-sha256 error']);
    assert.deepEqual(problemsOf(withTarget(`{commit: ${commitB}, path: greet.prompt}`)), ['6:7 manifest-sha256 error']);
    assert.match(parseReleaseManifest(withTarget(`{commit: ${commitB}, path: greet.prompt}`)).problems[0]?.message ?? '', /has no sha256/);
  });

  it('checks canary weights: a whole number from 1 to 99, on a label that exists', () => {
    const canary = (weight: string) => withTarget(`{commit: ${commitB}, path: greet.prompt, sha256: ${hashB}, weight: ${weight}}`, 'canary');
    for (const good of ['1', '10', '99']) assert.deepEqual(problemsOf(canary(good)), [], good);
    for (const bad of ['0', '100', '10.5', 'ten', '-5']) assert.deepEqual(problemsOf(canary(bad)).map((line) => line.split(' ')[1]), ['manifest-weight'], bad);
    assert.deepEqual(problemsOf(withTarget(`{commit: ${commitB}, path: greet.prompt, sha256: ${hashB}}`, 'canary')), ['7:7 manifest-weight error']);
    const orphan = `version: 1\nprompts:\n  greet:\n    labels: {}\n    canary:\n      staging: {commit: ${commitB}, path: greet.prompt, sha256: ${hashB}, weight: 5}\n`;
    assert.deepEqual(problemsOf(orphan), ['6:7 manifest-structure error']);
  });

  it('checks the shape of every event, naming the event and the field', () => {
    const event = (fields: string) => `version: 1\nprompts: {}\nevents:\n  - {${fields}}\n`;
    const complete = `at: 2026-01-01T09:00:00Z, by: Ada, action: promote, prompt: greet, label: production, from: null, to: ${commitA}, sha256: ${hashA}, note: hi`;
    assert.deepEqual(problemsOf(event(complete)), []);
    assert.deepEqual(problemsOf(event(complete.replace(', note: hi', ''))), [], 'a missing note reads as empty');
    assert.deepEqual(problemsOf(event(complete.replace('action: promote', 'action: move'))), ['4:49 manifest-event error']);
    assert.deepEqual(problemsOf(event(complete.replace('2026-01-01T09:00:00Z', 'yesterday'))), ['4:10 manifest-event error']);
    assert.deepEqual(problemsOf(event(complete.replace('from: null, ', ''))), ['4:5 manifest-event error']);
    assert.deepEqual(problemsOf(event(complete.replace('from: null', 'from: abc'))), ['4:98 manifest-event error']);
    assert.deepEqual(problemsOf(event(`${complete}, weight: 10`)), ['4:234 manifest-event error']);
    assert.deepEqual(problemsOf(event(complete.replace('action: promote', 'action: canary') + ', weight: 10')), []);
    const missing = parseReleaseManifest(event(complete.replace(`to: ${commitA}, `, '')));
    assert.equal(missing.problems[0]?.message, 'Event 1 has no to.');
    assert.deepEqual(problemsOf('version: 1\nevents: {}\n'), ['2:9 manifest-structure error']);
  });

  it('warns about unknown keys and keeps reading', () => {
    const text = `version: 1\nowner: team\nprompts:\n  greet:\n    labels:\n      production: {commit: ${commitA}, path: greet.prompt, sha256: ${hashA}, by: me}\n    notes: x\n`;
    assert.deepEqual(problemsOf(text), ['2:1 manifest-unknown-key warning', '6:164 manifest-unknown-key warning', '7:5 manifest-unknown-key warning']);
    const parsed = parseReleaseManifest(text);
    assert.deepEqual(manifestErrors(parsed), []);
    assert.equal(labelTargetsOf(parsed.manifest, 'greet').get('production')?.commit, commitA);
  });

  it('leaves out an entry with a mistake but keeps the valid ones, without making the file unreadable', () => {
    const text = `version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: ${commitA}, path: greet.prompt, sha256: ${hashA}}\n      staging: {commit: nope, path: greet.prompt, sha256: ${hashA}}\n`;
    const parsed = parseReleaseManifest(text);
    assert.equal(parsed.fatal, undefined);
    assert.equal(manifestErrors(parsed).length, 1);
    assert.deepEqual([...labelTargetsOf(parsed.manifest, 'greet').keys()], ['production']);
  });

  it('counts ranges after a byte order mark the way the editor does', () => {
    const parsed = parseReleaseManifest(`\uFEFFversion: 3\n`);
    assert.deepEqual(parsed.fatal?.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 10 } });
  });

  it('gives the labels of one prompt id for resolving label names, or why they are unknown with the line', () => {
    const labels = promptLabelsIn(parseReleaseManifest(sampleManifest), 'support/summarize');
    assert.ok(labels.ok);
    assert.deepEqual(labelsPointingAt(labels.labels, commitC), ['staging']);
    assert.deepEqual(promptLabelsIn(undefined, 'x'), { ok: true, labels: new Map(), canaries: new Map() });
    const broken = promptLabelsIn(parseReleaseManifest('version: 1\nprompts: [unclosed\n'), 'x');
    assert.equal(broken.ok, false);
    assert.match(broken.ok ? '' : broken.problem, /^The release manifest does not parse: .+ \(line \d+\)\.$/);
  });

  it('filters events by prompt and label, oldest first', () => {
    const manifest = parseReleaseManifest(sampleManifest).manifest;
    assert.equal(releaseEventsOf(manifest).length, 2);
    assert.equal(releaseEventsOf(manifest, { prompt: 'support/summarize', label: 'production' })[0]?.note, 'First version');
    assert.deepEqual(releaseEventsOf(manifest, { label: 'staging' }), []);
    assert.deepEqual(releaseEventsOf(manifest, { prompt: 'other' }), []);
  });
});
