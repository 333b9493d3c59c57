import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { RegistryError } from '../../../../src/core/registry/registryError';
import { listAllPrompts, readVersions } from '../../../../src/core/registry/registryListing';
import { LangfuseRegistry } from '../../../../src/node/registries/langfuse/langfuseRegistry';
import { fastPolicy, useContractServer } from './contractServerFixture';

async function failure(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RegistryError, `expected a RegistryError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('Langfuse adapter against the contract server', () => {
  const { server, registry, waits } = useContractServer();
  const messages: string[] = [];

  after(() => {
    // Whatever failed, no sentence shown to a user carried the secret key.
    for (const message of messages) assert.ok(!message.includes('sk-lf'), `a message shows a secret: ${message}`);
  });

  async function refused(promise: Promise<unknown>): Promise<RegistryError> {
    const error = await failure(promise);
    messages.push(error.message);
    return error;
  }

  describe('reading', () => {
    it('lists every prompt of every page, with at most 4 requests in flight', async () => {
      for (let index = 0; index < 450; index++) server().seed(`team/prompt-${String(index).padStart(3, '0')}`, [{ prompt: 'Hi {{name}}' }]);
      const prompts = await listAllPrompts(registry());
      assert.equal(prompts.length, 450);
      assert.equal(prompts[0]?.name, 'team/prompt-000');
      assert.equal(prompts[449]?.name, 'team/prompt-449');
      const pages = server().requests.map((request) => request.query);
      assert.deepEqual(pages, ['?page=1&limit=100', '?page=2&limit=100', '?page=3&limit=100', '?page=4&limit=100', '?page=5&limit=100'].filter((query) => pages.includes(query)));
      assert.equal(pages.length, 5);
      assert.ok(server().maxInFlight <= 4, `at most 4 requests at once, saw ${server().maxInFlight}`);
    });

    it('reads a prompt in a folder by label and by version, its name URL-encoded in the path', async () => {
      server().seed('support/summarize', [
        { prompt: 'v1 {{ticket}}', labels: ['production'] },
        { prompt: 'v2 {{ticket}}', labels: ['staging'], commitMessage: 'tone' },
      ]);
      const production = await registry().getVersion('support/summarize', { label: 'production' });
      assert.deepEqual([production.version, production.content, production.labels], [1, { type: 'text', prompt: 'v1 {{ticket}}' }, ['production']]);
      const second = await registry().getVersion('support/summarize', { version: 2 });
      assert.deepEqual([second.labels, second.commitMessage], [['latest', 'staging'], 'tone']);
      assert.deepEqual(server().requests.map((request) => `${request.path}${request.query}`), [
        '/api/public/v2/prompts/support%2Fsummarize?label=production&resolve=false',
        '/api/public/v2/prompts/support%2Fsummarize?version=2&resolve=false',
      ]);
    });

    it('reads versions with their labels, several at a time', async () => {
      server().seed('triage', [{ prompt: 'a' }, { prompt: 'b', labels: ['production'] }, { prompt: 'c' }]);
      const versions = await readVersions(registry(), 'triage', [3, 2, 1]);
      assert.deepEqual(versions.map((version) => [version.version, version.labels]), [[3, ['latest']], [2, ['production']], [1, []]]);
    });
  });

  describe('writing', () => {
    it('creates a chat version with one message per role and moves the labels it names', async () => {
      server().seed('support/summarize', [{ prompt: 'old', type: 'text', labels: ['production'] }].map((seed) => ({ ...seed, type: 'chat' as const, prompt: [{ role: 'user', content: 'old' }] })));
      const created = await registry().createVersion({
        name: 'support/summarize',
        content: { type: 'chat', prompt: [{ kind: 'message', role: 'system', content: 'Be brief.' }, { kind: 'message', role: 'user', content: '{{ticket}}' }] },
        config: { model: 'gpt-4o', promptops: { sha256: 'a'.repeat(64), path: 'support/summarize.prompt' } },
        labels: ['production'],
        commitMessage: 'Shorter',
      });
      assert.equal(created.version, 2);
      assert.deepEqual(server().labelsOf('support/summarize'), new Map([[1, []], [2, ['latest', 'production']]]));
      assert.deepEqual(server().versionOf('support/summarize', 2)?.['prompt'], [{ type: 'chatmessage', role: 'system', content: 'Be brief.' }, { type: 'chatmessage', role: 'user', content: '{{ticket}}' }]);
    });

    it('setting a label moves it off the version that had it, and latest stays on the newest', async () => {
      server().seed('triage', [{ prompt: 'a', labels: ['production'] }, { prompt: 'b' }]);
      const moved = await registry().setLabels('triage', 2, ['production']);
      assert.deepEqual(moved.labels, ['latest', 'production']);
      assert.deepEqual(server().labelsOf('triage'), new Map([[1, []], [2, ['latest', 'production']]]));
    });
  });

  describe('errors', () => {
    it('401 names the key settings to fix and never the secret', async () => {
      const error = await refused(registry({ secretKey: 'sk-lf-wrong-secret' }).listPrompts(1));
      assert.equal(error.kind, 'unauthorized');
      assert.equal(error.message, `Langfuse at ${server().url} rejected the API keys (401) for public key pk-lf-contra…; check LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY.`);
    });

    it('401 in the editor says to sign in again', async () => {
      const error = await refused(registry({ secretKey: 'sk-lf-wrong', credentialsHint: 'run "PromptOps: Sign In to Registry" again' }).listPrompts(1));
      assert.match(error.message, /; run "PromptOps: Sign In to Registry" again\.$/);
    });

    it('403 says the key pair lacks access to what was asked', async () => {
      server().inject({ fault: { kind: 'status', status: 403, body: '{"message":"Forbidden"}' } });
      const error = await refused(registry().getVersion('triage', { label: 'production' }));
      assert.equal(error.message, `Langfuse at ${server().url} does not let public key pk-lf-contra… read triage label production (403); use a key pair of the project that holds the prompts.`);
    });

    it('404 names the prompt and the version or label', async () => {
      server().seed('triage', [{ prompt: 'a' }]);
      assert.equal((await refused(registry().getVersion('triage', { version: 7 }))).message, `Langfuse at ${server().url} has no version 7 of triage (or no prompt of that name).`);
      assert.equal((await refused(registry().getVersion('triage', { label: 'staging' }))).message, `Langfuse at ${server().url} has no version of triage labelled staging (or no prompt of that name).`);
      assert.equal((await refused(registry().setLabels('nothing/here', 1, ['production']))).kind, 'notFound');
    });

    it('400 carries the server\'s own message', async () => {
      server().seed('triage', [{ prompt: 'a' }]);
      server().seed('chatty', [{ prompt: [{ role: 'user', content: 'x' }] }]);
      const error = await refused(registry().createVersion({ name: 'chatty', content: { type: 'text', prompt: 'text now' }, config: {}, labels: [], commitMessage: undefined }));
      assert.equal(error.message, 'Langfuse refused to create a version of chatty (400): Previous versions have different prompt type. Create a new prompt with a different name..');
    });

    it('429 waits as long as Retry-After says, then succeeds', async () => {
      server().seed('triage', [{ prompt: 'a', labels: ['production'] }]);
      server().inject({ method: 'PATCH', fault: { kind: 'status', status: 429, retryAfter: '2' } });
      const moved = await registry().setLabels('triage', 1, ['staging']);
      assert.deepEqual(moved.labels, ['latest', 'production', 'staging']);
      assert.deepEqual(waits, [2000]);
    });

    it('429 that persists stops after the bounded retries and says nothing was changed', async () => {
      server().seed('triage', [{ prompt: 'a' }]);
      server().inject({ method: 'PATCH', fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 10 });
      const error = await refused(registry().setLabels('triage', 1, ['staging']));
      assert.equal(error.message, `Langfuse at ${server().url} is rate-limiting requests (429) (it asks to wait 1 s) and still was (3 attempts); nothing was changed by this request, try again later.`);
      assert.deepEqual(waits, [1000, 1000]);
      assert.equal(server().requests.filter((request) => request.method === 'PATCH').length, 3);
    });

    it('429 asking for a longer wait than PromptOps allows is reported at once', async () => {
      server().inject({ fault: { kind: 'status', status: 429, retryAfter: '3600' } });
      const error = await refused(registry().listPrompts(1));
      assert.equal(error.kind, 'rateLimited');
      assert.match(error.message, /asks to wait 3600 s/);
      assert.deepEqual(waits, []);
    });

    it('5xx on a read is retried with growing waits, then succeeds', async () => {
      server().seed('triage', [{ prompt: 'a', labels: ['production'] }]);
      server().inject({ method: 'GET', fault: { kind: 'status', status: 503, body: '<html>busy</html>' }, times: 2 });
      const version = await registry().getVersion('triage', { label: 'production' });
      assert.equal(version.version, 1);
      assert.deepEqual(waits, [10, 20]);
    });

    it('5xx that persists ends in one sentence with the status and the attempts', async () => {
      server().inject({ method: 'GET', fault: { kind: 'status', status: 502, body: 'Bad gateway' }, times: 5 });
      const error = await refused(registry().listPrompts(1));
      assert.equal(error.message, `Langfuse at ${server().url} failed to list prompts with HTTP 502 (3 attempts): Bad gateway.`);
    });

    it('a timeout is retried, then reported with the time limit', async () => {
      server().inject({ method: 'GET', fault: { kind: 'hang' }, times: 5 });
      const error = await refused(registry().listPrompts(1));
      assert.equal(error.message, `Langfuse at ${server().url} did not answer "list prompts" within ${fastPolicy.timeoutMs / 1000} s (3 attempts).`);
    });

    it('a refused connection says to check the server and the host setting', async () => {
      const port = await new Promise<number>((resolve) => {
        const probe = net.createServer().listen(0, '127.0.0.1', () => {
          const address = probe.address();
          probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
        });
      });
      const offline = new LangfuseRegistry({ host: `http://127.0.0.1:${port}`, publicKey: 'pk-lf-1', secretKey: 'sk-lf-offline-secret' }, { policy: fastPolicy, sleep: async () => undefined });
      const error = await refused(offline.listPrompts(1));
      assert.equal(error.kind, 'unreachable');
      assert.equal(error.message, `Could not connect to Langfuse at http://127.0.0.1:${port} (3 attempts) (connect ECONNREFUSED 127.0.0.1:${port}); check that the server is running and the host setting is right.`);
    });

    it('a body that is not JSON is reported as a malformed response', async () => {
      server().inject({ fault: { kind: 'malformed' } });
      const error = await refused(registry().getVersion('triage', { version: 1 }));
      assert.equal(error.kind, 'malformed');
      assert.match(error.message, /^Langfuse at .* answered "read triage v1" with a malformed response \(/);
    });

    it('an error page that is not JSON (a proxy\'s) still reports its status and text', async () => {
      server().inject({ fault: { kind: 'status', status: 502, body: '<html>Bad gateway</html>', contentType: 'application/json' }, times: 3 });
      const error = await refused(registry().listPrompts(1));
      assert.equal(error.message, `Langfuse at ${server().url} failed to list prompts with HTTP 502 (3 attempts): <html>Bad gateway</html>.`);
    });

    it('a label move whose answer was lost is read back and reported as done', async () => {
      server().seed('triage', [{ prompt: 'a', labels: ['production'] }, { prompt: 'b' }]);
      server().inject({ method: 'PATCH', fault: { kind: 'applyThenReset' }, times: 3 });
      const moved = await registry().setLabels('triage', 2, ['production']);
      assert.deepEqual(moved.labels, ['latest', 'production']);
      assert.deepEqual(server().labelsOf('triage'), new Map([[1, []], [2, ['latest', 'production']]]));
    });

    it('a label move that never arrived is read back and reported as not done, with where the labels are', async () => {
      server().seed('triage', [{ prompt: 'a', labels: ['production'] }, { prompt: 'b' }]);
      server().inject({ method: 'PATCH', fault: { kind: 'reset' }, times: 3 });
      const error = await refused(registry().setLabels('triage', 2, ['production']));
      assert.match(error.message, /^Could not connect to Langfuse .* Read back: v2 carries latest, so the label did not move\.$/);
      assert.deepEqual(server().labelsOf('triage'), new Map([[1, ['production']], [2, ['latest']]]));
    });

    it('a version created before the connection failed is found again, not created twice', async () => {
      server().seed('triage', [{ prompt: 'a' }]);
      server().inject({ method: 'POST', fault: { kind: 'applyThenReset' } });
      const created = await registry().createVersion({ name: 'triage', content: { type: 'text', prompt: 'b' }, config: { promptops: { sha256: 'b'.repeat(64), path: 'triage.prompt' } }, labels: ['production'], commitMessage: 'b' });
      assert.equal(created.version, 2);
      assert.equal(server().labelsOf('triage').size, 2);
      assert.equal(server().requests.filter((request) => request.method === 'POST').length, 1, 'a POST is never repeated');
    });

    it('a create that failed with 5xx is not repeated, and the message says no version was created', async () => {
      server().seed('triage', [{ prompt: 'a' }]);
      server().inject({ method: 'POST', fault: { kind: 'status', status: 500 } });
      const error = await refused(registry().createVersion({ name: 'triage', content: { type: 'text', prompt: 'b' }, config: {}, labels: [], commitMessage: undefined }));
      assert.equal(error.message, `Langfuse at ${server().url} failed to create a version of triage with HTTP 500: Injected HTTP 500. No new version of triage was created (the newest is still v1).`);
      assert.equal(server().labelsOf('triage').size, 1);
    });
  });

  describe('less common answers', () => {
    it('an unexpected status is named with the server\'s "error" field', async () => {
      server().seed('triage', [{ prompt: 'a' }]);
      server().inject({ fault: { kind: 'status', status: 409, body: JSON.stringify({ error: 'Conflicting\n  update' }) } });
      const error = await refused(registry().getVersion('triage', { version: 1 }));
      assert.equal(error.kind, 'badRequest');
      assert.equal(error.status, 409);
      assert.equal(error.message, `Langfuse at ${server().url} answered HTTP 409 to "read triage v1": Conflicting update.`);
    });

    it('an error body without a text message is shown as its JSON', async () => {
      server().seed('triage', [{ prompt: 'a' }]);
      server().inject({ fault: { kind: 'status', status: 409, body: '{"message":{"code":7}}' } });
      const error = await refused(registry().getVersion('triage', { version: 1 }));
      assert.equal(error.message, `Langfuse at ${server().url} answered HTTP 409 to "read triage v1": {"message":{"code":7}}.`);
    });

    it('a long server message is cut to 297 characters and an ellipsis', async () => {
      server().seed('triage', [{ prompt: 'a' }]);
      server().inject({ fault: { kind: 'status', status: 400, body: JSON.stringify({ message: 'x'.repeat(400) }) } });
      const error = await refused(registry().getVersion('triage', { version: 1 }));
      assert.equal(error.message, `Langfuse refused to read triage v1 (400): ${'x'.repeat(297)}….`);
    });

    it('a message of exactly 300 characters is kept whole', async () => {
      server().seed('triage', [{ prompt: 'a' }]);
      server().inject({ fault: { kind: 'status', status: 400, body: JSON.stringify({ message: 'y'.repeat(300) }) } });
      const error = await refused(registry().getVersion('triage', { version: 1 }));
      assert.equal(error.message, `Langfuse refused to read triage v1 (400): ${'y'.repeat(300)}.`);
    });

    it('a 400 without a message ends at the status', async () => {
      server().seed('triage', [{ prompt: 'a' }]);
      server().inject({ fault: { kind: 'status', status: 400, body: '   ' } });
      const error = await refused(registry().getVersion('triage', { version: 1 }));
      assert.equal(error.message, 'Langfuse refused to read triage v1 (400).');
    });

    it('a label move whose read-back fails too says it cannot tell whether the label moved', async () => {
      server().seed('triage', [{ prompt: 'a' }, { prompt: 'b' }]);
      server().inject({ fault: { kind: 'reset' }, times: 10 });
      const error = await refused(registry().setLabels('triage', 2, ['production']));
      assert.match(error.message, /^Could not connect to Langfuse .* PromptOps could not read the registry back, so it cannot tell whether the label moved\.$/);
    });

    it('a create whose read-back fails too says it cannot tell whether a version was created', async () => {
      server().seed('triage', [{ prompt: 'a' }]);
      server().inject({ fault: { kind: 'reset' }, times: 10 });
      const error = await refused(registry().createVersion({ name: 'triage', content: { type: 'text', prompt: 'b' }, config: {}, labels: [], commitMessage: undefined }));
      assert.match(error.message, /^Could not connect to Langfuse .* PromptOps could not read the registry back, so it cannot tell whether a version was created\.$/);
    });

    it('a create refused with 4xx is not read back', async () => {
      server().seed('triage', [{ prompt: 'a' }]);
      server().inject({ method: 'POST', fault: { kind: 'status', status: 400, body: '{"message":"bad"}' } });
      const error = await refused(registry().createVersion({ name: 'triage', content: { type: 'text', prompt: 'b' }, config: {}, labels: [], commitMessage: undefined }));
      assert.equal(error.message, 'Langfuse refused to create a version of triage (400): bad.');
      assert.deepEqual(server().requests.map((request) => request.method), ['POST']);
    });
  });
});
