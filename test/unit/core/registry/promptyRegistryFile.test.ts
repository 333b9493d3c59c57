import * as assert from 'node:assert/strict';
import { checkPromptDocument } from '../../../../src/core/checks/checkPrompt';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { promptyFileOf, promptyRegistryConfig } from '../../../../src/core/formats/prompty/promptyRegistryFile';

const provenance = { commit: 'a'.repeat(40), sha256: 'b'.repeat(64), path: 'support/answer.prompty' };

describe('Prompty files from registry versions', () => {
  it('writes a chat version as role lines, its variables as string inputs, a placeholder as a thread input, and the model with its options', () => {
    const written = promptyFileOf(
      {
        content: {
          type: 'chat',
          prompt: [
            { kind: 'message', role: 'system', content: 'You answer for {{team}}.' },
            { kind: 'placeholder', name: 'history' },
            { kind: 'message', role: 'assistant', content: 'Ready.' },
            { kind: 'message', role: 'user', content: 'About {{ product }}: {{question}}\n' },
          ],
        },
        config: { model: 'gpt-4o', temperature: 0.7, promptops: provenance },
      },
      'support/answer',
    );
    assert.deepEqual(written, {
      ok: true,
      text: [
        '---',
        'name: support/answer',
        'model:',
        '  id: gpt-4o',
        '  options:',
        '    temperature: 0.7',
        'inputs:',
        '  team:',
        '    kind: string',
        '  product:',
        '    kind: string',
        '  question:',
        '    kind: string',
        '  history:',
        '    kind: thread',
        'template:',
        '  format:',
        '    kind: mustache',
        '  parser:',
        '    kind: prompty',
        '---',
        'system:',
        'You answer for {{team}}.',
        '',
        '{{history}}',
        '',
        'assistant:',
        'Ready.',
        '',
        'user:',
        'About {{ product }}: {{question}}',
        '',
      ].join('\n'),
    });
  });

  it('the written file checks clean and renders the thread at its place', async () => {
    const written = promptyFileOf({
      content: {
        type: 'chat',
        prompt: [
          { kind: 'message', role: 'system', content: 'You answer for {{team}}.' },
          { kind: 'placeholder', name: 'history' },
          { kind: 'message', role: 'user', content: '{{question}}' },
        ],
      },
      config: {},
    });
    assert.ok(written.ok);
    const document = parsePromptDocument(written.text, { path: 'answer.prompty' });
    assert.deepEqual(
      checkPromptDocument(document, undefined).filter((diagnostic) => diagnostic.severity === 'error'),
      [],
    );
    const rendered = await document.format.render({ document, input: { team: 'billing', question: 'Why?', history: [{ role: 'user', content: 'Earlier' }, { role: 'assistant', content: 'Noted' }] }, includes: () => undefined });
    assert.ok(rendered.ok, rendered.ok ? '' : rendered.error);
    assert.deepEqual(
      rendered.rendered.messages.map((message) => [message.role, message.content.map((part) => ('text' in part ? part.text : '')).join('').trim()]),
      [
        ['system', 'You answer for billing.'],
        ['user', 'Earlier'],
        ['model', 'Noted'],
        ['user', 'Why?'],
      ],
    );
  });

  it('writes a text version as a body without role lines', () => {
    assert.deepEqual(promptyFileOf({ content: { type: 'text', prompt: 'Hi {{name}}' }, config: {} }), {
      ok: true,
      text: '---\ninputs:\n  name:\n    kind: string\ntemplate:\n  format:\n    kind: mustache\n  parser:\n    kind: prompty\n---\nHi {{name}}\n',
    });
  });

  it('refuses a message role a Prompty body has no role line for, naming it', () => {
    assert.deepEqual(promptyFileOf({ content: { type: 'chat', prompt: [{ kind: 'message', role: 'critic\u001b', content: 'x' }] }, config: {} }), {
      ok: false,
      problem: "it has a message with the role 'critic\\x1b', which a Prompty body has no role line for (system, user, assistant, developer, tool)",
    });
  });

  it('reads the registry config from model.id and model.options, or a plain model name', () => {
    assert.deepEqual(promptyRegistryConfig({ model: { id: 'gpt-4', provider: 'openai', options: { temperature: 0.7, maxOutputTokens: 1000 } } }), { temperature: 0.7, maxOutputTokens: 1000, model: 'gpt-4' });
    assert.deepEqual(promptyRegistryConfig({ model: 'gpt-4' }), { model: 'gpt-4' });
    assert.deepEqual(promptyRegistryConfig({ model: { options: ['not', 'a', 'map'] } }), {});
    assert.deepEqual(promptyRegistryConfig({}), {});
  });
});
