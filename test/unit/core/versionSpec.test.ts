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

  it('titles a version by file name and the abbreviation git gave its commit, with the label that reached it', () => {
    assert.equal(versionTitle('summarize.prompt', { short: 'a1b2c3d' }), 'summarize.prompt (a1b2c3d)');
    assert.equal(versionTitle('summarize.prompt', { short: 'a1b2c3d4', label: 'production' }), 'summarize.prompt (production a1b2c3d4)');
    assert.equal(versionTitle('summarize.prompt', {}), 'summarize.prompt (working tree)');
  });
});
