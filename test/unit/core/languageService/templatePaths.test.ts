import * as assert from 'node:assert/strict';
import { createTextDocument } from '../../../../src/core/document/textDocument';
import { pathAt, rangeHolds, segmentNameRange } from '../../../../src/core/formats/dotprompt/languageService/templatePaths';
import { handlebarsTypeFromTemplate } from '../../../../src/core/formats/dotprompt/languageService/templateEdits';
import { span } from '../diagnosticExpectations';
import { promptUnderTest } from './promptUnderTest';

describe('Template paths', () => {
  it('finds the name a segment covers, inside [brackets] too, and nothing when it covers other text', () => {
    const document = createTextDocument('{{[first name]}} {{user.name}}');
    assert.deepEqual(segmentNameRange(document, { name: 'first name', range: span(0, 2, 0, 14) }), span(0, 3, 0, 13));
    assert.deepEqual(segmentNameRange(document, { name: 'user', range: span(0, 19, 0, 23) }), span(0, 19, 0, 23));
    assert.equal(segmentNameRange(document, { name: 'user', range: span(0, 19, 0, 24) }), undefined);
  });

  it('counts the offset right after a range as inside it, and the one before its start as outside', () => {
    const document = createTextDocument('abcdef');
    assert.equal(rangeHolds(document, span(0, 2, 0, 4), 4), true);
    assert.equal(rangeHolds(document, span(0, 2, 0, 4), 2), true);
    assert.equal(rangeHolds(document, span(0, 2, 0, 4), 1), false);
    assert.equal(rangeHolds(document, span(0, 2, 0, 4), 5), false);
  });

  it('finds the innermost path at the cursor, inside sub-expressions and hash values', () => {
    const prompt = promptUnderTest('{{json (lookup user.name 1) indent=(pick order.id)}}');
    const inSub = pathAt(prompt.document, prompt.analysis, prompt.offsetOf('name'));
    assert.deepEqual([inSub?.path.original, inSub?.segmentIndex], ['user.name', 1]);
    const inHash = pathAt(prompt.document, prompt.analysis, prompt.offsetOf('order'));
    assert.deepEqual([inHash?.path.original, inHash?.segmentIndex], ['order.id', 0]);
    const callee = pathAt(prompt.document, prompt.analysis, prompt.offsetOf('lookup'));
    assert.deepEqual([callee?.path.original, callee?.use], ['lookup', undefined]);
  });

  it('reads the paths of sub-expressions when telling a variable\'s type from the template', () => {
    const prompt = promptUnderTest('{{json (lookup user.name 1)}}');
    assert.deepEqual(handlebarsTypeFromTemplate(prompt.document, prompt.analysis, 'user'), { kind: 'object', properties: [{ name: 'name', type: { kind: 'scalar', type: 'string' }, optional: false }] });
  });
});
