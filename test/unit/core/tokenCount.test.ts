import * as assert from 'node:assert/strict';
import { approximateTokenCount } from '../../../src/core/rendering/tokenCount';

describe('approximateTokenCount', () => {
  it('counts no tokens in empty text and a few for a short sentence', () => {
    assert.equal(approximateTokenCount(''), 0);
    const count = approximateTokenCount('Summarize this support ticket in five bullet points.');
    assert.ok(count >= 8 && count <= 12, `got ${count}`);
  });

  it('grows with the text: ten copies cost about ten times one', () => {
    const one = approximateTokenCount('Plan a trip to Lisbon for two travelers. ');
    const ten = approximateTokenCount('Plan a trip to Lisbon for two travelers. '.repeat(10));
    assert.ok(ten >= one * 9 && ten <= one * 10, `one ${one}, ten ${ten}`);
  });
});
