import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sha256, useRegistryCliFixture } from './registryCliFixture';

/** A Prompty v2 chat prompt with a model id, options, inputs with defaults and three role sections. */
const answer = `---
name: support/answer
model:
  id: gpt-4o
  provider: openai
  options:
    temperature: 0.3
inputs:
  customer:
    kind: string
    default: Ada
  question:
    kind: string
    default: Where is my invoice?
---
system:
You answer billing questions for {{customer}}.

assistant:
Happy to help.

user:
{{question}}
`;

describe('promptops push and pull of Prompty files (Langfuse)', () => {
  const fixture = useRegistryCliFixture();

  it('push sends a .prompty as one chat message per role section, with model.id and its options as the config', async () => {
    const { promptops, server, repo } = fixture();
    const commit = repo.commit('answer', { files: { 'support/answer.prompty': answer } });
    const pushed = await promptops('push', 'support/answer.prompty', '--label', 'production');
    assert.deepEqual(pushed, { code: 0, stdout: `Pushed support/answer to Langfuse (${server.url}) as v1; production is new.\n`, stderr: '' });
    const stored = server.versionOf('support/answer', 1);
    assert.deepEqual(stored?.['prompt'], [
      { type: 'chatmessage', role: 'system', content: 'You answer billing questions for {{customer}}.' },
      { type: 'chatmessage', role: 'assistant', content: 'Happy to help.' },
      { type: 'chatmessage', role: 'user', content: '{{question}}' },
    ]);
    assert.deepEqual(stored?.['config'], { temperature: 0.3, model: 'gpt-4o', promptops: { commit, sha256: sha256(answer), path: 'support/answer.prompty' } });
  });

  it('push refuses a file of no prompt format, naming both formats, and sends nothing', async () => {
    const { promptops, server, repo } = fixture();
    repo.commit('notes', { files: { 'support/notes.md': 'Hi {{name}}\n' } });
    assert.deepEqual(await promptops('push', 'support/notes.md'), { code: 1, stdout: '', stderr: 'promptops push: notes.md is not a prompt file; push sends dotprompt (.prompt) and prompty (.prompty) files.\n' });
    assert.deepEqual(server.requests, []);
  });

  it('pull gives back a pushed .prompty byte for byte, as a .prompty by default', async () => {
    const { promptops, repo } = fixture();
    repo.commit('answer', { files: { 'support/answer.prompty': answer } });
    await promptops('push', 'support/answer.prompty', '--label', 'production');
    repo.commit('remove answer', { files: { 'support/answer.prompty': null } });
    const pulled = await promptops('pull', 'support/answer');
    assert.deepEqual(pulled, { code: 0, stdout: 'Wrote support/answer.prompty from support/answer v1 (the file it was pushed from, byte for byte).\n', stderr: '' });
    assert.equal(fs.readFileSync(path.join(repo.root, 'support/answer.prompty'), 'utf8'), answer);
    assert.equal(fs.existsSync(path.join(repo.root, 'support/answer.prompt')), false);
  });

  it('pull --out a .prompt of a pushed .prompty writes dotprompt built from the content, never the Prompty bytes', async () => {
    const { promptops, repo } = fixture();
    repo.commit('answer', { files: { 'support/answer.prompty': answer } });
    await promptops('push', 'support/answer.prompty');
    const pulled = await promptops('pull', 'support/answer', '--version', '1', '--out', 'drafts/answer.prompt');
    assert.equal(pulled.stdout, 'Wrote drafts/answer.prompt from support/answer v1.\n', pulled.stderr);
    assert.equal(
      fs.readFileSync(path.join(repo.root, 'drafts/answer.prompt'), 'utf8'),
      '---\nname: support/answer\nmodel: gpt-4o\nconfig:\n  temperature: 0.3\n---\n{{role "system"}}\nYou answer billing questions for {{customer}}.\n\n{{role "model"}}\nHappy to help.\n\n{{role "user"}}\n{{question}}\n',
    );
    const check = await promptops('check', 'drafts/answer.prompt');
    assert.equal(check.code, 0, check.stdout);
  });

  it('pull --out a .prompty of a version made in the registry writes a Prompty file that checks clean and renders', async () => {
    const { promptops, server, repo } = fixture();
    server.seed('marketing/tagline', [{ prompt: [{ role: 'system', content: 'You write taglines.' }, { role: 'user', content: 'Tagline for {{product}}' }], config: { model: 'gpt-4o', temperature: 0.7 }, labels: ['production'] }]);
    const pulled = await promptops('pull', 'marketing/tagline', '--out', 'marketing/tagline.prompty');
    assert.deepEqual(pulled, { code: 0, stdout: 'Wrote marketing/tagline.prompty from marketing/tagline v1.\n', stderr: '' });
    assert.equal(
      fs.readFileSync(path.join(repo.root, 'marketing/tagline.prompty'), 'utf8'),
      '---\nmodel:\n  id: gpt-4o\n  options:\n    temperature: 0.7\ninputs:\n  product:\n    kind: string\ntemplate:\n  format:\n    kind: mustache\n  parser:\n    kind: prompty\n---\nsystem:\nYou write taglines.\n\nuser:\nTagline for {{product}}\n',
    );
    assert.equal((await promptops('check', 'marketing/tagline.prompty')).code, 0);
    const rendered = await promptops('render', 'marketing/tagline.prompty', '--input', '{"product":"Ink & Co"}', '--format', 'json');
    assert.equal(rendered.code, 0, rendered.stderr);
    const messages = (JSON.parse(rendered.stdout) as { messages: { role: string; content: { text: string }[] }[] }).messages;
    assert.deepEqual(
      messages.map((message) => [message.role, message.content.map((part) => part.text).join('').trim()]),
      [
        ['system', 'You write taglines.'],
        ['user', 'Tagline for Ink & Co'],
      ],
    );
  });

  it('pull refuses a target that is not a prompt file before reading the registry, and writes nothing', async () => {
    const { promptops, server, repo } = fixture();
    server.seed('marketing/tagline', [{ prompt: 'Tagline for {{product}}', labels: ['production'] }]);
    const refused = await promptops('pull', 'marketing/tagline', '--out', 'notes/tagline.txt');
    assert.deepEqual(refused, { code: 1, stdout: '', stderr: 'promptops pull: notes/tagline.txt is not a prompt file; pull writes dotprompt (.prompt) and prompty (.prompty) files.\n' });
    assert.equal(fs.existsSync(path.join(repo.root, 'notes')), false);
    assert.deepEqual(server.requests, []);
  });
});
