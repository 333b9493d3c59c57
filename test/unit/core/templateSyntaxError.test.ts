import * as assert from 'node:assert/strict';
import Handlebars from 'handlebars';
import { scanHandlebarsTags } from '../../../src/core/formats/dotprompt/handlebarsTags';
import { describeTemplateError, parseKeepingFailure, readLexerState, type ParserFailure, type TemplateSyntaxProblem } from '../../../src/core/formats/dotprompt/templateSyntaxError';

/** Parses a template the way the template parser does and describes its first syntax error. */
function problemOf(source: string): TemplateSyntaxProblem {
  const parsed = parseKeepingFailure(() => Handlebars.parseWithoutProcessing(source));
  if (parsed.ok) return assert.fail(`expected ${JSON.stringify(source)} not to parse`);
  return describeTemplateError(parsed.error, source, scanHandlebarsTags(source), readLexerState(), parsed.failure);
}

/** Describes an error thrown by something else than the parser, with no lexer state or parser details. */
function describeAlone(error: unknown, source: string, failure?: ParserFailure): TemplateSyntaxProblem {
  return describeTemplateError(error, source, scanHandlebarsTags(source), undefined, failure);
}

function positioned(message: string, position: Record<string, number>): Error {
  return Object.assign(new Error(message), position);
}

