import * as assert from 'node:assert/strict';
import { promptIdOf, promptNameAndVariantOf } from '../../../src/core/document/promptId';
import { parsePromptDocument } from '../../../src/core/formats/promptFileKind';

describe('Prompt ids', () => {
  it('is the repository-relative path without extension when the front matter names nothing', () => {
    assert.equal(promptIdOf('support/summarize.prompt'), 'support/summarize');
    assert.equal(promptIdOf('chat/docs-assistant.prompty', {}), 'chat/docs-assistant');
  });

  it('is the front-matter name, plus the variant after a dot', () => {
    assert.equal(promptIdOf('support/summarize.prompt', { name: 'summarizer' }), 'summarizer');
    assert.equal(promptIdOf('support/summarize.prompt', { name: 'summarizer', variant: 'short' }), 'summarizer.short');
  });

  it('ignores a variant without a name and blank names', () => {
    assert.equal(promptIdOf('a/b.prompt', { variant: 'short' }), 'a/b');
    assert.equal(promptIdOf('a/b.prompt', { name: '  ' }), 'a/b');
  });

  it('keeps dots in folder names and names that start with a dot', () => {
    assert.equal(promptIdOf('v1.2/greet.prompt'), 'v1.2/greet');
    assert.equal(promptIdOf('prompts/.hidden'), 'prompts/.hidden');
  });

  it('uses forward slashes whatever the platform wrote', () => {
    assert.equal(promptIdOf('support\\summarize.prompt'), 'support/summarize');
  });

  it('reads name and variant from front matter, and nothing from a text without it or with broken YAML', () => {
    const read = (source: string) => promptNameAndVariantOf(parsePromptDocument(source));
    assert.deepEqual(read('---\nname: greet\nvariant: formal\n---\nHello'), { name: 'greet', variant: 'formal' });
    assert.deepEqual(read('Hello {{name}}'), {});
    assert.deepEqual(read('---\nname: [unclosed\n---\nHello'), {});
  });

  it('reads a name made of digits as the text it is', () => {
    assert.deepEqual(promptNameAndVariantOf(parsePromptDocument('---\r\nname: 2024\r\nvariant: 1.10\r\n---\r\nHello')), { name: '2024', variant: '1.10' });
  });
});
