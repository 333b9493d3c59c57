import * as assert from 'node:assert/strict';
import type { RenderedPrompt } from 'dotprompt';
import { snapshotDiff, snapshotPathFor, snapshotText } from '../../../src/core/rendering/renderSnapshot';

function rendered(...messages: [string, string][]): RenderedPrompt {
  return { messages: messages.map(([role, text]) => ({ role: role as 'user', content: [{ text }] })) };
}

describe('render snapshots', () => {
  it('live in __snapshots__ beside the prompt, named after the prompt file', () => {
    assert.equal(snapshotPathFor('/repo/support/summarize.prompt'), '/repo/support/__snapshots__/summarize.prompt.snap');
    assert.equal(snapshotPathFor('trip.prompt'), './__snapshots__/trip.prompt.snap');
    assert.equal(snapshotPathFor('C:\\p\\a.prompt'), 'C:\\p\\__snapshots__\\a.prompt.snap');
  });

  it('list sample sets in name order with each message under its role, whatever order they came in', () => {
    const text = snapshotText('greet.prompt', [
      { name: 'zed', rendered: rendered(['user', 'Hi Zed\r\n']) },
      { name: 'amy', rendered: rendered(['system', 'Be kind.'], ['user', 'Hi Amy']) },
    ]);
    assert.equal(
      text,
      [
        '# Rendered messages of greet.prompt, one section per sample set.',
        '# Written by `promptops test --update`; `promptops test` fails when a rendering changes.',
        '',
        '═══ sample set: amy ═══',
        '── system ──',
        'Be kind.',
        '── user ──',
        'Hi Amy',
        '',
        '═══ sample set: zed ═══',
        '── user ──',
        'Hi Zed',
        '',
        '',
      ].join('\n'),
    );
  });

  it('a changed rendering shows as a unified diff of the changed line', () => {
    const before = snapshotText('g.prompt', [{ name: 'a', rendered: rendered(['user', 'Hello, Amy!']) }]);
    const after = snapshotText('g.prompt', [{ name: 'a', rendered: rendered(['user', 'Hi, Amy!']) }]);
    const diff = snapshotDiff('__snapshots__/g.prompt.snap', before, after);
    assert.match(diff, /^-Hello, Amy!$/m);
    assert.match(diff, /^\+Hi, Amy!$/m);
  });
});
