import * as assert from 'node:assert/strict';
import { parsePromptDocument } from '../../../src/core/formats/promptFileKind';
import { templateStatements, type BlockNode, type MustacheNode, type PartialNode, type TemplateStatement } from '../../../src/core/formats/dotprompt/templateModel';
import { scanHandlebarsTags } from '../../../src/core/formats/dotprompt/handlebarsTags';
import { describeTemplateError } from '../../../src/core/formats/dotprompt/templateSyntaxError';
import { lines, span, withCode } from './diagnosticExpectations';

function statementsOf(text: string): readonly TemplateStatement[] {
  const document = parsePromptDocument(text, { path: 'p.prompt' });
  assert.deepEqual(document.diagnostics, []);
  return templateStatements(document) ?? [];
}

function syntaxErrorOf(text: string) {
  const document = parsePromptDocument(text, { path: 'p.prompt' });
  assert.equal(templateStatements(document), undefined);
  const errors = withCode(document.diagnostics, 'template-syntax');
  const [error] = errors;
  assert.ok(error && errors.length === 1, JSON.stringify(errors));
  return error;
}

function asMustache(statement: TemplateStatement | undefined): MustacheNode {
  if (statement?.kind !== 'mustache') return assert.fail(`expected a mustache, got ${statement?.kind ?? 'nothing'}`);
  return statement;
}

function asBlock(statement: TemplateStatement | undefined): BlockNode {
  if (statement?.kind !== 'block') return assert.fail(`expected a block, got ${statement?.kind ?? 'nothing'}`);
  return statement;
}

function asPartial(statement: TemplateStatement | undefined): PartialNode {
  if (statement?.kind !== 'partial') return assert.fail(`expected a partial, got ${statement?.kind ?? 'nothing'}`);
  return statement;
}

