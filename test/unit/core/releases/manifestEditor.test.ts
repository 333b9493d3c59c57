import * as assert from 'node:assert/strict';
import { applyReleaseMove, manifestHeaderComment } from '../../../../src/core/releases/manifestEditor';
import { manifestErrors, parseReleaseManifest } from '../../../../src/core/releases/manifestParser';
import { planCanary, planCanaryClear, planPromote, type MovePlan, type ReleaseMove } from '../../../../src/core/releases/releaseMoves';
import { commitA, commitB, commitC, commitD, hashA, hashB, hashC, hashD, sampleManifest } from './manifestText';
import { firstSevenOf } from '../../../../src/core/releases/commitAbbreviation';

const stamp = { at: '2026-02-01T10:00:00Z', by: 'Grace Hopper <grace@example.com>', note: 'Ship it' };

function moveOf(plan: MovePlan): ReleaseMove {
  assert.equal(plan.kind, 'move', plan.kind === 'refused' ? plan.reason : plan.kind === 'unchanged' ? plan.message : '');
  return (plan as { move: ReleaseMove }).move;
}

function promote(text: string, prompt: string, label: string, commit: string, sha256: string): string {
  const parsed = parseReleaseManifest(text);
  return applyReleaseMove(parsed, moveOf(planPromote(parsed.manifest, { prompt, label, target: { commit, path: `${prompt}.prompt`, sha256 }, stamp, short: firstSevenOf })));
}

