import * as assert from 'node:assert/strict';
import { closestName } from '../../../src/core/checks/nameSuggestion';

describe('Suggesting a name for a likely typo', () => {
  it('suggests a name with two letters swapped', () => {
    assert.equal(closestName('nmae', ['other', 'name']), 'name');
    assert.equal(closestName('abcdef', ['abdcfe']), 'abdcfe');
    assert.equal(closestName('abcd', ['xacd']), undefined, 'two substitutions are not a swap');
  });

  it('allows one edit per three letters, and at least one from three letters on', () => {
    assert.equal(closestName('abc', ['abd']), 'abd');
    assert.equal(closestName('abc', ['xyz']), undefined);
    assert.equal(closestName('abcde', ['abcxy']), undefined);
    assert.equal(closestName('abcdef', ['abcdefgh']), 'abcdefgh');
    assert.equal(closestName('abcdef', ['abcdefghi']), undefined);
    assert.equal(closestName('abcdef', ['abcxyz']), undefined);
  });

  it('matches names of one or two letters only when they differ in case', () => {
    assert.equal(closestName('ab', ['ac']), undefined);
    assert.equal(closestName('ab', ['ac', 'AB']), 'AB');
    assert.equal(closestName('a', ['b', 'A']), 'A');
    assert.equal(closestName('', ['a']), undefined);
  });

  it('prefers the closest candidate, and of equally close ones the first', () => {
    assert.equal(closestName('abcdefghi', ['abcdefxyz', 'abcdefgxy', 'abcdefghz']), 'abcdefghz');
    assert.equal(closestName('abcdef', ['abcdxf', 'abcdez']), 'abcdxf');
    assert.equal(closestName('title', ['titel', 'Title']), 'Title');
  });

  it('never suggests the name itself', () => {
    assert.equal(closestName('title', ['title']), undefined);
    assert.equal(closestName('title', ['title', 'titles']), 'titles');
  });

  it('gives up on names longer than 64 characters', () => {
    assert.equal(closestName('x'.repeat(64), [`${'x'.repeat(63)}y`]), `${'x'.repeat(63)}y`);
    assert.equal(closestName('x'.repeat(65), [`${'x'.repeat(64)}y`]), undefined);
  });
});
