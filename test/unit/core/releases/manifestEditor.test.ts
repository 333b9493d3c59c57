import * as assert from 'node:assert/strict';
import { applyReleaseMove, manifestHeaderComment } from '../../../../src/core/releases/manifestEditor';
import { manifestErrors, parseReleaseManifest } from '../../../../src/core/releases/manifestParser';
import { planCanary, planCanaryClear, planPromote, type MovePlan, type ReleaseMove } from '../../../../src/core/releases/releaseMoves';
import { commitA, commitB, commitC, commitD, hashA, hashB, hashC, hashD, sampleManifest } from './manifestText';

const stamp = { at: '2026-02-01T10:00:00Z', by: 'Grace Hopper <grace@example.com>', note: 'Ship it' };

function moveOf(plan: MovePlan): ReleaseMove {
  assert.equal(plan.kind, 'move', plan.kind === 'refused' ? plan.reason : plan.kind === 'unchanged' ? plan.message : '');
  return (plan as { move: ReleaseMove }).move;
}

function promote(text: string, prompt: string, label: string, commit: string, sha256: string): string {
  const parsed = parseReleaseManifest(text);
  return applyReleaseMove(parsed, moveOf(planPromote(parsed.manifest, { prompt, label, target: { commit, path: `${prompt}.prompt`, sha256 }, stamp })));
}

