import * as assert from 'node:assert/strict';
import { labelTenuresOf } from '../../../../src/core/releases/labelTenures';
import { parseReleaseManifest } from '../../../../src/core/releases/manifestParser';
import { commitA, commitB, commitC, hashA, hashB, hashC } from './manifestText';

const hashes: Record<string, string> = { [commitA]: hashA, [commitB]: hashB, [commitC]: hashC };

function event(index: number, action: string, prompt: string, label: string, from: string | null, to: string, weight?: number): string {
  const hour = String(index).padStart(2, '0');
  return `  - {at: 2026-03-01T${hour}:00:00Z, by: Ada, action: ${action}, prompt: ${prompt}, label: ${label}, from: ${from ?? 'null'}, to: ${to}, sha256: ${hashes[to] ?? ''}${weight === undefined ? '' : `, weight: ${weight}`}}`;
}

const target = (commit: string, weight?: number): string => `{commit: ${commit}, path: greet.prompt, sha256: ${hashes[commit] ?? ''}${weight === undefined ? '' : `, weight: ${weight}`}}`;

/**
 * greet's story: production A, staging A, a production canary of B raised from 10% to 30%, moved to
 * C at 5% and cleared, production promoted to B and rolled back to A, qa (on C before the log
 * began) promoted to B; hotfix on C and a staging canary of C at 20% were set by hand.
 */
const manifest = parseReleaseManifest(
  [
    'version: 1',
    'prompts:',
    '  greet:',
    `    labels: {production: ${target(commitA)}, staging: ${target(commitA)}, qa: ${target(commitB)}, hotfix: ${target(commitC)}}`,
    `    canary: {staging: ${target(commitC, 20)}}`,
    'events:',
    event(1, 'promote', 'greet', 'production', null, commitA),
    event(2, 'promote', 'greet', 'staging', null, commitA),
    event(3, 'canary', 'greet', 'production', commitA, commitB, 10),
    event(4, 'canary', 'greet', 'production', commitA, commitB, 30),
    event(5, 'canary', 'greet', 'production', commitA, commitC, 5),
    event(6, 'promote', 'greet', 'production', commitA, commitB),
    event(7, 'canary-clear', 'greet', 'production', commitC, commitB),
    event(8, 'rollback', 'greet', 'production', commitB, commitA),
    event(9, 'promote', 'greet', 'qa', commitC, commitB),
    event(10, 'promote', 'other', 'production', null, commitA),
    '',
  ].join('\n'),
);

/** Each tenure as `label kind weight: from event → until event`, events by their number in the log (— when none). */
function tenuresOf(commit: string): string[] {
  const number = (event: unknown): string => {
    const index = manifest.manifest.events.findIndex((candidate) => candidate === event);
    return index < 0 ? '—' : String(index + 1);
  };
  return labelTenuresOf(manifest.manifest, 'greet', commit).map((tenure) => `${tenure.label} ${tenure.kind}${tenure.weight === undefined ? '' : ` ${tenure.weight}%`}: ${number(tenure.from)} → ${number(tenure.until)}`);
}

describe('Release manifest: when each label served a version', () => {
  it('reads a manifest whose story these tests tell without a problem', () => {
    assert.deepEqual(manifest.problems, []);
    assert.equal(manifest.manifest.events.length, 10);
  });

  it('a label promoted away and rolled back serves a version twice; the ones still serving come last', () => {
    assert.deepEqual(tenuresOf(commitA), ['production label: 1 → 6', 'staging label: 2 → —', 'production label: 8 → —']);
  });

  it('a canary raised keeps its start and takes its last weight; moved to another version it ends there', () => {
    assert.deepEqual(tenuresOf(commitB), ['production canary 30%: 3 → 5', 'production label: 6 → 8', 'qa label: 9 → —']);
  });

  it('a label that held a version before the log began, and labels and canaries set by hand, serve without a starting event', () => {
    assert.deepEqual(tenuresOf(commitC), ['production canary 5%: 5 → 7', 'qa label: — → 9', 'hotfix label: — → —', 'staging canary 20%: — → —']);
  });

  it('a hand-written log that promotes the version a label already serves keeps the tenure from its first promote', () => {
    const repeated = parseReleaseManifest(
      ['version: 1', 'events:', event(1, 'promote', 'greet', 'production', null, commitA), event(2, 'promote', 'greet', 'production', commitA, commitA), event(3, 'promote', 'greet', 'production', commitA, commitB), ''].join('\n'),
    ).manifest;
    const [tenure, ...rest] = labelTenuresOf(repeated, 'greet', commitA);
    assert.deepEqual([tenure?.from === repeated.events[0], tenure?.until === repeated.events[2], rest], [true, true, []]);
  });

  it('two labels, and two canaries, on one version each serve it, whether set by hand or by events', () => {
    const labelsOf = (text: string[], commit: string): string[] => {
      const parsed = parseReleaseManifest([...text, ''].join('\n'));
      assert.deepEqual(parsed.problems, []);
      return labelTenuresOf(parsed.manifest, 'greet', commit).map((tenure) => `${tenure.label} ${tenure.kind}${tenure.weight === undefined ? '' : ` ${tenure.weight}%`}: ${tenure.from === undefined ? '—' : tenure.from.at} → ${tenure.until === undefined ? '—' : tenure.until.at}`);
    };
    const byHand = ['version: 1', 'prompts:', '  greet:', `    labels: {production: ${target(commitA)}, staging: ${target(commitA)}, qa: ${target(commitC)}, hotfix: ${target(commitC)}}`, `    canary: {production: ${target(commitC, 10)}, staging: ${target(commitC, 20)}}`];
    assert.deepEqual(labelsOf(byHand, commitC), ['qa label: — → —', 'hotfix label: — → —', 'production canary 10%: — → —', 'staging canary 20%: — → —']);
    const byEvents = [
      'version: 1',
      'prompts:',
      '  greet:',
      `    labels: {production: ${target(commitA)}, staging: ${target(commitA)}}`,
      `    canary: {production: ${target(commitC, 10)}, staging: ${target(commitC, 20)}}`,
      'events:',
      event(1, 'promote', 'greet', 'production', null, commitA),
      event(2, 'promote', 'greet', 'staging', null, commitA),
      event(3, 'canary', 'greet', 'production', commitA, commitC, 10),
      event(4, 'canary', 'greet', 'staging', commitA, commitC, 20),
    ];
    assert.deepEqual(labelsOf(byEvents, commitC), ['production canary 10%: 2026-03-01T03:00:00Z → —', 'staging canary 20%: 2026-03-01T04:00:00Z → —']);
  });

  it('a version no label of this prompt served has no tenure, even when another prompt served it', () => {
    assert.deepEqual(tenuresOf('d'.repeat(40)), []);
    assert.deepEqual(labelTenuresOf(manifest.manifest, 'other', commitA).map((tenure) => [tenure.label, tenure.kind, tenure.until]), [['production', 'label', undefined]]);
    assert.deepEqual(labelTenuresOf(manifest.manifest, 'missing', commitA), []);
  });
});
