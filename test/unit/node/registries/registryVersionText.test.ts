import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { formatOfFile } from '../../../../src/core/formats/promptFileKind';
import type { RegistryPromptVersion } from '../../../../src/core/registry/promptRegistry';
import { ReleaseRefusal } from '../../../../src/core/releases/releaseRefusal';
import { openRepository, type GitRepository } from '../../../../src/node/git/gitRepository';
import { registryVersionSha256, registryVersionText } from '../../../../src/node/registries/registryVersionText';
import { GitFixture } from '../gitFixture';

const pushed = '---\nmodel: m1\n---\nHello  {{name}}\n';
const dotpromptFormat = formatOfFile('a.prompt');
const promptyFormat = formatOfFile('a.prompty');
const sha = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

function version(config: Record<string, unknown>, content: RegistryPromptVersion['content'] = { type: 'text', prompt: 'Hello {{name}}' }): RegistryPromptVersion {
  return { name: 'greet', version: 3, content, config, labels: [], tags: [], commitMessage: undefined, createdAt: undefined, createdBy: undefined };
}

describe('The text of a registry version', () => {
  let fixture: GitFixture;
  let repository: GitRepository;
  let commit: string;

  beforeEach(async () => {
    fixture = GitFixture.create();
    commit = fixture.commit('greet', { files: { 'greet.prompt': pushed, 'bytes.prompt': new Uint8Array([0xff, 0xfe, 0x0a]) } });
    repository = await openRepository(fixture.root);
  });

  afterEach(() => fixture.dispose());

  it('is the pushed file itself when Git has it at the provenance commit with the recorded SHA-256', async () => {
    const text = await registryVersionText(version({ model: 'm1', promptops: { commit, sha256: sha(pushed), path: 'greet.prompt' } }), repository);
    assert.deepEqual(text, { text: pushed, exact: true, format: dotpromptFormat });
  });

  it('is built from the registry content when the bytes in Git do not match the recorded SHA-256', async () => {
    const text = await registryVersionText(version({ model: 'm1', promptops: { commit, sha256: '0'.repeat(64), path: 'greet.prompt' } }), repository);
    assert.deepEqual(text, { text: '---\nmodel: m1\n---\nHello {{name}}\n', exact: false, format: dotpromptFormat });
  });

  it('is built from the content when the commit is missing, outside a repository, or without a commit in the provenance', async () => {
    const built = { text: '---\nmodel: m1\n---\nHello {{name}}\n', exact: false, format: dotpromptFormat };
    assert.deepEqual(await registryVersionText(version({ model: 'm1', promptops: { commit: 'f'.repeat(40), sha256: sha(pushed), path: 'greet.prompt' } }), repository), built);
    assert.deepEqual(await registryVersionText(version({ model: 'm1', promptops: { commit, sha256: sha(pushed), path: 'greet.prompt' } }), undefined), built);
    assert.deepEqual(await registryVersionText(version({ model: 'm1', promptops: { sha256: sha(pushed), path: 'greet.prompt' } }), repository), built);
  });

  it('is built from the content when the pushed bytes are not UTF-8 text', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x0a]);
    const text = await registryVersionText(version({ promptops: { commit, sha256: sha(bytes), path: 'bytes.prompt' } }), repository);
    assert.deepEqual(text, { text: 'Hello {{name}}\n', exact: false, format: dotpromptFormat });
  });

  it('is built in the asked format when it differs from the pushed file\'s, with the given name', async () => {
    const text = await registryVersionText(version({ promptops: { commit, sha256: sha(pushed), path: 'greet.prompt' } }), repository, { format: promptyFormat, name: 'hello' });
    assert.equal(text.exact, false);
    assert.equal(text.format, promptyFormat);
    assert.match(text.text, /^---\nname: hello\n/);
  });

  it('is refused, in one sentence, when the format cannot hold the version', async () => {
    const chat = version({ promptops: { sha256: sha(pushed), path: 'greet.prompty' } }, { type: 'chat', prompt: [{ kind: 'message', role: 'narrator', content: 'x' }] });
    await assert.rejects(registryVersionText(chat, repository), (error: unknown) => {
      assert.ok(error instanceof ReleaseRefusal);
      assert.equal(error.message, "greet v3 cannot be written as a prompty (.prompty) file: it has a message with the role 'narrator', which a Prompty body has no role line for (system, user, assistant, developer, tool).");
      return true;
    });
  });

  it('is known by its provenance SHA-256, else by that of its .prompt text', () => {
    assert.equal(registryVersionSha256(version({ promptops: { sha256: 'a'.repeat(64), path: 'greet.prompt' } })), 'a'.repeat(64));
    assert.equal(registryVersionSha256(version({ model: 'm1' })), sha('---\nmodel: m1\n---\nHello {{name}}\n'));
  });
});
