import * as assert from 'node:assert/strict';
import type { Message, RenderedPrompt } from 'dotprompt';
import { messageText, renderedAsText } from '../../../src/core/rendering/promptRendering';

describe('the text of a rendered message', () => {
  it('joins text parts and shows media, tool calls and unknown parts as bracketed placeholders', () => {
    const message: Message = {
      role: 'user',
      content: [
        { text: 'Look at ' },
        { media: { url: 'https://example.test/cat.png', contentType: 'image/png' } },
        { text: ' then call ' },
        { toolRequest: { name: 'lookup', input: { q: 1 } } },
        { toolResponse: { name: 'lookup', output: 2 } },
        { data: { a: 1 }, metadata: { b: 2 } },
      ],
    };
    assert.equal(messageText(message), 'Look at [media: https://example.test/cat.png] then call [tool request: lookup][tool response: lookup][data, metadata]');
  });

  it('shows a text part that is not a string by its keys, not as "undefined"', () => {
    const odd = { role: 'user', content: [{ text: 5 }] } as unknown as Message;
    assert.equal(messageText(odd), '[text]');
  });

  it('heads every message with its role in the plain rendering', () => {
    const rendered = { messages: [{ role: 'system', content: [{ text: 'Be brief.' }] }, { role: 'user', content: [{ text: 'Hi' }] }] } as RenderedPrompt;
    assert.equal(renderedAsText(rendered), '── system ──\nBe brief.\n── user ──\nHi');
  });
});
