import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listPartialNames } from '../../../src/node/partialNames';

describe('Partial names for completion', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-partials-'));
    const write = (relative: string): void => {
      fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      fs.writeFileSync(path.join(root, relative), 'text');
    };
    for (const file of ['prompts/support/_footer.prompt', 'prompts/support/reply.prompt', 'prompts/support/partials/_tone.prompt', 'prompts/partials/_footer.prompt', 'prompts/partials/_legal.prompt', 'partials/_brand.prompt', 'elsewhere/partials/_hidden.prompt', 'prompts/support/_notes.txt']) write(file);
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists the partials beside the prompt and in partials/ folders up to the workspace root, nearest first and once each', () => {
    assert.deepEqual(listPartialNames(path.join(root, 'prompts/support/reply.prompt'), root), ['footer', 'tone', 'legal', 'brand']);
  });

  it('stops at the root it is given and skips folders that do not exist', () => {
    assert.deepEqual(listPartialNames(path.join(root, 'prompts/support/reply.prompt'), path.join(root, 'prompts')), ['footer', 'tone', 'legal']);
    assert.deepEqual(listPartialNames(path.join(root, 'missing/x.prompt'), root), ['brand']);
  });
});
