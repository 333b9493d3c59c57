import * as assert from 'node:assert/strict';
import { parseVersionSpec, versionTitle } from '../../../src/core/versions/versionSpec';

describe('Version arguments', () => {
  it('reads WORKING, latest, and anything else as a label or commit-ish', () => {
    assert.deepEqual(parseVersionSpec('WORKING'), { kind: 'working' });
    assert.deepEqual(parseVersionSpec('latest'), { kind: 'latest' });
    assert.deepEqual(parseVersionSpec('production'), { kind: 'named', name: 'production' });
    assert.deepEqual(parseVersionSpec('HEAD~2'), { kind: 'named', name: 'HEAD~2' });
  });

  it('is case-sensitive, as labels and branch names are', () => {
    assert.deepEqual(parseVersionSpec('working'), { kind: 'named', name: 'working' });
  });

  it('titles a version by file name and short SHA, with the label that reached it', () => {
    const commit = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    assert.equal(versionTitle('summarize.prompt', { commit }), 'summarize.prompt (a1b2c3d)');
    assert.equal(versionTitle('summarize.prompt', { commit, label: 'production' }), 'summarize.prompt (production a1b2c3d)');
    assert.equal(versionTitle('summarize.prompt', {}), 'summarize.prompt (working tree)');
  });
});
