import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitError } from '../../../../src/node/git/gitError';
import {
  appendRegistryJournal,
  journalTimestamp,
  localPromptFile,
  openRegistryWorkspace,
  readRegistryJournal,
  registryIdentity,
} from '../../../../src/node/registries/registryWorkspace';
import { GitFixture } from '../gitFixture';

const entry = { at: '2026-01-02T03:04:05Z', by: 'Ada', action: 'promote', registry: 'https://registry.test', prompt: 'support', label: 'prod', from: null, to: 3, note: '' } as const;

describe('The registry workspace', () => {
  let folder: string;

  beforeEach(() => {
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-registry-')));
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('a folder outside Git is its own workspace, with the journal and default manifest under it', async () => {
    const workspace = await openRegistryWorkspace(folder);
    assert.deepEqual(workspace, {
      root: folder,
      repository: undefined,
      journalFile: path.join(folder, '.promptops', 'registry-journal.jsonl'),
      releasesFile: 'prompt-releases.yaml',
      manifestFile: path.join(folder, 'prompt-releases.yaml'),
    });
  });

  it('a configured manifest file is used instead of the default', async () => {
    const workspace = await openRegistryWorkspace(folder, { releasesFile: 'ops/releases.yaml' });
    assert.equal(workspace.releasesFile, 'ops/releases.yaml');
    assert.equal(workspace.manifestFile, path.join(folder, 'ops', 'releases.yaml'));
  });

  it('a folder inside a repository works at the repository root', async () => {
    const fixture = GitFixture.create();
    try {
      fixture.commit('first', { files: { 'prompts/a.prompt': 'hello\n' } });
      const workspace = await openRegistryWorkspace(path.join(fixture.root, 'prompts'));
      assert.equal(workspace.root, fixture.root);
      assert.equal(workspace.repository?.root, fixture.root);
      assert.equal(workspace.journalFile, path.join(fixture.root, '.promptops', 'registry-journal.jsonl'));
    } finally {
      fixture.dispose();
    }
  });

  it('a git that cannot be started is not mistaken for a folder outside Git', async () => {
    await assert.rejects(openRegistryWorkspace(folder, { gitPath: path.join(folder, 'no-such-git') }), (error: unknown) => {
      assert.ok(error instanceof GitError);
      assert.equal(error.kind, 'gitMissing');
      return true;
    });
  });

  it('a missing journal reads as empty', async () => {
    const workspace = await openRegistryWorkspace(folder);
    assert.deepEqual(readRegistryJournal(workspace), { entries: [], problems: [] });
  });

  it('appended entries are written one JSON line each, in a folder made for them, and read back', async () => {
    const workspace = await openRegistryWorkspace(folder);
    appendRegistryJournal(workspace, [entry, { ...entry, action: 'rollback', from: 3, to: 2, note: 'bad' }]);
    appendRegistryJournal(workspace, [{ ...entry, to: 4 }]);
    const text = fs.readFileSync(workspace.journalFile, 'utf8');
    assert.equal(
      text,
      '{"at":"2026-01-02T03:04:05Z","by":"Ada","action":"promote","registry":"https://registry.test","prompt":"support","label":"prod","from":null,"to":3,"note":""}\n' +
        '{"at":"2026-01-02T03:04:05Z","by":"Ada","action":"rollback","registry":"https://registry.test","prompt":"support","label":"prod","from":3,"to":2,"note":"bad"}\n' +
        '{"at":"2026-01-02T03:04:05Z","by":"Ada","action":"promote","registry":"https://registry.test","prompt":"support","label":"prod","from":null,"to":4,"note":""}\n',
    );
    assert.deepEqual(
      readRegistryJournal(workspace).entries.map((read) => read.to),
      [3, 2, 4],
    );
  });

  it('appending no entries writes nothing, not even the journal folder', async () => {
    const workspace = await openRegistryWorkspace(folder);
    appendRegistryJournal(workspace, []);
    assert.equal(fs.existsSync(path.join(folder, '.promptops')), false);
  });

  it('journal timestamps are ISO 8601 to the second', () => {
    assert.equal(journalTimestamp(new Date('2026-01-02T03:04:05.678Z')), '2026-01-02T03:04:05Z');
    assert.match(journalTimestamp(), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('outside Git the mover is the OS user', async () => {
    assert.equal(await registryIdentity(await openRegistryWorkspace(folder)), os.userInfo().username);
  });

  describe('in a repository', () => {
    let fixture: GitFixture;

    beforeEach(() => {
      fixture = GitFixture.create();
    });

    afterEach(() => fixture.dispose());

    it("the mover is git's trimmed name and email", async () => {
      fixture.git(['config', 'user.name', '  Ada Lovelace  ']);
      fixture.git(['config', 'user.email', ' ada@example.com ']);
      assert.equal(await registryIdentity(await openRegistryWorkspace(fixture.root)), 'Ada Lovelace <ada@example.com>');
    });

    it('a name without an email is the mover on its own', async () => {
      fixture.git(['config', 'user.email', '  ']);
      assert.equal(await registryIdentity(await openRegistryWorkspace(fixture.root)), 'Ada Lovelace');
    });

    it('an empty git name falls back to the OS user', async () => {
      fixture.git(['config', 'user.name', ' ']);
      assert.equal(await registryIdentity(await openRegistryWorkspace(fixture.root)), os.userInfo().username);
    });

    it('the local prompt file of an id is found in the working tree by its id', async () => {
      fixture.write('prompts/support.prompt', '---\nmodel: m\n---\nhello\n');
      const workspace = await openRegistryWorkspace(fixture.root);
      assert.equal(localPromptFile(workspace, 'prompts/support'), path.join(fixture.root, 'prompts', 'support.prompt'));
      assert.equal(localPromptFile(workspace, 'prompts/missing'), undefined);
    });
  });

  it('outside Git the local prompt file of an id is <id>.prompt under the folder, when it exists', async () => {
    fs.mkdirSync(path.join(folder, 'support'));
    fs.writeFileSync(path.join(folder, 'support', 'reply.prompt'), 'hello\n');
    const workspace = await openRegistryWorkspace(folder);
    assert.equal(localPromptFile(workspace, 'support/reply'), path.join(folder, 'support', 'reply.prompt'));
    assert.equal(localPromptFile(workspace, 'support/other'), undefined);
  });
});