describe('Template syntax errors', () => {
  describe('parsing while keeping the parser\'s failure', () => {
    it('returns the parsed value of a template that parses', () => {
      const parsed = parseKeepingFailure(() => 'parsed');
      assert.deepEqual(parsed, { ok: true, value: 'parsed' });
    });

    it('keeps the token found, the tokens expected and where the unexpected token is', () => {
      const parsed = parseKeepingFailure(() => Handlebars.parseWithoutProcessing('{{foo bar baz=1 qux}}'));
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      assert.deepEqual(parsed.failure, { got: 'CLOSE', expected: ["'EQUALS'"], at: { line: 1, column: 19, endLine: 1, endColumn: 21 } });
      assert.match(String(parsed.error), /Expecting 'EQUALS', got 'CLOSE'/);
    });

    it('keeps no token and no place for a text the lexer cannot read', () => {
      const parsed = parseKeepingFailure(() => Handlebars.parseWithoutProcessing('a {{!-- x'));
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      assert.deepEqual(parsed.failure, { got: undefined, expected: [], at: undefined });
    });

    it('gives the Handlebars parser back its own error handling afterwards', () => {
      const parser: unknown = Reflect.get(Handlebars, 'Parser');
      assert.ok(typeof parser === 'object' && parser !== null);
      const before: unknown = Reflect.get(parser, 'parseError');
      const hadOwn = Object.prototype.hasOwnProperty.call(parser, 'parseError');
      parseKeepingFailure(() => Handlebars.parseWithoutProcessing('{{foo bar='));
      parseKeepingFailure(() => Handlebars.parseWithoutProcessing('{{ok}}'));
      assert.equal(Reflect.get(parser, 'parseError'), before);
      assert.equal(Object.prototype.hasOwnProperty.call(parser, 'parseError'), hadOwn);
      assert.throws(() => Handlebars.parseWithoutProcessing('{{foo bar=}}'), /Expecting/);
    });

    it('keeps what the lexer had read when parsing stopped', () => {
      parseKeepingFailure(() => Handlebars.parseWithoutProcessing('{{foo @}}'));
      assert.deepEqual(readLexerState(), { matched: '{{foo @}}', match: '}}' });
    });
  });

  describe('blocks', () => {
    it('names a mismatched close tag, the block it fails to close and the close tag it needs, across CRLF lines', () => {
      assert.deepEqual(problemOf('a\r\n{{#if x}}\r\n{{/each}}'), {
        start: 14,
        end: 23,
        message: '{{/each}} does not close the open block {{#if x}}; close it with {{/if}}.',
        related: { start: 3, end: 12, message: 'The block is opened here.' },
      });
    });

    it('quotes an open tag of 24 characters whole and cuts a longer one', () => {
      assert.equal(problemOf('{{#each abcdefghijklmn}}\n{{/if}}').message, '{{/if}} does not close the open block {{#each abcdefghijklmn}}; close it with {{/each}}.');
      assert.equal(problemOf('{{#each abcdefghijklmno}}\n{{/if}}').message, '{{/if}} does not close the open block {{#each abcdefghijklmno}…; close it with {{/each}}.');
    });

    it('closes a mismatched raw block with four braces', () => {
      assert.deepEqual(problemOf('{{{{raw}}}} x {{{{/other}}}}'), {
        start: 14,
        end: 28,
        message: '{{{{/other}}}} does not close the open block {{{{raw}}}}; close it with {{{{/raw}}}}.',
        related: { start: 0, end: 11, message: 'The block is opened here.' },
      });
    });

    it('points an unclosed block at the innermost block left open', () => {
      assert.deepEqual(problemOf('{{#if a}}{{#each b}}x'), { start: 9, end: 20, message: '{{#each b}} is never closed; add {{/each}} after its content.' });
      assert.deepEqual(problemOf('{{{{raw}}}}x{{{{/raw}}}}{{#if a}}'), { start: 24, end: 33, message: '{{#if a}} is never closed; add {{/if}} after its content.' });
    });

    it('says else and else-if are only allowed inside a block', () => {
      assert.deepEqual(problemOf('{{else}}'), { start: 0, end: 8, message: '{{else}} is only allowed inside a block.' });
      assert.deepEqual(problemOf('{{^}}'), { start: 0, end: 5, message: '{{^}} is only allowed inside a block.' });
      assert.deepEqual(problemOf('a {{else if b}} c'), { start: 2, end: 15, message: '{{else if b}} is only allowed inside a block.' });
    });

    it('says nothing may follow the plain else of a block', () => {
      const afterElse = '{{else if b}} cannot follow another {{else}}: a block has at most one plain {{else}}, and it comes last.';
      assert.deepEqual(problemOf('{{#if a}}x{{else}}y{{else if b}}z{{/if}}'), { start: 19, end: 32, message: afterElse });
      assert.deepEqual(problemOf('{{#if a}}x{{^}}y{{^}}z{{/if}}'), { start: 16, end: 21, message: '{{^}} cannot follow another {{else}}: a block has at most one plain {{else}}, and it comes last.' });
    });
  });

  describe('tags, strings and comments', () => {
    it('points a tag left open at the end of the template from its braces to the end of its line', () => {
      assert.deepEqual(problemOf('{{#if a}}{{/if}}{{'), { start: 16, end: 18, message: 'This tag is never closed with }}.' });
      assert.deepEqual(problemOf('{{foo bar'), { start: 0, end: 9, message: 'This tag is never closed with }}.' });
      assert.deepEqual(problemOf('{{foo}'), { start: 0, end: 6, message: 'This tag is never closed with }}.' });
      assert.deepEqual(problemOf('ab {{!x\nnext'), { start: 3, end: 7, message: 'This tag is never closed with }}.' });
    });

    it('points a string left open from its quote to the end of its line', () => {
      assert.deepEqual(problemOf('{{foo "bar'), { start: 6, end: 10, message: 'This string is never closed.' });
      assert.deepEqual(problemOf("{{foo 'bar}}\nmore"), { start: 6, end: 12, message: 'This string is never closed.' });
    });

    it('says how to close a comment left open: long comments with --}}, short ones with }}', () => {
      assert.deepEqual(problemOf('a {{!-- x\nmore'), { start: 2, end: 9, message: 'This comment is never closed; end it with --}}.' });
      assert.deepEqual(problemOf('{{~!-- note'), { start: 0, end: 11, message: 'This comment is never closed; end it with --}}.' });
      const lexical = new Error('Lexical error on line 1. Unrecognized text.');
      assert.deepEqual(describeAlone(lexical, 'ab {{! note\r\nc'), { start: 3, end: 11, message: 'This comment is never closed; end it with }}.' });
    });

    it('names a character Handlebars cannot read inside a tag, and what it expected instead', () => {
      assert.deepEqual(problemOf('{{foo %}}'), { start: 6, end: 7, message: 'Handlebars cannot read % here; expected }}}} or }} or }}} or (.' });
    });

    it('quotes the unexpected token and says what could come instead', () => {
      assert.deepEqual(problemOf('{{foo @}}'), { start: 7, end: 9, message: 'Unexpected }} here; expected a name.' });
      assert.deepEqual(problemOf('{{foo (bar}}'), { start: 10, end: 12, message: 'Unexpected }} here; expected ( or ) or a name or a value.' });
      assert.deepEqual(problemOf('{{foo as |x|}}'), { start: 6, end: 10, message: 'Unexpected as | here; expected }} or ( or a name or a value.' });
      assert.deepEqual(problemOf('{{#foo as |x}}{{/foo}}'), { start: 12, end: 14, message: 'Unexpected }} here; expected a name or |.' });
      assert.deepEqual(problemOf('{{foo bar baz=1 qux}}'), { start: 19, end: 21, message: 'Unexpected }} here; expected =.' });
    });

    it('points text the lexer cannot read at its first character', () => {
      assert.deepEqual(problemOf('{{{{raw}}}} x'), { start: 11, end: 12, message: 'Handlebars cannot read the text here.' });
    });
  });

  describe('errors described without the parser\'s details', () => {
    it('says the template is nested too deeply when parsing overflows the stack, on its first line', () => {
      const expected = 'The template is nested too deeply for Handlebars to parse.';
      assert.deepEqual(describeAlone(new RangeError('Maximum call stack size exceeded'), 'ab\ncd'), { start: 0, end: 2, message: expected });
      assert.deepEqual(describeAlone(new RangeError('Maximum call stack size exceeded'), 'abc\rcd'), { start: 0, end: 3, message: expected });
    });

    it('places an error with a line and column at that place, whatever the line endings', () => {
      const source = 'ab\r\ncd\ref\ngh';
      assert.deepEqual(describeAlone(positioned('bad path - 2:1', { lineNumber: 2, column: 1 }), source), { start: 5, end: 5, message: 'Bad path.' });
      assert.deepEqual(describeAlone(positioned('bad path', { lineNumber: 3, column: 1, endLineNumber: 4, endColumn: 2 }), source), { start: 8, end: 12, message: 'Bad path.' });
      assert.deepEqual(describeAlone(positioned('past the end!', { lineNumber: 9, column: 3 }), source), { start: 12, end: 12, message: 'Past the end!' });
      assert.deepEqual(describeAlone(positioned('before the start', { lineNumber: 1, column: -4 }), source), { start: 0, end: 0, message: 'Before the start.' });
      assert.deepEqual(describeAlone(positioned('far right', { lineNumber: 4, column: 40 }), source), { start: 12, end: 12, message: 'Far right.' });
      assert.deepEqual(describeAlone(positioned('backwards', { lineNumber: 2, column: 2, endLineNumber: 1, endColumn: 0 }), source), { start: 6, end: 6, message: 'Backwards.' });
    });

    it('reports a mismatch message it cannot pair with a block at the place Handlebars gives', () => {
      assert.deepEqual(describeAlone(positioned("if doesn't match each - 1:1", { lineNumber: 1, column: 1 }), 'abc'), { start: 1, end: 1, message: "If doesn't match each." });
    });

    it('ignores a line or column that is not a finite number', () => {
      const error = positioned('odd', { lineNumber: Number.NaN, column: 1 });
      assert.deepEqual(describeAlone(error, 'ab\ncd'), { start: 0, end: 2, message: 'Handlebars cannot parse the template: odd.' });
      assert.deepEqual(describeAlone(positioned('odd', { lineNumber: 1 }), 'ab\ncd'), { start: 0, end: 2, message: 'Handlebars cannot parse the template: odd.' });
    });

    it('reports any other failure on the first line, as one sentence', () => {
      assert.deepEqual(describeAlone('  something   broke\n  badly ', 'line one\nline two'), { start: 0, end: 8, message: 'Handlebars cannot parse the template: something broke badly.' });
      assert.deepEqual(describeAlone(new Error('is it broken?'), ''), { start: 0, end: 0, message: 'Handlebars cannot parse the template: is it broken?' });
    });

    it('reads a lexical error from its message, at the start when the lexer state is unknown', () => {
      assert.deepEqual(describeAlone(new Error('Lexical error on line 1. Unrecognized text.'), 'abc'), { start: 0, end: 1, message: 'Handlebars cannot read the text here.' });
      assert.deepEqual(describeAlone(new Error('Lexical error on line 1. Unrecognized text.'), ''), { start: 0, end: 0, message: 'Handlebars cannot read the text here.' });
      assert.deepEqual(describeAlone(new Error('Not a Lexical error'), 'abc').message, 'Handlebars cannot parse the template: Not a Lexical error.');
    });

    it('uses the lexer position only when the lexer read this template', () => {
      const source = 'abcd';
      const lexical = new Error('Lexical error on line 1. Unrecognized text.');
      assert.deepEqual(describeTemplateError(lexical, source, scanHandlebarsTags(source), { matched: 'ab', match: 'b' }), { start: 2, end: 3, message: 'Handlebars cannot read the text here.' });
      assert.deepEqual(describeTemplateError(lexical, source, scanHandlebarsTags(source), { matched: 'xy', match: 'y' }), { start: 0, end: 1, message: 'Handlebars cannot read the text here.' });
    });

    it('places an unexpected token from the lexer state when the parser gives no place', () => {
      const source = 'a {{foo bar=}} b';
      const error = new Error("Parse error on line 1:\nExpecting 'ID', got 'CLOSE'");
      assert.deepEqual(describeTemplateError(error, source, scanHandlebarsTags(source), { matched: 'a {{foo bar=}}', match: '}}' }), { start: 12, end: 14, message: 'Unexpected }} here; expected a name.' });
    });

    it('names the unexpected token when there is no text to quote', () => {
      const source = 'a {{foo bar=}} b';
      assert.deepEqual(describeAlone(new Error("Parse error: Expecting 'ID', 'FOO_BAR', got 'CLOSE'"), source), { start: 16, end: 16, message: 'Unexpected }} here; expected a name or text or a tag.' });
      assert.deepEqual(describeAlone(new Error("Parse error: Expecting 'ID', got 'WEIRD'"), source), { start: 16, end: 16, message: 'Unexpected text here; expected a name.' });
      assert.deepEqual(describeAlone(new Error('Parse error: nothing more'), source), { start: 16, end: 16, message: 'Unexpected text here; expected something else.' });
    });

    it('says the template ends too early when no tag or block is left open', () => {
      const failure: ParserFailure = { got: 'EOF', expected: ["'ID'", "'STRING'", "'NUMBER'", "'DATA'", "'OPEN_SEXPR'", "'SEP'"], at: { line: 1, column: 0, endLine: 1, endColumn: 1 } };
      assert.deepEqual(describeAlone(new Error('x'), 'plain text', failure), { start: 10, end: 10, message: 'The template ends too early; expected a name or a value or an @variable or (.' });
      const endBlock: ParserFailure = { got: 'EOF', expected: ["'OPEN_ENDBLOCK'"], at: undefined };
      assert.deepEqual(describeAlone(new Error('x'), 'ab', endBlock), { start: 2, end: 2, message: 'The template ends too early; expected a closing {{/…}} tag.' });
    });

    it('reads a parse error from the message alone, at the end of the template', () => {
      assert.deepEqual(describeAlone(new Error("Parse error on line 1:\nExpecting 'OPEN_ENDBLOCK', got 'EOF'"), 'ab'), { start: 2, end: 2, message: 'The template ends too early; expected a closing {{/…}} tag.' });
      const source = '{{else}}';
      const error = new Error("Parse error on line 1:\nExpecting 'EOF', got 'INVERSE'");
      assert.deepEqual(describeTemplateError(error, source, scanHandlebarsTags(source), { matched: '{{else}}', match: '{{else}}' }), { start: 0, end: 8, message: '{{else}} is only allowed inside a block.' });
    });
  });
});
