import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { runPromptops } from '../cliRunner';
import { useRegistryCliFixture } from './registryCliFixture';

describe('registry verbs: configuration and registry errors in one sentence, never a secret', () => {
  const fixture = useRegistryCliFixture();

  it('a missing host or key is named, with exit 2, before anything is sent', async () => {
    const { repo, server } = fixture();
    const noHost = await runPromptops(['versions', 'support/triage', '--source', 'langfuse'], repo.root, { LANGFUSE_PUBLIC_KEY: 'pk-lf-1', LANGFUSE_SECRET_KEY: 'sk-lf-never-shown' });
    assert.deepEqual(noHost, { code: 2, stdout: '', stderr: "promptops versions: Set LANGFUSE_HOST (or LANGFUSE_BASE_URL) to your Langfuse server's address to use --source langfuse.\n" });
    const noSecret = await runPromptops(['push', 'support/triage.prompt'], repo.root, { LANGFUSE_BASE_URL: server.url, LANGFUSE_PUBLIC_KEY: 'pk-lf-1' });
    assert.equal(noSecret.stderr, "promptops push: Set LANGFUSE_SECRET_KEY (the project's secret key) to use --source langfuse.\n");
    assert.equal(server.requests.length, 0);
  });

  it('LANGFUSE_BASE_URL is used when set, as the current Langfuse SDKs do', async () => {
    const { repo, server, env } = fixture();
    server.seed('support/triage', [{ prompt: 'x {{ticket}}', labels: ['production'] }]);
    const run = await runPromptops(['show', 'support/triage', 'production', '--source', 'langfuse'], repo.root, { ...env, LANGFUSE_HOST: 'http://127.0.0.1:9', LANGFUSE_BASE_URL: server.url });
    assert.deepEqual([run.code, run.stdout], [0, 'x {{ticket}}\n']);
  });

  it('wrong keys exit 2 with the settings to fix and without the secret', async () => {
    const { repo, env, server } = fixture();
    const run = await runPromptops(['versions', 'support/triage', '--source', 'langfuse'], repo.root, { ...env, LANGFUSE_SECRET_KEY: 'sk-lf-typo-in-secret' });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, `promptops versions: Langfuse at ${server.url} rejected the API keys (401) for public key pk-lf-contra…; check LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY.\n`);
    assert.ok(!run.stderr.includes('sk-lf-typo'));
  });

  it('an unknown prompt exits 2 naming it; an unknown --source exits 2', async () => {
    const { promptops, server } = fixture();
    const missing = await promptops('versions', 'nope/none', '--source', 'langfuse');
    assert.deepEqual([missing.code, missing.stderr], [2, `promptops versions: Langfuse at ${server.url} has no prompt nope/none.\n`]);
    const source = await promptops('versions', 'x', '--source', 'ftp');
    assert.deepEqual([source.code, source.stderr], [2, 'promptops versions: --source must be git or langfuse, not "ftp".\n']);
  });

  it('a server error is retried, and the command succeeds when the server recovers', async () => {
    const { promptops, server } = fixture();
    server.seed('support/triage', [{ prompt: 'x {{ticket}}', labels: ['production'] }]);
    server.inject({ method: 'GET', fault: { kind: 'status', status: 503 } });
    const run = await promptops('show', 'support/triage', 'production', '--source', 'langfuse');
    assert.deepEqual([run.code, run.stdout], [0, 'x {{ticket}}\n']);
  });

  it('a Langfuse that cannot be reached exits 2 with one sentence', async () => {
    const { repo, env } = fixture();
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const run = await runPromptops(['versions', 'support/triage', '--source', 'langfuse'], repo.root, { ...env, LANGFUSE_HOST: `http://127.0.0.1:${port}` });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, `promptops versions: Could not connect to Langfuse at http://127.0.0.1:${port} (4 attempts) (connect ECONNREFUSED 127.0.0.1:${port}); check that the server is running and the host setting is right.\n`);
  });
});
