import * as assert from 'node:assert/strict';
import { definitionsAt } from '../../../../src/core/languageService/definitions';
import { span } from '../diagnosticExpectations';
import { navigationPrompt, navigationSamples } from './navigationFixture';
import { promptPath, promptUnderTest, type PromptUnderTest } from './promptUnderTest';

let subject: PromptUnderTest;

describe('Go to definition', () => {
  // Parsed per test, so mutation testing sees which tests depend on the checker.
  beforeEach(() => {
    subject = promptUnderTest(navigationPrompt, navigationSamples);
  });

  function definitions(needle: string, delta: number, partialPath?: (name: string) => string | undefined): unknown {
    return definitionsAt(subject.document, subject.analysis, subject.offsetOf(needle, delta), partialPath ? { partialPath } : {});
  }

  it('goes from a variable use to its schema key', () => {
    assert.deepEqual(definitions('{{question}}', 3), [{ path: promptPath, range: span(7, 4, 7, 12) }]);
    assert.deepEqual(definitions('../question', 6), [{ path: promptPath, range: span(7, 4, 7, 12) }]);
  });

  it('goes from a property, an item property and a #with context name to the nested key', () => {
    assert.deepEqual(definitions('customer.name', 11), [{ path: promptPath, range: span(4, 6, 4, 10) }]);
    assert.deepEqual(definitions('{{title}}', 2), [{ path: promptPath, range: span(6, 6, 6, 11) }]);
    assert.deepEqual(definitions('{{name}}', 2), [{ path: promptPath, range: span(4, 6, 4, 10) }]);
  });

  it('goes from a block parameter to where the block declares it', () => {
    assert.deepEqual(definitions('{{item.title', 3), [{ path: promptPath, range: span(13, 18, 13, 22) }]);
  });

  it('goes from {{> name}} to the partial file, or to its inline definition', () => {
    assert.deepEqual(definitions('{{> footer', 6, (name) => `/repo/prompts/_${name}.prompt`), [{ path: '/repo/prompts/_footer.prompt', range: span(0, 0, 0, 0) }]);
    assert.deepEqual(definitions('{{> footer', 6, () => undefined), []);
    assert.deepEqual(definitions('{{> intro', 6), [{ path: promptPath, range: span(14, 59, 14, 66) }]);
  });

  it('has nothing for helpers, data variables and undeclared names', () => {
    assert.deepEqual(definitions('{{role', 3), []);
    assert.deepEqual(definitions('{{@index', 4), []);
    assert.deepEqual(definitions('{{nope', 3), []);
  });
});
