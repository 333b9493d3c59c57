import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { driftOf } from '../../../../src/core/registry/registryDrift';
import { collectAllPages, mapWithConcurrency } from '../../../../src/core/registry/registryPaging';

const released = { commit: 'a'.repeat(40), sha256: '1'.repeat(64) };

describe('registry drift and paging', () => {
  it('classifies each label: in sync, git ahead, registry ahead, unknown origin', () => {
    const provenance = (sha256: string, commit: string | undefined = 'b'.repeat(40)) => ({ sha256, commit, path: 'p.prompt' });
    assert.equal(driftOf({ manifest: released, registry: { version: 3, provenance: provenance('1'.repeat(64)) }, registryCommitIsNewer: undefined }), 'in-sync');
    assert.equal(driftOf({ manifest: released, registry: undefined, registryCommitIsNewer: undefined }), 'git-ahead');
    assert.equal(driftOf({ manifest: released, registry: { version: 3, provenance: provenance('2'.repeat(64)) }, registryCommitIsNewer: false }), 'git-ahead');
    assert.equal(driftOf({ manifest: released, registry: { version: 3, provenance: provenance('2'.repeat(64)) }, registryCommitIsNewer: true }), 'registry-ahead');
    assert.equal(driftOf({ manifest: undefined, registry: { version: 3, provenance: provenance('2'.repeat(64)) }, registryCommitIsNewer: undefined }), 'registry-ahead');
    assert.equal(driftOf({ manifest: released, registry: { version: 3, provenance: undefined }, registryCommitIsNewer: undefined }), 'unknown-origin');
    assert.equal(driftOf({ manifest: released, registry: { version: 3, provenance: provenance('2'.repeat(64), undefined) }, registryCommitIsNewer: undefined }), 'unknown-origin');
    assert.equal(driftOf({ manifest: undefined, registry: undefined, registryCommitIsNewer: undefined }), undefined);
  });

  it('reads every page in order with never more than the allowed requests in flight', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 30, maxLength: 30 }), async (pages, concurrency, delays) => {
        let inFlight = 0;
        let most = 0;
        const items = await collectAllPages(async (page) => {
          inFlight++;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setTimeout(resolve, delays[page - 1] ?? 0));
          inFlight--;
          return { items: [`p${page}a`, `p${page}b`], totalPages: pages };
        }, concurrency);
        assert.deepEqual(items, Array.from({ length: pages }, (_, index) => [`p${index + 1}a`, `p${index + 1}b`]).flat());
        assert.ok(most <= concurrency);
      }),
      { numRuns: 40 },
    );
  });

  it('maps with bounded concurrency and keeps the order of the items', async () => {
    assert.deepEqual(await mapWithConcurrency([3, 1, 2], 2, async (value) => value * 10), [30, 10, 20]);
    assert.deepEqual(await mapWithConcurrency([], 4, async (value: number) => value), []);
  });

  it('uses as many calls in flight as it may, not one at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    await mapWithConcurrency([0, 1, 2, 3, 4], 3, async (value) => {
      started.push(value);
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
    });
    assert.equal(most, 3, 'three pages are fetched at once when three may be');
    assert.deepEqual(started, [0, 1, 2, 3, 4]);
    let twoItems = 0;
    await mapWithConcurrency(['a', 'b'], 8, async () => {
      twoItems++;
      await new Promise((resolve) => setTimeout(resolve, 1));
    });
    assert.equal(twoItems, 2, 'a limit above the number of items runs each item once');
  });
});
