import * as assert from 'node:assert/strict';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { ReleaseRefusal } from '../../../../src/core/releases/releaseRefusal';
import { prepareRegistryContent, refuseUnreleasable } from '../../../../src/node/registries/registryContent';

const noPartials = (): undefined => undefined;
const options = (flatten: boolean) => ({ flatten, registryName: 'Langfuse', partials: noPartials });

function refusal(message: string, details: readonly string[]) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof ReleaseRefusal, `expected a ReleaseRefusal, got ${String(error)}`);
    assert.equal(error.message, message);
    assert.deepEqual(error.details, details);
    return true;
  };
}

const withIf = '---\nmodel: m1\nconfig:\n  temperature: 0.2\n---\n{{#if vip}}Dear {{name}}{{/if}} hi\n';

describe('Registry content of a prompt', () => {
  it('a prompt of plain placeholders becomes text content without warnings', async () => {
    assert.deepEqual(await prepareRegistryContent('Hello {{name}}\n', 'a.prompt', options(false)), { content: { type: 'text', prompt: 'Hello {{name}}' }, config: {}, warnings: [] });
  });

  it('one Handlebars feature is refused as "a Handlebars feature", located in the details', async () => {
    await assert.rejects(
      prepareRegistryContent(withIf, 'a.prompt', options(false)),
      refusal('a.prompt uses a Handlebars feature Langfuse will not reproduce; pass --flatten to push its rendered shape (partials inlined, blocks and helpers run once) instead.', [
        "a.prompt:6:1: {{#if vip}} is a Handlebars block, which Langfuse's {{variable}} substitution does not run.",
      ]),
    );
  });

  it('several features are counted, each located at its line and column', async () => {
    const source = '---\ninput:\n  schema:\n    items(array): string\n---\n{{#each items}}{{this}}{{/each}}\n{{#if x}}y{{/if}}\n';
    await assert.rejects(
      prepareRegistryContent(source, 'b.prompt', options(false)),
      refusal('b.prompt uses 3 Handlebars features Langfuse will not reproduce; pass --flatten to push its rendered shape (partials inlined, blocks and helpers run once) instead.', [
        "b.prompt:6:1: {{#each items}} is a Handlebars block, which Langfuse's {{variable}} substitution does not run.",
        "b.prompt:6:16: {{this}} is a scoped reference (@, ../ or this), which Langfuse's {{variable}} substitution does not run.",
        "b.prompt:7:1: {{#if x}} is a Handlebars block, which Langfuse's {{variable}} substitution does not run.",
      ]),
    );
  });

  it('control characters in the registry name are escaped in the located details', async () => {
    await assert.rejects(
      prepareRegistryContent('{{#if a}}x{{/if}}\n', 'h.prompt', { flatten: false, registryName: 'Lang\u0007fuse', partials: noPartials }),
      refusal('h.prompt uses a Handlebars feature Lang\u0007fuse will not reproduce; pass --flatten to push its rendered shape (partials inlined, blocks and helpers run once) instead.', [
        "h.prompt:1:1: {{#if a}} is a Handlebars block, which Lang\\x07fuse's {{variable}} substitution does not run.",
      ]),
    );
  });

  it('flattened, a text prompt is rendered with each input as its placeholder, keeps its config and says it was flattened', async () => {
    assert.deepEqual(await prepareRegistryContent(withIf, 'a.prompt', options(true)), {
      content: { type: 'text', prompt: 'Dear {{name}} hi' },
      config: { temperature: 0.2, model: 'm1' },
      warnings: ["a.prompt:6:1: {{#if vip}} is a Handlebars block, which Langfuse's {{variable}} substitution does not run. (flattened)", 'a.prompt was flattened: Langfuse gets the rendered shape, not the template.'],
    });
  });

  it('flattened, a prompt with role sections stays chat, even with a single message', async () => {
    const two = await prepareRegistryContent('{{role "system"}}\nBe brief.\n{{role "user"}}\n{{#if vip}}VIP {{/if}}{{q}}\n', 'c.prompt', options(true));
    assert.deepEqual(two.content, {
      type: 'chat',
      prompt: [
        { kind: 'message', role: 'system', content: 'Be brief.' },
        { kind: 'message', role: 'user', content: 'VIP {{q}}' },
      ],
    });
    const one = await prepareRegistryContent('{{role "user"}}\n{{#if a}}x {{/if}}{{q}}\n', 'g.prompt', options(true));
    assert.deepEqual(one.content, { type: 'chat', prompt: [{ kind: 'message', role: 'user', content: 'x {{q}}' }] });
  });

  it('flattened, the variables a partial reads stay placeholders, also through a partial inside a partial', async () => {
    const partials = (name: string): string | undefined => ({ greet: 'Hi {{name}}, {{> sign}}', sign: 'from {{team.name}}' })[name];
    assert.deepEqual(await prepareRegistryContent('{{> greet}}\n{{#if vip}}VIP {{tier}}{{/if}}\n', 'p.prompt', { flatten: true, registryName: 'Langfuse', partials }), {
      content: { type: 'text', prompt: 'Hi {{name}}, from {{team.name}}VIP {{tier}}' },
      config: {},
      warnings: ["p.prompt:1:1: {{> greet}} is a partial, which Langfuse's {{variable}} substitution does not run. (flattened)", "p.prompt:2:1: {{#if vip}} is a Handlebars block, which Langfuse's {{variable}} substitution does not run. (flattened)", 'p.prompt was flattened: Langfuse gets the rendered shape, not the template.'],
    });
  });

  it('a prompt that does not render cannot be flattened, and says why', async () => {
    await assert.rejects(prepareRegistryContent('{{> missing}} {{#if a}}b{{/if}}\n', 'd.prompt', options(true)), refusal('d.prompt cannot be flattened: it does not render (The partial "missing" could not be found.).', []));
  });

  it('a prompt that fails its checks is refused at its line and column; one that passes is not', async () => {
    await assert.rejects(refuseUnreleasable(parsePromptDocument('Hello {{#if}}\n', { path: 'f.prompt' }), noPartials), refusal('f.prompt:1:7: {{#if}} is never closed; add {{/if}} after its content. A prompt that fails its checks is not pushed.', []));
    await refuseUnreleasable(parsePromptDocument('Hello {{name}}\n', { path: 'f.prompt' }), noPartials);
  });
});
