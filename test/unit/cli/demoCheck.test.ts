import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runPromptops } from './cliRunner';

const root = path.resolve(__dirname, '..', '..', '..', '..');

describe('the demo workspace', () => {
  it('promptops check demo reports exactly the mistakes planted in demo/README.md, and nothing else', async () => {
    const run = await runPromptops(['check', 'demo', '--format', 'json'], root);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as { diagnostics: { file: string; code: string }[] };
    assert.deepEqual(
      report.diagnostics.map((diagnostic) => `${path.basename(diagnostic.file)} ${diagnostic.code}`),
      [
        'welcome-email.prompt unused-variable',
        'welcome-email.prompt unknown-property',
        'welcome-email.prompt undeclared-variable',
        'welcome-email.prompt missing-partial',
        'welcome-email.samples.yaml sample-type-mismatch',
        'welcome-email.samples.yaml missing-sample-value',
        'refund-reply.prompty undeclared-variable',
      ],
    );
  });
});
