import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { unexplainedReleases } from '../../../../src/core/releases/auditLogReplay';
import { applyReleaseMove } from '../../../../src/core/releases/manifestEditor';
import { parseReleaseManifest } from '../../../../src/core/releases/manifestParser';
import { chooseRollbackTarget } from '../../../../src/core/releases/promotionHistory';
import { planCanary, planCanaryClear, planPromote, planRollback, type MovePlan } from '../../../../src/core/releases/releaseMoves';
import { firstSevenOf } from '../../../../src/core/releases/commitAbbreviation';

const versions = ['a', 'b', 'c', 'd'].map((letter, index) => ({ commit: letter.repeat(40), path: 'greet.prompt', sha256: String(index + 1).repeat(64) }));
const stamp = { at: '2026-03-01T10:00:00Z', by: 'Ada Lovelace <ada@example.com>' };

function versionAt(index: number): (typeof versions)[number] {
  const version = versions[index];
  if (!version) throw new Error(`No version ${index}`);
  return version;
}

type Step =
  | { readonly kind: 'promote' | 'canary'; readonly label: string; readonly version: number; readonly weight: number }
  | { readonly kind: 'rollback' | 'clear'; readonly label: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('promote' as const, 'canary' as const), label: fc.constantFrom('production', 'staging'), version: fc.nat(3), weight: fc.integer({ min: 1, max: 99 }) }),
  fc.record({ kind: fc.constantFrom('rollback' as const, 'clear' as const), label: fc.constantFrom('production', 'staging') }),
);

/** Applies the steps the way promptops does (planned moves, written through the manifest editor) and returns the final text. */
function play(steps: readonly Step[]): string {
  let text = '';
  for (const move of steps) {
    const parsed = parseReleaseManifest(text);
    const request = { prompt: 'greet', label: move.label, stamp, short: firstSevenOf };
    let plan: MovePlan;
    if (move.kind === 'promote') plan = planPromote(parsed.manifest, { ...request, target: versionAt(move.version) });
    else if (move.kind === 'canary') plan = planCanary(parsed.manifest, { ...request, target: versionAt(move.version), weight: move.weight });
    else if (move.kind === 'clear') plan = planCanaryClear(parsed.manifest, request);
    else {
      const choice = chooseRollbackTarget(parsed.manifest, request);
      if (choice.kind !== 'target') continue;
      plan = planRollback(parsed.manifest, { ...request, target: versionAt(versions.findIndex((version) => version.commit === choice.target.commit)) });
    }
    if (plan.kind === 'move') text = applyReleaseMove(parsed, plan.move);
  }
  return text;
}

describe('Release manifest: the audit log explains every label', () => {
  it('whatever sequence of promotes, rollbacks and canaries promptops makes, the log explains the manifest and no event goes from a commit to itself', function () {
    // Hundreds of generated cases: seconds on an idle machine, several times that on a busy one.
    this.timeout(90_000);
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const parsed = parseReleaseManifest(play(steps));
        assert.deepEqual(parsed.problems, []);
        assert.deepEqual(unexplainedReleases(parsed.manifest, firstSevenOf), []);
        for (const event of parsed.manifest.events) assert.notEqual(event.from, event.to, `${event.action} ${event.label}`);
      }),
      { numRuns: 300 },
    );
  });

  it('a label changed by hand is unexplained, at its key', () => {
    const text = play([{ kind: 'promote', label: 'production', version: 0, weight: 1 }]).replace(versionAt(0).commit, versionAt(1).commit);
    const problems = unexplainedReleases(parseReleaseManifest(text).manifest, firstSevenOf);
    assert.deepEqual(
      problems.map((problem) => [problem.code, problem.range.start.line, problem.message]),
      [['manifest-unexplained-label', 6, "greet production serves bbbbbbb, but the audit log's last move of it (promote of 2026-03-01T10:00:00Z) is to aaaaaaa; labels move only through promptops promote, rollback and canary, which record who and why."]],
    );
  });
  it('says what the log does not explain for every kind of hand edit, each at the label\'s key or the prompt\'s', () => {
    const promoted = play([{ kind: 'promote', label: 'production', version: 0, weight: 1 }]);
    const withCanary = play([
      { kind: 'promote', label: 'production', version: 0, weight: 1 },
      { kind: 'canary', label: 'production', version: 1, weight: 10 },
    ]);
    const hint = 'labels move only through promptops promote, rollback and canary, which record who and why';
    const { commit: a, sha256: hashA } = versionAt(0);
    const { commit: b, sha256: hashB } = versionAt(1);
    const cases: [string, [number, string][]][] = [
      [promoted.replace(hashA, '9'.repeat(64)), [[6, `greet production serves aaaaaaa, but the audit log's last move of it (promote of 2026-03-01T10:00:00Z) is to aaaaaaa with another SHA-256; ${hint}.`]]],
      [promoted.replace('      production:', `      staging: {commit: ${b}, path: greet.prompt, sha256: ${hashB}}\n      production:`), [[6, `greet staging serves bbbbbbb, but no event in the audit log puts it there; ${hint}.`]]],
      [promoted.replace('events:', `    canary:\n      production: {commit: ${b}, path: greet.prompt, sha256: ${hashB}, weight: 10}\nevents:`), [[11, `The canary of greet production (bbbbbbb at 10%) is not in the audit log; ${hint}.`]]],
      [withCanary.replace('weight: 10\n', 'weight: 30\n'), [[11, `The canary of greet production serves bbbbbbb at 30%, but the audit log's last canary (canary of 2026-03-01T10:00:00Z) is bbbbbbb at 10%; ${hint}.`]]],
      [withCanary.replace(`        sha256: "${hashB}"\n        weight: 10`, `        sha256: "${'9'.repeat(64)}"\n        weight: 10`), [[11, `The canary of greet production serves bbbbbbb at 10%, but the audit log's last canary (canary of 2026-03-01T10:00:00Z) is bbbbbbb at 10%; ${hint}.`]]],
      [withCanary.replace(`      production:\n        commit: ${b}`, `      production:\n        commit: ${'c'.repeat(40)}`), [[11, `The canary of greet production serves ccccccc at 10%, but the audit log's last canary (canary of 2026-03-01T10:00:00Z) is bbbbbbb at 10%; ${hint}.`]]],
      [withCanary.replace(/ {4}canary:\n(?: {6,}.*\n)+/, ''), [[4, 'The audit log has a canary of greet production (bbbbbbb), but the manifest has none; end canaries with promptops canary --clear.']]],
      [promoted.replace(/ {4}labels:\n(?: {6,}.*\n)+/, '    labels: {}\n'), [[4, `The audit log has greet production serving aaaaaaa, but the manifest has no such label; ${hint}.`]]],
      [promoted.replace(/prompts:\n(?: {2,}.*\n)+/, 'prompts: {}\n'), [[5, `The audit log has greet released, but the manifest has no entry for it; ${hint}.`]]],
    ];
    for (const [text, expected] of cases) {
      const parsed = parseReleaseManifest(text);
      assert.deepEqual(parsed.problems, [], text);
      assert.deepEqual(unexplainedReleases(parsed.manifest, firstSevenOf).map((problem) => [problem.range.start.line, problem.message]), expected, text);
    }
    assert.deepEqual(unexplainedReleases(parseReleaseManifest(withCanary).manifest, firstSevenOf), [], a);
  });
});
