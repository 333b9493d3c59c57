import * as assert from 'node:assert/strict';
import { isPlausiblePartialName, partialCandidates } from '../../../src/core/formats/dotprompt/partialPaths';

describe('partialCandidates', () => {
  it('looks beside the prompt first, then in partials/ folders up to the root', () => {
    assert.deepEqual(partialCandidates('/repo/prompts/support/summarize.prompt', 'style', '/repo'), [
      '/repo/prompts/support/_style.prompt',
      '/repo/prompts/support/partials/_style.prompt',
      '/repo/prompts/partials/_style.prompt',
      '/repo/partials/_style.prompt',
    ]);
  });

  it('never climbs above the root', () => {
    assert.deepEqual(partialCandidates('/repo/a.prompt', 'x', '/repo/'), ['/repo/_x.prompt', '/repo/partials/_x.prompt']);
  });

  it('climbs to a repository at the file system root without doubling its slash', () => {
    assert.deepEqual(partialCandidates('/a/p.prompt', 'f', '/'), ['/a/_f.prompt', '/a/partials/_f.prompt', '/partials/_f.prompt']);
    assert.deepEqual(partialCandidates('/p.prompt', 'f', '/'), ['/_f.prompt', '/partials/_f.prompt']);
  });

  it('keeps the folders of a partial name with slashes', () => {
    assert.deepEqual(partialCandidates('/r/p.prompt', 'email/footer', '/r'), ['/r/email/_footer.prompt', '/r/partials/email/_footer.prompt']);
  });

  it('looks only in the prompt\'s own folder when the prompt is outside the root', () => {
    assert.deepEqual(partialCandidates('/tmp/p.prompt', 'x', '/repo'), ['/tmp/_x.prompt', '/tmp/partials/_x.prompt']);
  });
});

describe('isPlausiblePartialName', () => {
  it('accepts names and folder paths, refuses escapes and odd characters', () => {
    assert.equal(isPlausiblePartialName('style'), true);
    assert.equal(isPlausiblePartialName('email/footer-v2'), true);
    assert.equal(isPlausiblePartialName('../secrets'), false);
    assert.equal(isPlausiblePartialName('a b'), false);
  });
});