describe('Release manifest: applying a move', () => {
  it('starts a missing manifest with a header comment, version, prompts and the event, in block style', () => {
    const text = promote('', 'support/summarize', 'production', commitA, hashA);
    assert.equal(
      text,
      [
        `#${manifestHeaderComment}`,
        '',
        'version: 1',
        'prompts:',
        '  support/summarize:',
        '    labels:',
        '      production:',
        `        commit: ${commitA}`,
        '        path: support/summarize.prompt',
        `        sha256: ${hashA}`,
        'events:',
        '  - at: 2026-02-01T10:00:00Z',
        '    by: Grace Hopper <grace@example.com>',
        '    action: promote',
        '    prompt: support/summarize',
        '    label: production',
        '    from: null',
        `    to: ${commitA}`,
        `    sha256: ${hashA}`,
        '    note: Ship it',
        '',
      ].join('\n'),
    );
    assert.deepEqual(parseReleaseManifest(text).problems, []);
  });

  it('a move without a note writes no note field, never an empty one, and reads back with an empty note', () => {
    const parsed = parseReleaseManifest('');
    const text = applyReleaseMove(parsed, moveOf(planPromote(parsed.manifest, { prompt: 'greet', label: 'production', target: { commit: commitA, path: 'greet.prompt', sha256: hashA }, stamp: { at: stamp.at, by: stamp.by } })));
    assert.deepEqual(text.split('\n').slice(-3), [`    to: ${commitA}`, `    sha256: ${hashA}`, '']);
    assert.ok(!text.includes('note'), text);
    assert.deepEqual(parseReleaseManifest(text).problems, []);
    assert.equal(parseReleaseManifest(text).manifest.events[0]?.note, '');
  });

  it('changes only the label it moves and appends the event last, keeping comments, key order and everything else byte for byte', () => {
    const original = sampleManifest.replace('  support/summarize: # the ticket summarizer\n', '  # the ticket summarizer\n  support/summarize:\n');
    const text = promote(original, 'support/summarize', 'production', commitD, hashD);
    const before = original.split('\n');
    const after = text.split('\n');
    const changed = after.filter((line, index) => line !== before[index]);
    assert.deepEqual(changed.slice(0, 2), [`        commit: ${commitD}`, `        sha256: ${hashD}`]);
    assert.equal(after.slice(0, 6).join('\n'), before.slice(0, 6).join('\n'), 'comments stay where they are');
    assert.deepEqual(after.slice(before.length - 1, -1), [
      '  - at: 2026-02-01T10:00:00Z',
      '    by: Grace Hopper <grace@example.com>',
      '    action: promote',
      '    prompt: support/summarize',
      '    label: production',
      `    from: ${commitB}`,
      `    to: ${commitD}`,
      `    sha256: ${hashD}`,
      '    note: Ship it',
    ]);
    const parsed = parseReleaseManifest(text);
    assert.deepEqual([...(parsed.manifest.prompts.get('support/summarize')?.labels.keys() ?? [])], ['production', 'staging']);
    assert.deepEqual(parsed.manifest.events.map((event) => event.to), [commitA, commitB, commitD]);
  });

  it('keeps a comment written after a key, on the line below it (a limit of the yaml library)', () => {
    const text = promote(sampleManifest, 'support/summarize', 'production', commitD, hashD);
    assert.match(text, /\n {2}support\/summarize:\n {4}# the ticket summarizer\n {4}labels:\n/);
  });

  it('writes new entries in the flow style the file already uses, list items unindented as they are', () => {
    const flow = [
      'version: 1',
      'prompts:',
      '  greet:',
      '    labels:',
      `      production: {commit: ${commitA}, path: greet.prompt, sha256: ${hashA}}`,
      'events:',
      `- {at: 2026-01-01T00:00:00Z, by: Ada, action: promote, prompt: greet, label: production, from: null, to: ${commitA}, sha256: ${hashA}, note: ""}`,
      '',
    ].join('\n');
    const text = promote(flow, 'greet', 'staging', commitB, hashB);
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 5), flow.split('\n').slice(0, 5));
    assert.equal(lines[5], `      staging: {commit: ${commitB}, path: greet.prompt, sha256: ${hashB}}`);
    assert.equal(lines[8], `- {at: 2026-02-01T10:00:00Z, by: Grace Hopper <grace@example.com>, action: promote, prompt: greet, label: staging, from: null, to: ${commitB}, sha256: ${hashB}, note: Ship it}`);
    assert.deepEqual(manifestErrors(parseReleaseManifest(text)), []);
  });

  it('adds a canary, then removes it with its empty section when cleared', () => {
    const parsed = parseReleaseManifest(promote('', 'greet', 'production', commitA, hashA));
    const withCanary = applyReleaseMove(parsed, moveOf(planCanary(parsed.manifest, { prompt: 'greet', label: 'production', target: { commit: commitB, path: 'greet.prompt', sha256: hashB }, weight: 25, stamp })));
    assert.match(withCanary, /\n {4}canary:\n {6}production:\n {8}commit: b+\n {8}path: greet\.prompt\n {8}sha256: (2b)+\n {8}weight: 25\n/);
    assert.match(withCanary, /action: canary\n[^]*weight: 25\n {4}note: Ship it\n$/);
    const reparsed = parseReleaseManifest(withCanary);
    const cleared = applyReleaseMove(reparsed, moveOf(planCanaryClear(reparsed.manifest, { prompt: 'greet', label: 'production', stamp })));
    assert.doesNotMatch(cleared, /canary:\n/);
    assert.match(cleared, /action: canary-clear\n {4}prompt: greet\n {4}label: production\n {4}from: b+\n {4}to: a+\n/);
  });

  it('keeps commits written as digits as the same text, quoting new ones so YAML readers see strings', () => {
    const digits = '1234567890'.repeat(4);
    const flow = `version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: ${digits}, path: greet.prompt, sha256: ${hashA}}\n`;
    const text = promote(flow, 'greet', 'staging', '9'.repeat(40), hashC);
    assert.ok(text.includes(`commit: "${digits}"`) || text.includes(`commit: ${digits}`));
    assert.ok(text.includes(`"${'9'.repeat(40)}"`));
    const parsed = parseReleaseManifest(text);
    assert.deepEqual(manifestErrors(parsed), []);
    assert.equal(parsed.manifest.prompts.get('greet')?.labels.get('production')?.commit, digits);
  });

  it('keeps CRLF line breaks and a byte order mark', () => {
    const crlf = `\uFEFF${promote('', 'greet', 'production', commitA, hashA).replace(/\n/g, '\r\n')}`;
    const text = promote(crlf, 'greet', 'production', commitC, hashC);
    assert.ok(text.startsWith('\uFEFF#'));
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/);
    assert.equal(parseReleaseManifest(text).manifest.events.length, 2);
  });

  it('fills in an empty prompts map and events list written as {} and []', () => {
    const text = promote('version: 1\nprompts: {}\nevents: []\n', 'greet', 'production', commitA, hashA);
    assert.match(text, /^version: 1\nprompts:\n {2}greet:\n {4}labels:\n/);
    assert.match(text, /\nevents:\n {2}- at: /);
  });

  it('refuses to change a manifest that has errors', () => {
    const parsed = parseReleaseManifest('version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: nope}\n');
    assert.throws(() => applyReleaseMove(parsed, { prompt: 'greet', label: 'production', events: [] }), /A manifest with errors cannot be changed/);
  });
});