describe('Template parsing', () => {
  it('places template nodes after the front matter, where the editor shows them', () => {
    const [hello] = statementsOf(lines('---', 'model: x', '---', '', '  Hello {{name}}!'));
    const mustache = asMustache(hello);
    assert.deepEqual(mustache.range, span(4, 8, 4, 16));
    assert.equal(mustache.callee.kind, 'path');
    assert.deepEqual(mustache.callee.range, span(4, 10, 4, 14));
  });

  it('gives every path segment its own range, through ../, this., @root and [literal] segments', () => {
    const [mustache] = statementsOf('{{../person.[first name].x}} {{this.a/b}} {{@root.user.id}}');
    const path = asMustache(mustache).callee;
    assert.equal(path.kind, 'path');
    if (path.kind !== 'path') return;
    assert.equal(path.depth, 1);
    assert.deepEqual(
      path.segments.map((segment) => [segment.name, segment.range]),
      [
        ['person', span(0, 5, 0, 11)],
        ['first name', span(0, 12, 0, 24)],
        ['x', span(0, 25, 0, 26)],
      ],
    );
    const statements = statementsOf('{{this.a/b}} {{@root.user.id}}');
    const scoped = asMustache(statements[0]).callee;
    assert.ok(scoped.kind === 'path' && scoped.scoped);
    assert.deepEqual(scoped.kind === 'path' ? scoped.segments.map((segment) => segment.range) : [], [span(0, 7, 0, 8), span(0, 9, 0, 10)]);
    const data = asMustache(statements[1]).callee;
    assert.ok(data.kind === 'path' && data.data);
    assert.deepEqual(data.kind === 'path' ? data.segments.map((segment) => [segment.name, segment.range]) : [], [
      ['root', span(0, 16, 0, 20)],
      ['user', span(0, 21, 0, 25)],
      ['id', span(0, 26, 0, 28)],
    ]);
  });

  it('keeps the open and close tags of blocks, and else-if chains', () => {
    const text = lines('{{#if a}}', 'x', '{{else if b}}', 'y', '{{else}}', 'z', '{{/if}}');
    const block = asBlock(statementsOf(text)[0]);
    assert.deepEqual(block.openRange, span(0, 0, 0, 9));
    assert.deepEqual(block.closeRange, span(6, 0, 6, 7));
    const chained = asBlock(block.inverse[0]);
    assert.equal(chained.chained, true);
    assert.deepEqual(chained.openRange, span(2, 0, 2, 13));
    assert.equal(chained.closeRange, undefined);
  });

  it('finds tag ends past strings that contain braces and keeps block parameter ranges', () => {
    const block = asBlock(statementsOf('{{#each (filter items "}}") as | item  idx |}}{{item}}{{/each}}')[0]);
    assert.deepEqual(block.openRange, span(0, 0, 0, 46));
    assert.deepEqual(
      block.blockParams.map((param) => [param.name, param.range]),
      [
        ['item', span(0, 33, 0, 37)],
        ['idx', span(0, 39, 0, 42)],
      ],
    );
    const filter = block.params[0];
    assert.equal(filter?.kind, 'subexpression');
    assert.deepEqual(filter?.range, span(0, 8, 0, 27));
  });

  it('keeps partial names, hash keys and sub-expression ranges', () => {
    const statements = statementsOf('{{> card person tone="warm"}}{{> (pick kind)}}{{json (lookup a "b") indent=2}}');
    const card = asPartial(statements[0]);
    assert.equal(card.name, 'card');
    assert.deepEqual(card.nameRange, span(0, 4, 0, 8));
    assert.deepEqual(card.hash.map((pair) => [pair.key, pair.keyRange]), [['tone', span(0, 16, 0, 20)]]);
    const dynamic = asPartial(statements[1]);
    assert.equal(dynamic.name, undefined);
    assert.deepEqual(dynamic.dynamicName?.range, span(0, 33, 0, 44));
    const json = asMustache(statements[2]);
    assert.deepEqual(json.params[0]?.range, span(0, 53, 0, 67));
    assert.deepEqual(json.hash[0]?.keyRange, span(0, 68, 0, 74));
  });

  it('maps ranges correctly with CRLF line endings and a BOM', () => {
    const text = '\uFEFF---\r\nmodel: x\r\n---\r\nA\r\n  {{#each items}}\r\n    {{title}}\r\n  {{/each}}\r\n';
    const block = asBlock(statementsOf(text)[0]);
    assert.deepEqual(block.openRange, span(4, 2, 4, 17));
    assert.deepEqual(block.closeRange, span(6, 2, 6, 11));
    assert.deepEqual(asMustache(block.program[0]).range, span(5, 4, 5, 13));
  });

  describe('template-syntax', () => {
    it('points an unclosed block at its opening tag', () => {
      const error = syntaxErrorOf(lines('Hi', '{{#each items}}', '  {{#if x}}{{/if}}', '  {{title}}'));
      assert.deepEqual(error?.range, span(1, 0, 1, 15));
      assert.match(error?.message ?? '', /never closed/);
      assert.equal(error?.file, 'p.prompt');
    });

    it('points a mismatched close tag at itself and the open tag in related information', () => {
      const error = syntaxErrorOf(lines('{{#if a}}', '  x', '{{/each}}'));
      assert.deepEqual(error?.range, span(2, 0, 2, 9));
      assert.deepEqual(error?.related.map((related) => related.range), [span(0, 0, 0, 9)]);
    });

    it('points a close tag without an open block at itself', () => {
      assert.deepEqual(syntaxErrorOf(lines('a', 'b {{/if}} c')).range, span(1, 2, 1, 9));
    });

    it('points a second else at itself', () => {
      assert.deepEqual(syntaxErrorOf('{{#if a}}x{{else}}y{{else}}z{{/if}}').range, span(0, 19, 0, 27));
    });

    it('points an unterminated tag from its opening braces to the end of the line', () => {
      assert.deepEqual(syntaxErrorOf(lines('Hello {{name', 'next line')).range, span(0, 6, 0, 12));
    });

    it('points a missing value at the token Handlebars did not expect', () => {
      const error = syntaxErrorOf('{{json data indent=}}');
      assert.deepEqual(error?.range, span(0, 19, 0, 21));
      assert.match(error?.message ?? '', /^Unexpected \}\} here; expected/);
    });

    it('places parse errors at the file\'s own line and column, below the front matter', () => {
      const frontMatter = ['---', 'input:', '  schema:', '    data: string', '---'];
      const missingValue = syntaxErrorOf(lines(...frontMatter, 'Hello', '  {{json data indent=}} bye'));
      assert.deepEqual([missingValue.range, missingValue.message], [span(6, 21, 6, 23), "Unexpected }} here; expected ( or a name or a value or an @variable."]);
      const secondElse = syntaxErrorOf(lines(...frontMatter, 'a', '{{#if data}}x', '  {{else}}y {{else}}z{{/if}}'));
      assert.deepEqual(secondElse.range, span(7, 12, 7, 20));
      const stray = syntaxErrorOf(lines(...frontMatter, '', '', 'x {{/each}}'));
      assert.deepEqual([stray.range, stray.message], [span(7, 2, 7, 11), '{{/each}} closes a block that was never opened.']);
    });

    it('describes a parse failure from the parser\'s structured details, whatever its message text says', () => {
      const source = lines('Hello', '  {{json data indent=}}');
      const failure = { got: 'CLOSE', expected: ["'ID'", "'STRING'"], at: { line: 2, column: 21, endLine: 2, endColumn: 23 } };
      // A message worded in a way PromptOps does not read, and no lexer state to fall back on.
      const problem = describeTemplateError(new Error('Unerwartetes Zeichen'), source, scanHandlebarsTags(source), undefined, failure);
      assert.deepEqual(problem, { start: 27, end: 29, message: 'Unexpected }} here; expected a name or a value.' });
    });

    it('reads what went wrong from the message when the parser gives nothing else', () => {
      const source = 'a {{foo bar=}}';
      const error = new Error("Parse error on line 1:\na {{foo bar=}}\n------------^\nExpecting 'OPEN_SEXPR', 'ID', 'STRING', 'NUMBER', 'BOOLEAN', 'UNDEFINED', 'NULL', 'DATA', got 'CLOSE'");
      assert.deepEqual(describeTemplateError(error, source, scanHandlebarsTags(source), undefined), { start: 14, end: 14, message: 'Unexpected }} here; expected ( or a name or a value or an @variable.' });
    });

    it('quotes a long tag in a message on one line, cut at 24 characters', () => {
      const mismatched = syntaxErrorOf('{{#each   a_really_long_collection_name_here as |x|}}\n{{/if}}');
      assert.deepEqual([mismatched?.message, mismatched?.range], ['{{/if}} does not close the open block {{#each a_really_long_co…; close it with {{/each}}.', span(1, 0, 1, 7)]);
      const stray = syntaxErrorOf('{{/a_really_long_collection_name_here_too}}');
      assert.deepEqual([stray?.message, stray?.range], ['{{/a_really_long_collect… closes a block that was never opened.', span(0, 0, 0, 43)]);
    });

    it('points an unclosed string and an unclosed comment at where they start', () => {
      assert.deepEqual(syntaxErrorOf('{{role "system}}').range, span(0, 7, 0, 16));
      assert.deepEqual(syntaxErrorOf(lines('a', 'b {{!-- note', 'c')).range, span(1, 2, 1, 12));
    });

    it('reports a NUL character, as found in binary files', () => {
      const error = syntaxErrorOf('ab\u0000cd {{x}}');
      assert.deepEqual(error?.range, span(0, 2, 0, 3));
      assert.match(error?.message ?? '', /NUL/);
    });

    it('reports invalid paths with the range Handlebars gives', () => {
      assert.deepEqual(syntaxErrorOf('{{foo/../bar}}').range, span(0, 2, 0, 12));
    });

    it('refuses nesting deep enough to stall the Handlebars parser, quickly', () => {
      const started = Date.now();
      const error = syntaxErrorOf(`${'{{#if a}}'.repeat(5000)}x${'{{/if}}'.repeat(5000)}`);
      assert.match(error?.message ?? '', /nested more than 256/);
      assert.ok(Date.now() - started < 2000);
    });

    it('accepts valid templates: comments, raw blocks, escaped mustaches, whitespace control', () => {
      const document = parsePromptDocument('{{! c }}{{!-- }} --}}{{{{raw}}}}{{x}{{{{/raw}}}}\\{{not a tag}} {{~name~}} {{{triple}}} {{else_x}}');
      assert.deepEqual(document.diagnostics, []);
    });
  });
});
