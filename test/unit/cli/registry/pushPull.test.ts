import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runPromptops } from '../cliRunner';
import { sha256, summarizeV2, triageV1, useRegistryCliFixture } from './registryCliFixture';

describe('promptops push and pull (Langfuse)', () => {
  const fixture = useRegistryCliFixture();

  it('push sends a chat prompt with one message per role, its model and config, and the commit it came from', async () => {
    const { promptops, server, v2 } = fixture();
    const pushed = await promptops('push', 'support/summarize.prompt', '--label', 'production', '--message', 'Two sentences');
    assert.deepEqual(pushed, { code: 0, stdout: `Pushed support/summarize to Langfuse (${server.url}) as v1; production is new.\n`, stderr: '' });
    const stored = server.versionOf('support/summarize', 1);
    assert.equal(stored?.['type'], 'chat');
    assert.deepEqual(stored?.['prompt'], [
      { type: 'chatmessage', role: 'system', content: 'You summarize support tickets in two sentences.' },
      { type: 'chatmessage', role: 'user', content: "Summarize {{customer}}'s ticket: {{ticket}}" },
    ]);
    assert.deepEqual(stored?.['config'], { temperature: 0.2, model: 'googleai/gemini-2.0-flash', promptops: { commit: v2, sha256: sha256(summarizeV2), path: 'support/summarize.prompt' } });
    assert.equal(stored?.['commitMessage'], `Two sentences\n\nPushed by PromptOps from support/summarize.prompt at ${v2}`);
    assert.deepEqual(server.labelsOf('support/summarize'), new Map([[1, ['latest', 'production']]]));
  });

  it('push sends a prompt without roles as text', async () => {
    const { promptops, server } = fixture();
    assert.equal((await promptops('push', 'support/triage.prompt')).code, 0);
    assert.deepEqual([server.versionOf('support/triage', 1)?.['type'], server.versionOf('support/triage', 1)?.['prompt']], ['text', 'Classify this ticket as bug, question or billing: {{ticket}}']);
  });

  it('pushing the same bytes again creates no version: only the label moves', async () => {
    const { promptops, server } = fixture();
    await promptops('push', 'support/summarize.prompt', '--label', 'staging');
    const again = await promptops('push', 'support/summarize.prompt', '--label', 'staging');
    assert.equal(again.stdout, 'Langfuse already has these bytes of support/summarize as v1 labelled staging. Nothing to do.\n');
    const labelled = await promptops('push', 'support/summarize.prompt', '--label', 'production');
    assert.equal(labelled.stdout, 'Langfuse already has these bytes of support/summarize as v1; no new version; production is new.\n');
    assert.deepEqual(server.labelsOf('support/summarize'), new Map([[1, ['latest', 'production', 'staging']]]));
    assert.equal(server.requests.filter((request) => request.method === 'POST').length, 1);
  });

  it('a file with uncommitted changes is pushed with a warning and provenance without a commit', async () => {
    const { promptops, server, repo } = fixture();
    const edited = triageV1.replace('bug, question or billing', 'bug or question');
    repo.write('support/triage.prompt', edited);
    const pushed = await promptops('push', 'support/triage.prompt');
    assert.equal(pushed.code, 0);
    assert.equal(pushed.stderr, 'promptops push: warning: support/triage.prompt has uncommitted changes: it is pushed with its SHA-256 but no commit, so drift checks cannot place it in Git history.\n');
    assert.deepEqual((server.versionOf('support/triage', 1)?.['config'] as Record<string, unknown>)['promptops'], { sha256: sha256(edited), path: 'support/triage.prompt' });
  });

  it('a file outside Git is pushed with a warning', async () => {
    const { repo, server, env } = fixture();
    const folder = repo.plainFolder();
    fs.writeFileSync(path.join(folder, 'greet.prompt'), 'Hello {{name}}!\n');
    const pushed = await runPromptops(['push', 'greet.prompt'], folder, env);
    assert.equal(pushed.stderr, 'promptops push: warning: greet.prompt is not in a Git repository: it is pushed with its SHA-256 but no commit.\n');
    assert.equal(server.versionOf('greet', 1)?.['prompt'], 'Hello {{name}}!');
  });

  it('push refuses a prompt that fails its checks, with the line and column, and sends nothing', async () => {
    const { promptops, server, repo } = fixture();
    repo.write('support/triage.prompt', triageV1.replace('{{ticket}}', '{{#if ticket}}{{ticket}}'));
    const refused = await promptops('push', 'support/triage.prompt');
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr, 'promptops push: support/triage.prompt:6:51: {{#if ticket}} is never closed; add {{/if}} after its content. A prompt that fails its checks is not pushed.\n');
    assert.deepEqual(server.requests, []);
  });

  it('push refuses Handlebars features Langfuse will not run, naming each; --flatten pushes the rendered shape', async () => {
    const { promptops, server, repo } = fixture();
    repo.commit('digest', {
      files: {
        'support/digest.prompt': `---
input:
  schema:
    tickets(array): string
    team: string
---
{{role "system"}}
You write digests for {{team}}.
{{role "user"}}
{{#each tickets}}- {{this}}
{{/each}}
{{> sign}}
`,
        'support/_sign.prompt': 'Thanks, {{team}}\n',
      },
    });
    const refused = await promptops('push', 'support/digest.prompt');
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      [
        "promptops push: support/digest.prompt:10:1: {{#each tickets}} is a Handlebars block, which Langfuse's {{variable}} substitution does not run.",
        "support/digest.prompt:10:20: {{this}} is a scoped reference (@, ../ or this), which Langfuse's {{variable}} substitution does not run.",
        "support/digest.prompt:12:1: {{> sign}} is a partial, which Langfuse's {{variable}} substitution does not run.",
        "support/digest.prompt uses 3 Handlebars features Langfuse will not reproduce; pass --flatten to push its rendered shape (partials inlined, blocks and helpers run once) instead.",
        '',
      ].join('\n'),
    );
    assert.deepEqual(server.requests, []);
    const flattened = await promptops('push', 'support/digest.prompt', '--flatten');
    assert.equal(flattened.code, 0);
    assert.match(flattened.stderr, /promptops push: warning: support\/digest\.prompt was flattened: Langfuse gets the rendered shape, not the template\.\n$/);
    assert.deepEqual(server.versionOf('support/digest', 1)?.['prompt'], [
      { type: 'chatmessage', role: 'system', content: 'You write digests for {{team}}.' },
      { type: 'chatmessage', role: 'user', content: 'Thanks, {{team}}' },
    ]);
  });

  it('pull writes the version labelled production as a .prompt file at the repository root', async () => {
    const { promptops, server, repo } = fixture();
    server.seed('marketing/tagline', [
      { prompt: [{ role: 'system', content: 'You write taglines.' }, { role: 'assistant', content: 'Ready.' }, { role: 'user', content: 'Tagline for {{product}}' }], config: { model: 'gpt-4o', temperature: 0.7 }, labels: ['production'] },
      { prompt: [{ role: 'user', content: 'Newer {{product}}' }] },
    ]);
    const pulled = await promptops('pull', 'marketing/tagline');
    assert.deepEqual(pulled, { code: 0, stdout: 'Wrote marketing/tagline.prompt from marketing/tagline v1.\n', stderr: '' });
    assert.equal(
      fs.readFileSync(path.join(repo.root, 'marketing/tagline.prompt'), 'utf8'),
      '---\nmodel: gpt-4o\nconfig:\n  temperature: 0.7\n---\n{{role "system"}}\nYou write taglines.\n\n{{role "model"}}\nReady.\n\n{{role "user"}}\nTagline for {{product}}\n',
    );
    const check = await promptops('check', 'marketing/tagline.prompt');
    assert.equal(check.code, 0, check.stdout);
  });

  it('pull --version --out writes elsewhere in the workspace, naming the prompt when the path would not', async () => {
    const { promptops, server, repo } = fixture();
    server.seed('greeting', [{ prompt: 'Hi {{name}}' }, { prompt: 'Hello {{name}}' }]);
    const pulled = await promptops('pull', 'greeting', '--version', '1', '--out', 'drafts/old-greeting.prompt');
    assert.equal(pulled.stdout, 'Wrote drafts/old-greeting.prompt from greeting v1.\n');
    assert.equal(fs.readFileSync(path.join(repo.root, 'drafts/old-greeting.prompt'), 'utf8'), '---\nname: greeting\n---\nHi {{name}}\n');
  });

  it('pull of a pushed version gives back the pushed file byte for byte', async () => {
    const { promptops, repo } = fixture();
    await promptops('push', 'support/summarize.prompt', '--label', 'production');
    const pulled = await promptops('pull', 'support/summarize', '--out', 'copy/summarize.prompt');
    assert.equal(pulled.stdout, 'Wrote copy/summarize.prompt from support/summarize v1 (the file it was pushed from, byte for byte).\n');
    assert.equal(fs.readFileSync(path.join(repo.root, 'copy/summarize.prompt'), 'utf8'), summarizeV2);
  });

  it('pull refuses to write outside the workspace or over uncommitted changes, and writes nothing', async () => {
    const { promptops, server, repo } = fixture();
    server.seed('support/triage', [{ prompt: 'From Langfuse {{ticket}}', labels: ['production'] }]);
    const outside = await promptops('pull', 'support/triage', '--out', '../elsewhere.prompt');
    assert.equal(outside.code, 1);
    assert.match(outside.stderr, /^promptops pull: .*elsewhere\.prompt is outside the workspace \(.*\); pull writes only inside it\.\n$/);
    repo.write('support/triage.prompt', 'my edits\n');
    const dirty = await promptops('pull', 'support/triage');
    assert.equal(dirty.code, 1);
    assert.equal(dirty.stderr, 'promptops pull: support/triage.prompt has uncommitted changes (or is not committed); commit or stash them first, or pull with --out to another file.\n');
    assert.equal(fs.readFileSync(path.join(repo.root, 'support/triage.prompt'), 'utf8'), 'my edits\n');
    // The version is read to learn its format (and so the default file name); nothing is sent.
    assert.deepEqual(server.requests.filter((request) => request.method !== 'GET'), []);
  });

  it('pull over a committed, unchanged file replaces it', async () => {
    const { promptops, server, repo } = fixture();
    server.seed('support/triage', [{ prompt: 'From Langfuse {{ticket}}', labels: ['production'] }]);
    assert.equal((await promptops('pull', 'support/triage')).code, 0);
    assert.equal(fs.readFileSync(path.join(repo.root, 'support/triage.prompt'), 'utf8'), 'From Langfuse {{ticket}}\n');
  });
});