describe('Release manifest: applying a move', () => {
  it('keeps the comment of a manifest that has nothing else yet instead of adding the header', () => {
    const text = promote('# Reviewed by the platform team\n', 'greet', 'production', commitA, hashA);
    assert.equal(text.split('\n').slice(0, 4).join('\n'), '# Reviewed by the platform team\n\nversion: 1\nprompts:');
    assert.ok(!text.includes(manifestHeaderComment));
  });

  it('an empty flow "prompts: {}" or a bare "prompts:" and "events:" grow in block style', () => {
    for (const start of ['version: 1\nprompts: {}\nevents: []\n', 'version: 1\nprompts:\nevents:\n']) {
      const text = promote(start, 'greet', 'production', commitA, hashA);
      assert.deepEqual(text.split('\n').slice(0, 9), ['version: 1', 'prompts:', '  greet:', '    labels:', '      production:', `        commit: ${commitA}`, '        path: greet.prompt', `        sha256: ${hashA}`, 'events:'], start);
      assert.equal(text.split('\n')[9], `  - at: ${stamp.at}`, start);
    }
  });

  it('clearing one of two canaries keeps the other; clearing the last removes the canary section', () => {
    const flow = (commit: string, sha256: string, weight?: number) => `{commit: ${commit}, path: greet.prompt, sha256: ${sha256}${weight === undefined ? '' : `, weight: ${weight}`}}`;
    const start = `version: 1\nprompts:\n  greet:\n    labels:\n      production: ${flow(commitA, hashA)}\n      staging: ${flow(commitA, hashA)}\n    canary:\n      production: ${flow(commitB, hashB, 10)}\n      staging: ${flow(commitB, hashB, 20)}\nevents: []\n`;
    const clear = (text: string, label: string): string => {
      const parsed = parseReleaseManifest(text);
      return applyReleaseMove(parsed, moveOf(planCanaryClear(parsed.manifest, { prompt: 'greet', label, stamp, short: firstSevenOf })));
    };
    const one = clear(start, 'production');
    assert.deepEqual(one.split('\n').slice(0, 8), ['version: 1', 'prompts:', '  greet:', '    labels:', `      production: ${flow(commitA, hashA)}`, `      staging: ${flow(commitA, hashA)}`, '    canary:', `      staging: ${flow(commitB, hashB, 20)}`]);
    const none = clear(one, 'staging');
    assert.deepEqual(none.split('\n').slice(0, 7), ['version: 1', 'prompts:', '  greet:', '    labels:', `      production: ${flow(commitA, hashA)}`, `      staging: ${flow(commitA, hashA)}`, 'events:']);
  });

  it('keeps earlier events as written: a null written as ~ stays null, an escaped note keeps its text', () => {
    const start = [
      'version: 1',
      'prompts:',
      '  greet:',
      '    labels:',
      `      production: {commit: ${commitA}, path: greet.prompt, sha256: ${hashA}}`,
      'events:',
      '  - at: 2026-01-01T10:00:00Z',
      '    by: Ada',
      '    action: promote',
      '    prompt: greet',
      '    label: production',
      '    from: ~',
      `    to: ${commitA}`,
      `    sha256: ${hashA}`,
      '    note: "tab\\there, \\u00e9"',
      '',
    ].join('\n');
    const text = promote(start, 'greet', 'production', commitB, hashB);
    const [first, second] = parseReleaseManifest(text).manifest.events;
    assert.deepEqual([first?.from, first?.note, second?.from, second?.to], [null, 'tab\there, é', commitA, commitB]);
    assert.ok(text.includes('\n    from: ~\n'), text);
  });

  it('a manifest written in flow style throughout stays in flow style', () => {
    const event = (label: string, to: string, sha256: string) => `{at: ${stamp.at}, by: ${stamp.by}, action: promote, prompt: greet, label: ${label}, from: null, to: ${to}, sha256: ${sha256}, note: ${stamp.note}}`;
    const start = `version: 1\nprompts: {greet: {labels: {production: {commit: ${commitA}, path: greet.prompt, sha256: ${hashA}}}}}\nevents: [${event('production', commitA, hashA)}]\n`;
    assert.equal(
      promote(start, 'greet', 'staging', commitB, hashB),
      `version: 1\nprompts: {greet: {labels: {production: {commit: ${commitA}, path: greet.prompt, sha256: ${hashA}}, staging: {commit: ${commitB}, path: greet.prompt, sha256: ${hashB}}}}}\nevents: [${event('production', commitA, hashA)}, ${event('staging', commitB, hashB)}]\n`,
    );
  });

  it('moves a label in place, so the comments inside its entry stay', () => {
    const start = `version: 1\nprompts:\n  greet:\n    labels:\n      production:\n        # reviewed in #42\n        commit: ${commitA} # the launch version\n        path: greet.prompt\n        sha256: ${hashA}\nevents: []\n`;
    const text = promote(start, 'greet', 'production', commitB, hashB);
    assert.deepEqual(text.split('\n').slice(4, 9), ['      production:', '        # reviewed in #42', `        commit: ${commitB} # the launch version`, '        path: greet.prompt', `        sha256: ${hashB}`]);
  });

  it('adds the prompts section before the events when a manifest has only events', () => {
    const text = promote('version: 1\nevents: []\n', 'greet', 'production', commitA, hashA);
    assert.deepEqual(text.split('\n').filter((line) => /^\S/.test(line)), ['version: 1', 'prompts:', 'events:']);
  });

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
    const text = applyReleaseMove(parsed, moveOf(planPromote(parsed.manifest, { prompt: 'greet', label: 'production', target: { commit: commitA, path: 'greet.prompt', sha256: hashA }, stamp: { at: stamp.at, by: stamp.by } , short: firstSevenOf })));
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

  it('keeps the indentation a hand-formatted manifest uses, from 1 to 8 spaces; wider files are written with 2', () => {
    const indented = (width: number): string => {
      const pad = (depth: number): string => ' '.repeat(width * depth);
      return `version: 1\nprompts:\n${pad(1)}greet:\n${pad(2)}labels:\n${pad(3)}production:\n${pad(4)}commit: ${commitA}\n${pad(4)}path: greet.prompt\n${pad(4)}sha256: ${hashA}\n`;
    };
    for (const [width, written] of [[1, 1], [4, 4], [8, 8], [9, 2]] as const) {
      const lines = promote(indented(width), 'greet', 'staging', commitB, hashB).split('\n');
      assert.deepEqual(lines.slice(8, 10), [`${' '.repeat(written * 3)}staging:`, `${' '.repeat(written * 4)}commit: ${commitB}`], `indented by ${width}`);
      assert.equal(lines[13], `${' '.repeat(written)}- at: ${stamp.at}`, `indented by ${width}`);
    }
  });

  it('appends an event unindented like the ones before it, even when a comment opens the events list', () => {
    const text = [
      'version: 1',
      'prompts:',
      '  greet:',
      '    labels:',
      `      production: {commit: ${commitA}, path: greet.prompt, sha256: ${hashA}}`,
      'events:',
      '  # oldest first',
      '- at: 2026-01-01T00:00:00Z',
      '  by: Ada',
      '  action: promote',
      '  prompt: greet',
      '  label: production',
      '  from: null',
      `  to: ${commitA}`,
      `  sha256: ${hashA}`,
      '',
    ].join('\n');
    const lines = promote(text, 'greet', 'staging', commitB, hashB).split('\n');
    assert.deepEqual(lines.slice(16, 19), [`- at: ${stamp.at}`, '  by: Grace Hopper <grace@example.com>', '  action: promote']);
  });

  it('finds the events list by its own key: not a prompt named events, and also with a comment after the key', () => {
    const event = (prompt: string): string[] => ['- at: 2026-01-01T00:00:00Z', '  by: Ada', '  action: promote', `  prompt: ${prompt}`, '  label: production', '  from: null', `  to: ${commitA}`, `  sha256: ${hashA}`];
    const named = ['version: 1', 'prompts:', '  events:', '    labels:', `      production: {commit: ${commitA}, path: events.prompt, sha256: ${hashA}}`, 'events:', ...event('events'), ''].join('\n');
    const afterNamed = promote(named, 'events', 'staging', commitB, hashB).split('\n');
    assert.deepEqual(afterNamed.slice(6, 9), ['events:', '- at: 2026-01-01T00:00:00Z', '  by: Ada']);
    assert.deepEqual(afterNamed.slice(15, 17), [`- at: ${stamp.at}`, '  by: Grace Hopper <grace@example.com>']);
    const commented = ['version: 1', 'prompts:', '  greet:', '    labels:', `      production: {commit: ${commitA}, path: greet.prompt, sha256: ${hashA}}`, 'events: # oldest first', ...event('greet'), ''].join('\n');
    const afterCommented = promote(commented, 'greet', 'staging', commitB, hashB).split('\n');
    assert.deepEqual(afterCommented.slice(6, 10), ['events:', '# oldest first', '- at: 2026-01-01T00:00:00Z', '  by: Ada']);
    assert.deepEqual(afterCommented.slice(16, 18), [`- at: ${stamp.at}`, '  by: Grace Hopper <grace@example.com>']);
  });

  it('keeps the events list unindented when it is the first key of the file or a blank line opens it', () => {
    const event = ['- at: 2026-01-01T00:00:00Z', '  by: Ada', '  action: promote', '  prompt: greet', '  label: production', '  from: null', `  to: ${commitA}`, `  sha256: ${hashA}`];
    const prompts = ['prompts:', '  greet:', '    labels:', `      production: {commit: ${commitA}, path: greet.prompt, sha256: ${hashA}}`];
    const first = promote(['events:', ...event, 'version: 1', ...prompts, ''].join('\n'), 'greet', 'staging', commitB, hashB).split('\n');
    assert.deepEqual(first.slice(0, 2), ['events:', '- at: 2026-01-01T00:00:00Z']);
    assert.deepEqual(first.slice(9, 11), [`- at: ${stamp.at}`, '  by: Grace Hopper <grace@example.com>']);
    const blank = promote(['version: 1', ...prompts, 'events:', '', ...event, ''].join('\n'), 'greet', 'staging', commitB, hashB).split('\n');
    assert.deepEqual(blank.slice(6, 9), ['events:', '', '- at: 2026-01-01T00:00:00Z']);
    assert.deepEqual(blank.slice(16, 18), [`- at: ${stamp.at}`, '  by: Grace Hopper <grace@example.com>']);
  });

  it('pads every flow map when the file pads any of its braces', () => {
    const mixed = ['version: 1', 'prompts:', '  greet:', `    labels: { production: {commit: ${commitA}, path: greet.prompt, sha256: ${hashA}} }`, 'events: []', ''].join('\n');
    const lines = promote(mixed, 'greet', 'staging', commitB, hashB).split('\n');
    assert.equal(lines[3], `    labels: { production: { commit: ${commitA}, path: greet.prompt, sha256: ${hashA} }, staging: { commit: ${commitB}, path: greet.prompt, sha256: ${hashB} } }`);
  });

  it('records the check error a promote was allowed past as the last field of its event', () => {
    const parsed = parseReleaseManifest('');
    const text = applyReleaseMove(parsed, moveOf(planPromote(parsed.manifest, { prompt: 'greet', label: 'production', target: { commit: commitA, path: 'greet.prompt', sha256: hashA }, stamp: { ...stamp, allowedError: 'dotprompt-unknown-helper' }, short: firstSevenOf })));
    assert.deepEqual(text.split('\n').slice(-3), ['    note: Ship it', '    allowedError: dotprompt-unknown-helper', '']);
  });

  it('adds a canary, then removes it with its empty section when cleared', () => {
    const parsed = parseReleaseManifest(promote('', 'greet', 'production', commitA, hashA));
    const withCanary = applyReleaseMove(parsed, moveOf(planCanary(parsed.manifest, { prompt: 'greet', label: 'production', target: { commit: commitB, path: 'greet.prompt', sha256: hashB }, weight: 25, stamp, short: firstSevenOf })));
    assert.match(withCanary, /\n {4}canary:\n {6}production:\n {8}commit: b+\n {8}path: greet\.prompt\n {8}sha256: (2b)+\n {8}weight: 25\n/);
    assert.match(withCanary, /action: canary\n[^]*weight: 25\n {4}note: Ship it\n$/);
    const reparsed = parseReleaseManifest(withCanary);
    const cleared = applyReleaseMove(reparsed, moveOf(planCanaryClear(reparsed.manifest, { prompt: 'greet', label: 'production', stamp, short: firstSevenOf })));
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
