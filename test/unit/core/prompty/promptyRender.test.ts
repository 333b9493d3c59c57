import * as assert from 'node:assert/strict';
import { renderPromptSource } from '../../../../src/core/rendering/promptRendering';
import { lines } from '../diagnosticExpectations';

async function render(source: string, input: Record<string, unknown> = {}, files: Record<string, string> = {}): Promise<unknown> {
  const outcome = await renderPromptSource({ path: 'chat.prompty', source, input, partials: (name) => files[name] });
  return outcome.ok ? outcome.rendered.messages : { error: outcome.error, position: outcome.position };
}

describe('Prompty rendering', () => {
  it('renders Jinja with the defaults under the input, splitting messages on role lines, without HTML escaping', async () => {
    const source = lines(
      '---',
      'inputs:',
      '  - name: name',
      '    default: Ana',
      '  - name: items',
      '    kind: array',
      '---',
      'system:',
      'You help {{ name | upper }} & co.',
      '',
      'user[name="Ana"]:',
      '{% for item in items %}{{ loop.index }}. <{{ item }}>',
      '{% endfor %}',
    );
    assert.deepEqual(await render(source, { items: ['tea', 'cake'] }), [
      { role: 'system', content: [{ text: 'You help ANA & co.' }] },
      { role: 'user', content: [{ text: '1. <tea>\n2. <cake>' }], metadata: { name: 'Ana' } },
    ]);
  });

  it('renders mustache without HTML escaping, and assistant lines as the model role', async () => {
    const source = lines('---', 'template: {format: {kind: mustache}}', '---', 'user:', '{{question}} {{#tags}}[{{.}}]{{/tags}}', 'assistant:', 'Sure.');
    assert.deepEqual(await render(source, { question: 'Is 1 < 2?', tags: ['a', 'b'] }), [
      { role: 'user', content: [{ text: 'Is 1 < 2? [a][b]' }] },
      { role: 'model', content: [{ text: 'Sure.' }] },
    ]);
  });

  it('expands a thread input into its messages where it stands', async () => {
    const source = lines('---', 'inputs:', '  - name: history', '    kind: thread', '  - name: question', '    default: Next?', '---', 'system:', 'Be brief.', '{{history}}', 'user:', '{{question}}');
    const history = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello!' },
    ];
    assert.deepEqual(await render(source, { history }), [
      { role: 'system', content: [{ text: 'Be brief.' }] },
      { role: 'user', content: [{ text: 'Hi' }] },
      { role: 'model', content: [{ text: 'Hello!' }] },
      { role: 'user', content: [{ text: 'Next?' }] },
    ]);
  });

  it('treats text before the first role line as the system message, and renders a body-only file', async () => {
    assert.deepEqual(await render('Summarize {{text}}.\nuser:\nGo', { text: 'this' }), [
      { role: 'system', content: [{ text: 'Summarize this.' }] },
      { role: 'user', content: [{ text: 'Go' }] },
    ]);
  });

  it('reads a ${file:path} default from the referenced file, parsing JSON files', async () => {
    const source = lines('---', 'inputs:', '  - name: policy', '    default: ${file:policy.md}', '  - name: plan', '    kind: object', '    default: ${file:plan.json}', '---', 'system:', '{{policy}} {{plan.tier}}');
    assert.deepEqual(await render(source, {}, { 'policy.md': 'Be kind.', 'plan.json': '{"tier": "gold"}' }), [{ role: 'system', content: [{ text: 'Be kind. gold' }] }]);
  });

  it('refuses a template that does not parse with the checker sentence at the file position', async () => {
    assert.deepEqual(await render(lines('---', 'name: x', '---', 'user:', '{% if a %}open')), {
      error: '{% if a %} is never closed; add {% endif %} after its content.',
      position: { line: 4, character: 0 },
    });
  });

  const threadPrompt = lines('---', 'inputs:', '  - name: history', '    kind: thread', '---', 'system:', 'Be brief.', '{{history}}', 'Then answer.');

  it('turns each thread item into a message: plain values as user text, known roles mapped, parts kept, anything else as JSON', async () => {
    const history = ['plain', 7, { role: 'Developer', content: [{ text: 'a' }, 'b', 3] }, { role: 'TOOL', content: 'r' }, { role: 'robot' }, { content: { x: 1 } }];
    assert.deepEqual(await render(threadPrompt, { history }), [
      { role: 'system', content: [{ text: 'Be brief.' }] },
      { role: 'user', content: [{ text: 'plain' }] },
      { role: 'user', content: [{ text: '7' }] },
      { role: 'system', content: [{ text: 'a' }, { text: 'b' }, { text: '3' }] },
      { role: 'tool', content: [{ text: 'r' }] },
      { role: 'user', content: [{ text: '""' }] },
      { role: 'user', content: [{ text: '{"x":1}' }] },
      { role: 'system', content: [{ text: 'Then answer.' }] },
    ]);
  });

  it('renders a thread input that is missing or not a list as no messages, keeping the text around it', async () => {
    const expected = [
      { role: 'system', content: [{ text: 'Be brief.' }] },
      { role: 'system', content: [{ text: 'Then answer.' }] },
    ];
    assert.deepEqual(await render(threadPrompt, { history: 'nope' }), expected);
    assert.deepEqual(await render(threadPrompt), expected);
  });

  it('parses a .JSON file default whatever its case, keeps a broken JSON file as text, and leaves out a file that is missing', async () => {
    const source = lines('---', 'inputs:', '  - name: plan', '    default: ${file:plan.JSON}', '  - name: bad', '    default: ${file:bad.json}', '  - name: gone', '    default: ${file:gone.md}', '---', 'user:', '{{plan.tier}}|{{bad}}|{{gone}}');
    assert.deepEqual(await render(source, {}, { 'plan.JSON': '{"tier": "gold"}', 'bad.json': '{oops' }), [{ role: 'user', content: [{ text: 'gold|{oops|' }] }]);
  });

  it('lets a given input win over a ${file:path} default', async () => {
    const source = lines('---', 'inputs:', '  - name: policy', '    default: ${file:policy.md}', '---', 'user:', '{{policy}}');
    assert.deepEqual(await render(source, { policy: 'given' }, { 'policy.md': 'file' }), [{ role: 'user', content: [{ text: 'given' }] }]);
  });

  it('reports a render failure as one sentence in nunjucks words, without its path or error prefix, at the template start', async () => {
    assert.deepEqual(await render(lines('---', 'name: x', '---', 'user:', '{{ a() }}')), {
      error: 'The template does not render: Unable to call `a`, which is undefined or falsey.',
      position: { line: 3, character: 0 },
    });
    assert.deepEqual(await render(lines('---', 'name: x', '---', 'user:', '{{ "x" | nosuch }}')), {
      error: 'The template does not render: filter not found: nosuch.',
      position: { line: 3, character: 0 },
    });
  });

  it('refuses front matter that is not YAML with the YAML sentence at its position', async () => {
    assert.deepEqual(await render(lines('---', 'name: [x', '---', 'user:', 'hi')), {
      error: 'Flow sequence in block collection must be sufficiently indented and end with a ].',
      position: { line: 1, character: 7 },
    });
  });
});
