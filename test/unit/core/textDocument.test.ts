import * as assert from 'node:assert/strict';
import { computeLineStarts, createTextDocument, isRangeInside, stripBom } from '../../../src/core/document/textDocument';
import { span } from './diagnosticExpectations';

describe('Text positions', () => {
  it('counts lines and characters from 0 in UTF-16 code units', () => {
    const document = createTextDocument('ab\ncd😀e\n');
    assert.deepEqual(document.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(document.positionAt(4), { line: 1, character: 1 });
    // The emoji is two code units, so `e` is at character 4 of line 1.
    assert.deepEqual(document.positionAt(7), { line: 1, character: 4 });
    assert.equal(document.lineCount, 3);
    assert.equal(document.offsetAt({ line: 1, character: 4 }), 7);
  });

  it('treats \\r\\n, \\r and \\n as line breaks, like the editor', () => {
    assert.deepEqual(computeLineStarts('a\r\nb\rc\nd'), [0, 3, 5, 7]);
    const document = createTextDocument('a\r\nb\rc\nd');
    assert.deepEqual(document.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(document.positionAt(5), { line: 2, character: 0 });
    assert.equal(document.lineLength(0), 1);
  });

  it('puts an offset between \\r and \\n at the end of the line, never past it', () => {
    const document = createTextDocument('ab\r\ncd');
    assert.deepEqual(document.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(document.positionAt(2), { line: 0, character: 2 });
  });

  it('drops a leading BOM so ranges match what the editor shows', () => {
    const document = createTextDocument('\uFEFFab\ncd');
    assert.equal(document.hadBom, true);
    assert.equal(document.text, 'ab\ncd');
    assert.deepEqual(document.positionAt(3), { line: 1, character: 0 });
    assert.equal(stripBom('\uFEFFx'), 'x');
    assert.equal(stripBom('x\uFEFF'), 'x\uFEFF');
  });

  it('clamps offsets and positions outside the text instead of failing', () => {
    const document = createTextDocument('ab\ncd');
    assert.deepEqual(document.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(document.positionAt(99), { line: 1, character: 2 });
    assert.deepEqual(document.positionAt(Number.NaN), { line: 0, character: 0 });
    assert.equal(document.offsetAt({ line: 7, character: 0 }), 5);
    assert.equal(document.offsetAt({ line: 0, character: 40 }), 2);
    assert.deepEqual(document.rangeAt(4, 1), span(0, 1, 1, 1));
  });

  it('handles the empty document and lone surrogates', () => {
    const empty = createTextDocument('');
    assert.equal(empty.lineCount, 1);
    assert.deepEqual(empty.positionAt(0), { line: 0, character: 0 });
    const broken = createTextDocument('a\uD800b');
    assert.deepEqual(broken.positionAt(2), { line: 0, character: 2 });
  });

  it('tells whether a range lies inside the document', () => {
    const document = createTextDocument('ab\r\ncd');
    assert.equal(isRangeInside(document, span(0, 0, 1, 2)), true);
    assert.equal(isRangeInside(document, span(0, 3, 0, 3)), false);
    assert.equal(isRangeInside(document, span(1, 0, 0, 0)), false);
    assert.equal(isRangeInside(document, span(2, 0, 2, 0)), false);
    assert.equal(isRangeInside(document, span(0, 0, 0, 2)), true, 'the end of a line is inside');
    assert.equal(isRangeInside(document, span(1, 1, 1, 1)), true);
    assert.equal(isRangeInside(document, span(0, 1, 0, 0)), false, 'the end before the start on one line');
    assert.equal(isRangeInside(document, span(0, 0.5, 0, 1)), false, 'a fractional character');
    assert.equal(isRangeInside(document, span(0.5, 0, 1, 0)), false, 'a fractional line');
    assert.equal(isRangeInside(document, span(-1, 0, 0, 0)), false, 'a negative line');
    assert.equal(isRangeInside(document, span(0, -1, 0, 0)), false, 'a negative character');
  });
});
