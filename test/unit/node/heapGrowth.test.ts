import * as assert from 'node:assert/strict';
import { parsesManyFiles } from '../../../src/node/heapGrowth';

describe('which CLI runs limit V8 heap growth', () => {
  it('check and test, which parse many files one after another, limit it', () => {
    assert.equal(parsesManyFiles(['check']), true);
    assert.equal(parsesManyFiles(['check', 'prompts/', '--jobs', '2']), true);
    assert.equal(parsesManyFiles(['test', '--update']), true);
  });

  it('every other verb, help and no verb keep V8 defaults', () => {
    for (const argv of [['render', 'greet.prompt'], ['status'], ['export'], ['help', 'check'], ['--version'], []]) assert.equal(parsesManyFiles(argv), false, argv.join(' '));
  });
});
