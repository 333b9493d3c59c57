import * as assert from 'node:assert/strict';
import { loadPromptBundle, renderResolved, resolvePrompt, verifyPromptBundle } from '../../../../src/runtime/promptRuntime';
import { GitFixture } from '../../node/gitFixture';
import { runPromptops } from '../cliRunner';

const file = 'support/reply.prompty';
const prompt = `---
name: support/reply
inputs:
  - name: policy
    default: \${file:policy.md}
  - name: who
    default: Ana
---
system:
{{ policy }}
user:
Hello from {{ who | upper }}
`;

describe('Prompty releases', () => {
  let fixture: GitFixture;
  beforeEach(() => {
    fixture = GitFixture.create();
  });
  afterEach(() => fixture.dispose());

  it('refuses to promote a .prompty version whose referenced file is missing at its commit, promotes the next, and the runtime renders its export with the file', async () => {
    fixture.commit('Add reply', { files: { [file]: prompt } });
    const brokenCommit = fixture.git(['rev-parse', 'HEAD']);
    const refused = await runPromptops(['promote', file, brokenCommit, '--yes'], fixture.root);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /does not pass check, so it is not released: support\/reply\.prompty:5:14: The file 'policy\.md' this prompt references does not exist/);

    fixture.commit('Add the policy', { files: { 'support/policy.md': 'Refunds within 30 days.', [file]: prompt.replace('name: support/reply', 'name: support/reply\ndescription: Replies with the policy') } });
    const fixedCommit = fixture.git(['rev-parse', 'HEAD']);
    const promoted = await runPromptops(['promote', file, fixedCommit, '--yes'], fixture.root);
    assert.equal(promoted.code, 0, promoted.stderr);
    const exported = await runPromptops(['export'], fixture.root);
    assert.equal(exported.code, 0, exported.stderr);
    const bundle = loadPromptBundle(exported.stdout);
    await verifyPromptBundle(bundle);
    const rendered = await renderResolved(resolvePrompt(bundle, 'support/reply'));
    assert.deepEqual(rendered.messages, [
      { role: 'system', content: [{ text: 'Refunds within 30 days.' }] },
      { role: 'user', content: [{ text: 'Hello from ANA' }] },
    ]);
  });
});
