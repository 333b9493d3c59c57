import * as assert from 'node:assert/strict';
import { ReleaseRefusal } from '../../../../src/core/releases/releaseRefusal';

describe('Release refusals', () => {
  it('are errors named ReleaseRefusal, so logs and stack traces say what kind of failure it was', () => {
    const refusal = new ReleaseRefusal('greet has no label eu.');
    assert.ok(refusal instanceof Error);
    assert.equal(String(refusal), 'ReleaseRefusal: greet has no label eu.');
  });

  it('carry no detail lines unless given some, and keep those given in order', () => {
    assert.deepEqual(new ReleaseRefusal('greet has no label eu.').details, []);
    assert.deepEqual(new ReleaseRefusal('2 problems.', ['a.prompt:1:1: x', 'b.prompt:2:3: y']).details, ['a.prompt:1:1: x', 'b.prompt:2:3: y']);
  });
});
