import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { flagdFlagSet, flagdFlagSetText, flagdSchemaUrl, flagKeyCollisions, labelsToPublish, rollbackCandidates, type LabelReleases } from '../../../../src/core/releases/flagdFlags';
import { applyReleaseMove } from '../../../../src/core/releases/manifestEditor';
import { parseReleaseManifest } from '../../../../src/core/releases/manifestParser';
import { chooseRollbackTarget } from '../../../../src/core/releases/promotionHistory';
import type { ReleaseManifest } from '../../../../src/core/releases/releaseManifest';
import { ReleaseRefusal } from '../../../../src/core/releases/releaseRefusal';
import { planCanary, planPromote, planRollback, type MovePlan } from '../../../../src/core/releases/releaseMoves';
import { firstSevenOf } from '../../../../src/core/releases/commitAbbreviation';

// Seven versions of one prompt: commits aaaa…, bbbb…, … and hashes 1111…, 2222…, …
const v = ['a', 'b', 'c', 'd', 'e', 'f', '9'].map((letter, index) => ({ commit: letter.repeat(40), path: 'support/summarize.prompt', sha256: String(index + 1).repeat(64) }));
const stamp = { at: '2026-03-01T10:00:00Z', by: 'Ada Lovelace <ada@example.com>', note: '' };

type Step = { readonly promote: number } | { readonly rollback: true } | { readonly canary: number; readonly weight: number };

/** The manifest promptops leaves after these moves of support/summarize production (planned and written as the commands do). */
function manifestAfter(steps: readonly Step[], label = 'production', prompt = 'support/summarize'): ReleaseManifest {
  let text = '';
  for (const step of steps) {
    const parsed = parseReleaseManifest(text);
    const request = { prompt, label, stamp, short: firstSevenOf };
    let plan: MovePlan;
    if ('promote' in step) plan = planPromote(parsed.manifest, { ...request, target: version(step.promote) });
    else if ('canary' in step) plan = planCanary(parsed.manifest, { ...request, target: version(step.canary), weight: step.weight });
    else {
      const choice = chooseRollbackTarget(parsed.manifest, request);
      assert.equal(choice.kind, 'target');
      if (choice.kind !== 'target') continue;
      plan = planRollback(parsed.manifest, { ...request, target: version(v.findIndex((candidate) => candidate.commit === choice.target.commit)) });
    }
    assert.equal(plan.kind, 'move');
    if (plan.kind === 'move') text = applyReleaseMove(parsed, plan.move);
  }
  return parseReleaseManifest(text).manifest;
}

function version(index: number): (typeof v)[number] {
  const found = v[index];
  if (!found) throw new Error(`no version ${index}`);
  return found;
}

const promoteAll = (count: number): Step[] => Array.from({ length: count }, (_, index) => ({ promote: index }));

/** The label releases of a manifest, its rollback targets located as the manifest's own versions (what git would find). */
function releasesOf(manifest: ReleaseManifest, depth: number): LabelReleases[] {
  const releases: LabelReleases[] = [];
  for (const [id, prompt] of manifest.prompts) {
    for (const [label, current] of prompt.labels) {
      const rollbackTargets = rollbackCandidates(manifest, id, label, depth).map((served) => version(v.findIndex((candidate) => candidate.commit === served.commit)));
      releases.push({ id, label, current, canary: prompt.canaries.get(label), rollbackTargets });
    }
  }
  return releases;
}

