import * as assert from 'node:assert/strict';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { parseRegistryVersion, registryLabelProblem } from '../../../../src/core/registry/registryLabels';
import { promptFileOf, registryConfigOf, registryContentOf } from '../../../../src/core/registry/registryPromptContent';
import { unportableFeaturesOf } from '../../../../src/core/formats/dotprompt/registryTemplateFeatures';
import { roleSectionsOf } from '../../../../src/core/formats/dotprompt/templateSections';
import { placeholderInput } from '../../../../src/core/registry/placeholderInput';
import { analyzePromptDocument } from '../../../../src/core/checks/checkPrompt';
import { escapeControlCharacters } from '../../../../src/core/document/controlCharacters';

function contentOf(text: string) {
  const document = parsePromptDocument(text);
  return registryContentOf({ sections: roleSectionsOf(document), text: document.template.source });
}

describe('registry content of a prompt', () => {
  it('one chat message per role section; text before the first marker is the user\'s; model becomes assistant', () => {
    assert.deepEqual(contentOf('---\nmodel: x\n---\nContext {{a}}\n{{role "system"}}\nBe brief.\n\n{{ role "model" }}\nOK.\n{{role "user"}}\n{{question}}\n'), {
      type: 'chat',
      prompt: [
        { kind: 'message', role: 'user', content: 'Context {{a}}' },
        { kind: 'message', role: 'system', content: 'Be brief.' },
        { kind: 'message', role: 'assistant', content: 'OK.' },
        { kind: 'message', role: 'user', content: '{{question}}' },
      ],
    });
  });

  it('a prompt without role markers is one text; empty sections are left out', () => {
    assert.deepEqual(contentOf('Hello {{name}}\n'), { type: 'text', prompt: 'Hello {{name}}' });
    assert.deepEqual(contentOf('{{role "system"}}\n\n{{role "user"}}Hi\n'), { type: 'chat', prompt: [{ kind: 'message', role: 'user', content: 'Hi' }] });
  });

  it('model and config go into the registry config', () => {
    assert.deepEqual(registryConfigOf({ model: 'gpt-4o', config: { temperature: 0.1 } }), { temperature: 0.1, model: 'gpt-4o' });
    assert.deepEqual(registryConfigOf({ config: ['not', 'a', 'map'] }), {});
  });

  it('a pulled version becomes a .prompt: model and config without provenance, roles, placeholders as history', () => {
    const text = promptFileOf(
      {
        content: { type: 'chat', prompt: [{ kind: 'message', role: 'system', content: 'S' }, { kind: 'placeholder', name: 'chat_history' }, { kind: 'message', role: 'assistant', content: 'A' }] },
        config: { model: 'm', max_tokens: 5, promptops: { sha256: 'x' } },
      },
      'team/name',
    );
    assert.equal(text, '---\nname: team/name\nmodel: m\nconfig:\n  max_tokens: 5\n---\n{{role "system"}}\nS\n\n{{history}}\n\n{{role "model"}}\nA\n');
    assert.equal(promptFileOf({ content: { type: 'text', prompt: 'Hi' }, config: {} }), 'Hi\n');
  });

  it('finds blocks, partials, helpers, scoped references, comments, raw tags and whitespace control, but not top-level role markers or plain variables', () => {
    const document = parsePromptDocument('{{role "system"}}\n{{name}} {{a.b}}\n{{#if x}}y{{/if}}\n{{> part}}\n{{json data}}\n{{@root.z}}\n{{! note }}\n{{{raw}}}\n{{~trim}}\n');
    assert.deepEqual(unportableFeaturesOf(document).map((feature) => [feature.kind, feature.tag, feature.range.start.line]), [
      ['block', '{{#if x}}', 2],
      ['partial', '{{> part}}', 3],
      ['helper', '{{json data}}', 4],
      ['reference', '{{@root.z}}', 5],
      ['comment', '{{! note }}', 6],
      ['raw', '{{{raw}}}', 7],
      ['whitespace-control', '{{~trim}}', 8],
    ]);
    assert.deepEqual(unportableFeaturesOf(parsePromptDocument('Hi {{name}} {{customer.company}}\n')), []);
  });

  it('the flatten input renders every input path as its own placeholder', () => {
    const document = parsePromptDocument('---\ninput:\n  schema:\n    customer(object):\n      name: string\n    topic: string\n---\n{{#if topic}}{{customer.name}} on {{topic}}{{/if}}\n');
    assert.deepEqual(placeholderInput(analyzePromptDocument(document, undefined).analysis?.uses ?? []), { topic: '{{topic}}', customer: { name: '{{customer.name}}' } });
  });

  it('labels and version arguments follow Langfuse\'s rules', () => {
    assert.equal(registryLabelProblem('production'), undefined);
    assert.match(registryLabelProblem('latest') ?? '', /managed by the registry/);
    assert.match(registryLabelProblem('a'.repeat(37)) ?? '', /not a valid label/);
    assert.deepEqual(parseRegistryVersion('v12'), { ok: true, selector: { version: 12 } });
    assert.deepEqual(parseRegistryVersion('7'), { ok: true, selector: { version: 7 } });
    assert.deepEqual(parseRegistryVersion('latest'), { ok: true, selector: { label: 'latest' } });
    assert.equal(parseRegistryVersion('0').ok, false);
    assert.equal(parseRegistryVersion('Prod!').ok, false);
  });

  it('control characters print as escapes', () => {
    assert.equal(escapeControlCharacters('a\u001b[2Jb\nc\u0085'), 'a\\x1b[2Jb\\nc\\x85');
  });
});
