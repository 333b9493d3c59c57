import * as assert from 'node:assert/strict';
import { relativeTime } from '../../../src/core/versions/relativeTime';

describe('relativeTime', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const ago = (seconds: number): string => relativeTime(new Date(now.getTime() - seconds * 1000), now);

  it('says how long ago a version was in the largest whole unit', () => {
    assert.equal(ago(5), 'just now');
    assert.equal(ago(60), '1 minute ago');
    assert.equal(ago(2 * 3600 + 59), '2 hours ago');
    assert.equal(ago(3 * 86400), '3 days ago');
    assert.equal(ago(14 * 86400), '2 weeks ago');
    assert.equal(ago(65 * 86400), '2 months ago');
    assert.equal(ago(800 * 86400), '2 years ago');
  });

  it('does not pretend a clock-skewed or unparsable date is in the past', () => {
    assert.equal(ago(-3600), 'in the future');
    assert.equal(relativeTime(new Date('not a date'), now), 'at an unknown time');
  });
});
