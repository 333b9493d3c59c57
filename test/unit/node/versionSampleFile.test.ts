import * as assert from 'node:assert/strict';
import { openPromptFile } from '../../../src/node/promptFileInRepository';
import { sampleFileAt } from '../../../src/node/versionSampleFile';
import { partialFileAt } from '../../../src/node/versionPartialSource';
import { GitFixture } from './gitFixture';

describe('Sample files and partials as a commit has them', () => {
  let fixture: GitFixture;
  afterEach(() => fixture.dispose());

  it('reads the sample file and partials of each commit, not the working tree', async () => {
    fixture = GitFixture.create();
    const first = fixture.commit('reply with a json sample and a tone partial', {
      files: { 'support/reply.prompt': '{{> tone}} {{ticket}}\n', 'support/reply.samples.json': '{"a": {"ticket": 1}}\n', 'support/partials/_tone.prompt': 'Be calm.\n' },
    });
    const second = fixture.commit('yaml samples win over yml; the partial moves', {
      files: { 'support/reply.samples.json': null, 'support/partials/_tone.prompt': null, 'support/reply.samples.yaml': 'b:\n  ticket: 2\n', 'support/reply.samples.yml': 'c:\n  ticket: 3\n', '_tone.prompt': 'Be brief.\n' },
    });
    fixture.write('support/reply.samples.yaml', 'edited in the working tree\n');
    const file = await openPromptFile(`${fixture.root}/support/reply.prompt`);

    assert.deepEqual(await sampleFileAt(file, { kind: 'commit', commit: first, path: 'support/reply.prompt' }), { ok: true, path: 'support/reply.samples.json', text: '{"a": {"ticket": 1}}\n' });
    assert.deepEqual(await sampleFileAt(file, { kind: 'commit', commit: second, path: 'support/reply.prompt' }), { ok: true, path: 'support/reply.samples.yaml', text: 'b:\n  ticket: 2\n' });
    assert.deepEqual(await partialFileAt(file, { kind: 'commit', commit: first, path: 'support/reply.prompt' })('tone'), { path: 'support/partials/_tone.prompt', text: 'Be calm.\n' });
    // The second commit's partial sits at the root, outside any partials/ folder, where the lookup does not look.
    assert.equal(await partialFileAt(file, { kind: 'commit', commit: second, path: 'support/reply.prompt' })('tone'), undefined);
  });

  it('has no sample file for a commit without one, and says why a sample file is not text', async () => {
    fixture = GitFixture.create();
    const without = fixture.commit('no samples yet', { files: { 'reply.prompt': '{{ticket}}\n' } });
    fixture.write('reply.samples.yaml', new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0x0a]));
    fixture.git(['add', 'reply.samples.yaml']);
    const binary = fixture.commit('a sample file that is not UTF-8');
    const file = await openPromptFile(`${fixture.root}/reply.prompt`);
    assert.equal(await sampleFileAt(file, { kind: 'commit', commit: without, path: 'reply.prompt' }), undefined);
    const read = await sampleFileAt(file, { kind: 'commit', commit: binary, path: 'reply.prompt' });
    assert.equal(read?.ok, false);
    assert.equal(read?.path, 'reply.samples.yaml');
  });
});
