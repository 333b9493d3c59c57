import * as assert from 'node:assert/strict';
import { parsePromptDocument } from '../../../src/core/formats/promptFileKind';
import type { Range } from '../../../src/core/document/textDocument';
import { span } from './diagnosticExpectations';

const text = `---
input:
  schema:
    customer(object):
      name: string
---
{{role "system"}}
{{> style}}
{{#with (lookup customer "nmae")}}{{x}}{{/with}}
`;

function analysed() {
  const document = parsePromptDocument(text, { path: 'p.prompt' });
  const analysis = document.format.analyze(document, { partialExists: () => true, partialSource: () => 'Be brief.' });
  assert.ok(analysis);
  return analysis;
}

/** The range a lazily computed `range` reads, and where it is defined: on the object's class, not the object. */
function lazyRange(value: { readonly range: Range }): Range {
  assert.equal(Object.getOwnPropertyDescriptor(value, 'range'), undefined, 'range is read through the class, never an accessor of the object itself');
  return value.range;
}

describe('Template analysis results', () => {
  // Each object literal with a getter gets a hidden class of its own, which kept every checked
  // file's template alive until a full garbage collection: these ranges are read through classes.
  it('gives helper calls, partials and lookup keys their exact ranges, computed through their class', () => {
    const analysis = analysed();
    assert.deepEqual(
      analysis.helperCalls.map((call) => [call.name, call.known, lazyRange(call)]),
      [
        ['role', true, span(6, 2, 6, 6)],
        ['with', true, span(8, 3, 8, 7)],
        ['lookup', true, span(8, 9, 8, 15)],
      ],
    );
    assert.deepEqual(analysis.partials.map((partial) => [partial.name, partial.inline, lazyRange(partial)]), [['style', false, span(7, 4, 7, 9)]]);
    const unknown = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'unknown-property');
    assert.deepEqual(unknown?.range, span(8, 25, 8, 31));
    assert.match(unknown?.message ?? '', /'customer' has no property 'nmae'; did you mean 'name'\?/);
  });
});
