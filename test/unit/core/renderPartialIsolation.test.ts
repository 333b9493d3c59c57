import * as assert from 'node:assert/strict';
import { renderPrompt } from '../../../src/core/formats/dotprompt/promptRenderer';
import { renderedAsText } from '../../../src/core/rendering/promptRendering';

async function render(style: string): Promise<string> {
  const outcome = await renderPrompt({ source: '{{> style}} Summarize.', input: {}, partials: (name) => (name === 'style' ? style : undefined) });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error);
  return renderedAsText(outcome.rendered);
}

describe('Rendering with partials of the same name', () => {
  it('uses each render\'s own partial, one after the other and at the same time', async () => {
    assert.match(await render('Be brief.'), /Be brief\. Summarize\./);
    assert.match(await render('Be thorough.'), /Be thorough\. Summarize\./);
    const [brief, thorough] = await Promise.all([render('Be brief.'), render('Be thorough.')]);
    assert.match(brief, /Be brief\./);
    assert.match(thorough, /Be thorough\./);
  });
});
