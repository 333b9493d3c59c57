import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startExampleService, type ExampleService } from '../../harness/flagdService';
import { runPromptops } from '../cli/cliRunner';
import { createReleaseRepository, sha256, summarizeV1, summarizeV2, type ReleaseRepository } from '../cli/releases/releaseFixture';

const runtimeBundle = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'runtime.js');
const file = 'support/summarize.prompt';

describe('examples/flagd-service: a rollback published as flags reaches a running service', function () {
  this.timeout(60_000);
  let repo: ReleaseRepository;
  let service: ExampleService | undefined;

  before(function () {
    if (!fs.existsSync(runtimeBundle)) assert.fail(`${runtimeBundle} is missing; run npm run build first.`);
  });
  beforeEach(() => {
    repo = createReleaseRepository();
  });
  afterEach(async () => {
    await service?.stop();
    repo.fixture.dispose();
  });

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);

  it('serves the published version, logs its provenance per request, and serves the old version after rollback --publish without a restart', async () => {
    await promptops('promote', file, repo.v1);
    await promptops('promote', file, repo.v2);
    assert.equal((await promptops('publish', '--flags', 'build/prompts.flagd.json', '--bundle', 'build/prompts.json', '--mkdir')).code, 0);
    const running = await startExampleService(repo.fixture.root, { bundle: 'build/prompts.json', flags: 'build/prompts.flagd.json' });
    service = running;
    const first = await running.serve({ prompt: 'support/summarize', unit: 'customer-7', input: JSON.stringify({ ticket: 'The site is down.' }) });
    assert.deepEqual(first, { id: 'support/summarize', label: 'production', commit: repo.v2, sha256: sha256(summarizeV2), arm: 'stable', flagKey: 'promptops.support/summarize.production', variant: repo.v2, reason: 'STATIC' });
    const logged = running.lines.map((line) => (line.startsWith('{') ? JSON.parse(line) : undefined)).find((record) => record !== undefined);
    assert.deepEqual(logged?.prompt, first);
    assert.equal(logged?.unit, 'customer-7');

    const reread = running.nextLine((line) => line.includes('"flagsChanged"'));
    assert.equal((await promptops('rollback', file, '--publish', 'build/prompts.flagd.json')).code, 0);
    // flagd's file sync polls the file (every 5 s by default) and the service logs when it re-read it.
    assert.deepEqual(JSON.parse(await reread).flagsChanged, ['promptops.support/summarize.production']);
    const served = await running.serve({ prompt: 'support/summarize', unit: 'customer-7' });
    assert.deepEqual(served, { id: 'support/summarize', label: 'production', commit: repo.v1, sha256: sha256(summarizeV1), arm: 'stable', flagKey: 'promptops.support/summarize.production', variant: repo.v1, reason: 'STATIC' });
  });
});
