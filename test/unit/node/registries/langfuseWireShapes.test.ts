import * as assert from 'node:assert/strict';
import { MalformedResponse, promptPageOf, promptVersionOf } from '../../../../src/node/registries/langfuse/langfuseWireShapes';

const chat = (prompt: unknown) => ({ type: 'chat', name: 'support/triage', version: 3, prompt, labels: ['production'], config: { model: 'x' } });

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof MalformedResponse, String(error));
    return error.message;
  }
  assert.fail('expected MalformedResponse');
}

describe('reading Langfuse answers', () => {
  it('reads a text prompt with its optional fields, and a chat prompt with messages and placeholders', () => {
    assert.deepEqual(promptVersionOf({ type: 'text', name: 'a', version: 1, prompt: 'Hi {{x}}', labels: [], tags: ['t'], commitMessage: 'first', createdAt: '2026-01-01', createdBy: 'ana', config: [] }), {
      name: 'a',
      version: 1,
      content: { type: 'text', prompt: 'Hi {{x}}' },
      config: {},
      labels: [],
      tags: ['t'],
      commitMessage: 'first',
      createdAt: '2026-01-01',
      createdBy: 'ana',
    });
    const read = promptVersionOf(chat([{ role: 'system', content: 'Be brief.' }, { type: 'placeholder', name: 'history' }, { name: 'older' }]));
    assert.deepEqual(read.content, {
      type: 'chat',
      prompt: [
        { kind: 'message', role: 'system', content: 'Be brief.' },
        { kind: 'placeholder', name: 'history' },
        { kind: 'placeholder', name: 'older' },
      ],
    });
    assert.deepEqual([read.config, read.tags, read.commitMessage], [{ model: 'x' }, [], undefined]);
  });

  it('refuses a prompt of another shape in one sentence naming what is wrong', () => {
    assert.equal(refusal(() => promptVersionOf(null)), 'the prompt is not an object');
    assert.equal(refusal(() => promptVersionOf({ type: 'image' })), 'the prompt type is neither "text" nor "chat"');
    assert.equal(refusal(() => promptVersionOf({ type: 'chat', prompt: 'x' })), 'the chat prompt is not a list of messages');
    assert.equal(refusal(() => promptVersionOf(chat([{ role: 'user' }]))), "message 1's content is not a string");
    assert.equal(refusal(() => promptVersionOf(chat([{ role: 'user', content: 'x' }, 7]))), 'message 2 is not an object');
    assert.equal(refusal(() => promptVersionOf(chat([{ type: 'placeholder' }]))), "placeholder 1's name is not a string");
    assert.equal(refusal(() => promptVersionOf({ ...chat([]), version: 1.5 })), 'the version is not an integer');
    assert.equal(refusal(() => promptVersionOf({ ...chat([]), labels: ['a', 1] })), 'labels is not a list of strings');
    assert.equal(refusal(() => promptVersionOf({ ...chat([]), name: 3 })), 'the prompt name is not a string');
  });

  it('reads a page of the prompt list, and refuses one without data or page numbers', () => {
    assert.deepEqual(
      promptPageOf({ data: [{ name: 'a', type: 'text', versions: [1, 2], labels: ['production'], lastUpdatedAt: '2026-01-02' }], meta: { page: 1, totalPages: 2, totalItems: 11 } }),
      { prompts: [{ name: 'a', type: 'text', versions: [1, 2], labels: ['production'], tags: [], lastUpdatedAt: '2026-01-02' }], page: 1, totalPages: 2, totalItems: 11 },
    );
    assert.equal(refusal(() => promptPageOf({ meta: {} })), 'the prompt list has no data');
    assert.equal(refusal(() => promptPageOf({ data: [], meta: null })), 'the page information is not an object');
    assert.equal(refusal(() => promptPageOf({ data: [{ name: 'a', type: 'text', versions: ['1'], labels: [] }], meta: { page: 1, totalPages: 1, totalItems: 1 } })), "prompt 1's versions are not a list of numbers");
    assert.equal(refusal(() => promptPageOf({ data: [], meta: { page: 1, totalPages: '1', totalItems: 0 } })), 'the page count is not an integer');
  });
});
