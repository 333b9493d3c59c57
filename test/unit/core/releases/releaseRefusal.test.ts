import * as assert from 'node:assert/strict';
import { ReleaseRefusal } from '../../../../src/core/releases/releaseRefusal';

describe('Release refusals', () => {
  it('are errors named ReleaseRefusal, so logs and stack traces say what kind of failure it was', () => {
    const refusal = new ReleaseRefusal('greet has no label eu.');
    assert.ok(refusal instanceof Error);
    assert.equal(String(refusal), 'ReleaseRefusal: greet has no label eu.');
  });
});