describe('flagd flags of the release manifest', () => {
  it('a stable label is one flag named promptops.<id>.<label>, the id keeping its /, whose default is the version it serves', () => {
    const flags = flagdFlagSet(releasesOf(manifestAfter([{ promote: 0 }]), 5));
    assert.deepEqual(flags, {
      $schema: 'https://flagd.dev/schema/v0/flags.json',
      flags: {
        'promptops.support/summarize.production': {
          state: 'ENABLED',
          variants: { ['a'.repeat(40)]: { commit: 'a'.repeat(40), sha256: '1'.repeat(64), path: 'support/summarize.prompt' } },
          defaultVariant: 'a'.repeat(40),
          metadata: { prompt: 'support/summarize', label: 'production' },
        },
      },
    });
    assert.equal(flags.$schema, flagdSchemaUrl);
  });

  it('offers the versions rollbacks go back to, newest first, as variants beside the current one', () => {
    const flag = flagdFlagSet(releasesOf(manifestAfter(promoteAll(3)), 5)).flags['promptops.support/summarize.production'];
    assert.deepEqual(Object.keys(flag?.variants ?? {}), ['c'.repeat(40), 'b'.repeat(40), 'a'.repeat(40)]);
    assert.equal(flag?.defaultVariant, 'c'.repeat(40));
    assert.equal(flag?.targeting, undefined);
  });

  it('keeps only the last --history versions: five by default out of six earlier ones, none with 0', () => {
    const manifest = manifestAfter(promoteAll(7));
    assert.deepEqual(rollbackCandidates(manifest, 'support/summarize', 'production', 5).map((served) => served.commit[0]), ['f', 'e', 'd', 'c', 'b']);
    assert.deepEqual(rollbackCandidates(manifest, 'support/summarize', 'production', 2).map((served) => served.commit[0]), ['f', 'e']);
    assert.deepEqual(rollbackCandidates(manifest, 'support/summarize', 'production', 0), []);
    assert.deepEqual(Object.keys(flagdFlagSet(releasesOf(manifest, 0)).flags['promptops.support/summarize.production']?.variants ?? {}), ['9'.repeat(40)]);
  });

  it('after a rollback the default is the version rolled back to, and the next rollback target is still a variant', () => {
    const manifest = manifestAfter([...promoteAll(3), { rollback: true }]);
    const flag = flagdFlagSet(releasesOf(manifest, 5)).flags['promptops.support/summarize.production'];
    assert.equal(flag?.defaultVariant, 'b'.repeat(40));
    assert.deepEqual(Object.keys(flag?.variants ?? {}), ['b'.repeat(40), 'a'.repeat(40)]);
  });

  it('a version promoted twice is one variant: the history skips repeats and the version being served', () => {
    const manifest = manifestAfter([{ promote: 0 }, { promote: 1 }, { promote: 0 }, { promote: 2 }]);
    assert.deepEqual(rollbackCandidates(manifest, 'support/summarize', 'production', 5).map((served) => served.commit[0]), ['a', 'b']);
  });

  it('a canary of 10% becomes fractional targeting 90/10 between the label and the canary, with the canary named in the metadata', () => {
    const manifest = manifestAfter([{ promote: 0 }, { promote: 1 }, { canary: 2, weight: 10 }]);
    const flag = flagdFlagSet(releasesOf(manifest, 5)).flags['promptops.support/summarize.production'];
    assert.deepEqual(flag?.targeting, { fractional: [['b'.repeat(40), 90], ['c'.repeat(40), 10]] });
    assert.deepEqual(Object.keys(flag?.variants ?? {}), ['b'.repeat(40), 'c'.repeat(40), 'a'.repeat(40)]);
    assert.deepEqual(flag?.metadata, { prompt: 'support/summarize', label: 'production', canary: 'c'.repeat(40), canaryWeight: 10 });
  });

  it('splits 100 − w / w for every canary weight from 1 to 99, the label first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (weight) => {
        const flag = flagdFlagSet(releasesOf(manifestAfter([{ promote: 0 }, { canary: 1, weight }]), 5)).flags['promptops.support/summarize.production'];
        assert.deepEqual(flag?.targeting, { fractional: [['a'.repeat(40), 100 - weight], ['b'.repeat(40), weight]] });
      }),
    );
  });

  it('refuses two prompts whose flag keys would be the same, rather than publish one over the other', () => {
    const target = version(0);
    const releases: LabelReleases[] = [
      { id: 'a.b', label: 'c', current: target, canary: undefined, rollbackTargets: [] },
      { id: 'a', label: 'b.c', current: target, canary: undefined, rollbackTargets: [] },
    ];
    assert.throws(() => flagdFlagSet(releases), new ReleaseRefusal('a.b c and a b.c would both publish the flag promptops.a.b.c; rename one of the prompts or labels.'));
  });

  it('the release gate names labels whose flag keys would collide, at the second label, so status fails before publish would', () => {
    const target = (letter: string) => `{commit: ${letter.repeat(40)}, path: x.prompt, sha256: ${'1'.repeat(64)}}`;
    const { manifest } = parseReleaseManifest(`version: 1\nprompts:\n  a.b:\n    labels:\n      c: ${target('a')}\n  a:\n    labels:\n      b.c: ${target('b')}\n      production: ${target('b')}\n`);
    assert.deepEqual(flagKeyCollisions(manifest), [
      {
        code: 'manifest-flag-key-collision',
        severity: 'error',
        message: 'a.b c and a b.c would both publish the flag promptops.a.b.c; rename one of the prompts or labels.',
        range: { start: { line: 7, character: 6 }, end: { line: 7, character: 9 } },
      },
    ]);
  });

  it('publishes every label of the manifest unless told which, and refuses a label no prompt has', () => {
    const text = `version: 1
prompts:
  support/summarize:
    labels:
      production: {commit: ${'a'.repeat(40)}, path: support/summarize.prompt, sha256: ${'1'.repeat(64)}}
  support/triage:
    labels:
      staging: {commit: ${'b'.repeat(40)}, path: support/triage.prompt, sha256: ${'2'.repeat(64)}}
      production: {commit: ${'b'.repeat(40)}, path: support/triage.prompt, sha256: ${'2'.repeat(64)}}
`;
    const { manifest } = parseReleaseManifest(text);
    assert.deepEqual(labelsToPublish(manifest, undefined, 'prompt-releases.yaml'), ['production', 'staging']);
    assert.deepEqual(labelsToPublish(manifest, ['staging'], 'prompt-releases.yaml'), ['staging']);
    assert.throws(() => labelsToPublish(manifest, ['prod'], 'prompt-releases.yaml'), new ReleaseRefusal('No prompt in prompt-releases.yaml has the label prod, so there is nothing to publish for it.'));
    assert.throws(() => labelsToPublish(manifest, ['prod', 'staging', 'qa'], 'prompt-releases.yaml'), new ReleaseRefusal('No prompt in prompt-releases.yaml has the label prod or qa, so there is nothing to publish for it.'));
    assert.deepEqual(labelsToPublish(manifest, ['staging', 'staging'], 'prompt-releases.yaml'), ['staging']);
  });

  it('writes the flag file as indented JSON ending in a line break', () => {
    assert.equal(flagdFlagSetText({ $schema: flagdSchemaUrl, flags: {} }), '{\n  "$schema": "https://flagd.dev/schema/v0/flags.json",\n  "flags": {}\n}\n');
  });
});
