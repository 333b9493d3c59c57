import * as assert from 'node:assert/strict';
import { promptLanguageOf } from '../../../src/core/formats/promptFileKind';

describe('promptLanguageOf', () => {
  it('maps .prompt to dotprompt and .prompty to prompty, whatever the case', () => {
    assert.equal(promptLanguageOf('prompts/support/summarize.prompt'), 'dotprompt');
    assert.equal(promptLanguageOf('C:\\work\\chat.PROMPTY'), 'prompty');
  });

  it('ignores other files, dot-files and folders named like prompts', () => {
    assert.equal(promptLanguageOf('summarize.samples.yaml'), undefined);
    assert.equal(promptLanguageOf('.prompt'), undefined);
    assert.equal(promptLanguageOf('prompts.prompt/readme'), undefined);
  });
});
