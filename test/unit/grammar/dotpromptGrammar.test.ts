import * as assert from 'node:assert/strict';
import {
  assertHasScope,
  assertLacksScope,
  assertLacksScopePrefix,
  loadGrammar,
  tokenizeFixture,
  type TokenizedDocument,
} from './textmateTokenizer';

const FRONT_MATTER = 'meta.embedded.block.frontmatter';
const VARIABLE = 'variable.other.dotprompt';
const PROPERTY = 'variable.other.property.dotprompt';
const BUILTIN = 'support.function.builtin.dotprompt';
const HELPER = 'entity.name.function.helper.dotprompt';
const PARTIAL = 'entity.name.function.partial.dotprompt';
const ROLE = 'meta.role.dotprompt';
const COMMENT = 'comment.block.dotprompt';

describe('dotprompt grammar', () => {
  let doc: TokenizedDocument;
  let templateOnly: TokenizedDocument;
  let withoutYaml: TokenizedDocument;

  before(async () => {
    const grammar = await loadGrammar('source.dotprompt', { withYaml: true });
    doc = tokenizeFixture(grammar, 'itinerary.prompt');
    templateOnly = tokenizeFixture(grammar, 'template-only.prompt');
    withoutYaml = tokenizeFixture(await loadGrammar('source.dotprompt', { withYaml: false }), 'itinerary.prompt');
  });

  describe('front matter', () => {
    it('highlights the front matter as embedded YAML', () => {
      const key = doc.token('model');
      assertHasScope(key, FRONT_MATTER);
      assertHasScope(key, 'entity.name.tag.yaml');
      assertHasScope(doc.token('days', '    days: 3'), FRONT_MATTER);
    });

    it('keeps the --- delimiters outside the embedded YAML', () => {
      const open = doc.token('---', '---', 0);
      const close = doc.token('---', '---', 1);
      assertHasScope(open, 'punctuation.definition.frontmatter.begin.dotprompt');
      assertHasScope(close, 'punctuation.definition.frontmatter.end.dotprompt');
      assertLacksScope(open, FRONT_MATTER);
      assertLacksScope(close, FRONT_MATTER);
    });

    it('ends the front matter at the closing --- so the template is not YAML', () => {
      for (const token of doc.tokensOf('{{role "system"}}')) {
        assertLacksScope(token, FRONT_MATTER);
        assertLacksScope(token, 'meta.frontmatter.dotprompt');
      }
      assertLacksScope(doc.token('destination', '{{destination}}'), FRONT_MATTER);
    });

    it('treats a --- line later in the template as plain text', () => {
      assert.deepEqual(doc.token('---', '---', 2).scopes, ['source.dotprompt']);
      assertHasScope(doc.token('destination', 'front matter: {{destination}}'), VARIABLE);
    });

    it('recognises front matter only at the very start of the file', () => {
      assertHasScope(templateOnly.token('name', '{{name}}'), VARIABLE);
      assert.deepEqual(templateOnly.token('---').scopes, ['source.dotprompt']);
      for (const token of templateOnly.tokensOf('model: not/front-matter')) assert.deepEqual(token.scopes, ['source.dotprompt']);
      assertHasScope(templateOnly.token('this'), 'variable.language.this.dotprompt');
    });

    it('still marks the front matter region when no YAML grammar is installed', () => {
      const [line] = withoutYaml.tokensOf('model: googleai/gemini-2.5-flash');
      assert.ok(line);
      assertHasScope(line, FRONT_MATTER);
      assertLacksScope(line, 'entity.name.tag.yaml');
      assertHasScope(withoutYaml.token('---', '---', 1), 'punctuation.definition.frontmatter.end.dotprompt');
      assertHasScope(withoutYaml.token('days', '{{days}}'), VARIABLE);
    });
  });

  describe('variables and helpers', () => {
    it('gives a variable the variable scope and no helper scope', () => {
      const days = doc.token('days', 'Plan {{days}}');
      assertHasScope(days, VARIABLE);
      assertHasScope(days, 'meta.tag.template.expression.dotprompt');
      assertLacksScope(days, BUILTIN);
      assertLacksScope(days, HELPER);
    });

    it('scopes the later segments of a dotted path as properties', () => {
      assertHasScope(doc.token('traveller', '{{traveller.name}}'), VARIABLE);
      assertHasScope(doc.token('.', '{{traveller.name}}'), 'punctuation.separator.path.dotprompt');
      const name = doc.token('name', '{{traveller.name}}');
      assertHasScope(name, PROPERTY);
      assertLacksScope(name, VARIABLE);
    });

    it('scopes dotprompt and Handlebars built-in helpers as built-ins', () => {
      const builtins: ReadonlyArray<readonly [string, string]> = [
        ['role', '{{role "system"}}'],
        ['history', '{{history}}'],
        ['section', '{{section "answer"}}'],
        ['media', '{{media url'],
        ['json', '{{{json'],
        ['ifEquals', '{{#ifEquals'],
        ['unlessEquals', '{{#unlessEquals'],
        ['if', '{{#if'],
        ['unless', '{{~#unless'],
        ['each', '{{#each'],
        ['with', '{{#with'],
        ['lookup', '(lookup'],
        ['log', '{{log'],
      ];
      for (const [name, context] of builtins) {
        const token = doc.token(name, context);
        assertHasScope(token, BUILTIN);
        assertLacksScopePrefix(token, 'variable.');
      }
    });

    it('scopes a custom helper as a helper and its arguments as variables', () => {
      const upper = doc.token('upper', '{{upper traveller.name}}');
      assertHasScope(upper, HELPER);
      assertLacksScopePrefix(upper, 'variable.');
      assertHasScope(doc.token('traveller', '{{upper traveller.name}}'), VARIABLE);
      assertHasScope(doc.token('formatDate'), HELPER);
    });

    it('treats the first name inside a sub-expression as a helper', () => {
      assertHasScope(doc.token('(', '(dateOf'), 'punctuation.section.parens.begin.dotprompt');
      assertHasScope(doc.token('dateOf'), HELPER);
      assertHasScope(doc.token('departure'), VARIABLE);
      assertHasScope(doc.token('departure'), 'meta.function-call.subexpression.dotprompt');
      assertHasScope(doc.token(')', 'departure)'), 'punctuation.section.parens.end.dotprompt');
    });

    it('does not mistake variables that start with a helper name for helpers', () => {
      for (const name of ['iffy', 'history_note', 'eachDay']) {
        const token = doc.token(name);
        assertHasScope(token, VARIABLE);
        assertLacksScope(token, BUILTIN);
      }
    });
  });

  describe('role markers', () => {
    it('marks every token of {{role "system"}} with the role meta scope', () => {
      const tokens = doc.tokensOf('{{role "system"}}');
      assert.deepEqual(
        tokens.map((t) => t.text),
        ['{{', 'role', ' ', '"', 'system', '"', '}}'],
      );
      for (const token of tokens) assertHasScope(token, ROLE);
      const role = doc.token('system', '{{role "system"}}');
      assertHasScope(role, 'string.quoted.double.dotprompt');
      assertHasScope(role, 'entity.name.section.role.dotprompt');
    });

    it('marks single-quoted roles too', () => {
      const role = doc.token('user', "{{role 'user'}}");
      assertHasScope(role, ROLE);
      assertHasScope(role, 'string.quoted.single.dotprompt');
      assertHasScope(role, 'entity.name.section.role.dotprompt');
    });

    it('does not mark other helpers or mustaches as roles', () => {
      for (const token of doc.tokensOf('{{section "answer"}}')) assertLacksScope(token, ROLE);
      for (const token of doc.tokensOf('{{history}}')) assertLacksScope(token, ROLE);
      assertLacksScope(doc.token('days', 'Plan {{days}}'), ROLE);
    });
  });

  describe('blocks', () => {
    it('scopes the opening tag of a block', () => {
      const open = doc.token('{{', '{{#if traveller');
      assertHasScope(open, 'meta.tag.template.block.begin.dotprompt');
      assertHasScope(open, 'punctuation.definition.tag.begin.dotprompt');
      assertHasScope(doc.token('#', '{{#if traveller'), 'punctuation.definition.block.begin.dotprompt');
      assertHasScope(doc.token('interests', '{{#if traveller.interests}}'), PROPERTY);
      assertHasScope(doc.token('}}', '{{#if traveller.interests}}'), 'punctuation.definition.tag.end.dotprompt');
    });

    it('scopes the closing tag of a block with the same helper scope as its opener', () => {
      assertHasScope(doc.token('/', '{{/each}}'), 'punctuation.definition.block.end.dotprompt');
      const each = doc.token('each', '{{/each}}');
      assertHasScope(each, 'meta.tag.template.block.end.dotprompt');
      assertHasScope(each, BUILTIN);
      assertHasScope(doc.token('with', '{{/with}}'), BUILTIN);
    });

    it('scopes {{else}}, chained {{else if}} and {{^}}', () => {
      const elseIf = doc.token('else', '{{else if');
      assertHasScope(elseIf, 'keyword.control.else.dotprompt');
      assertHasScope(elseIf, 'meta.tag.template.block.else.dotprompt');
      assertHasScope(doc.token('if', '{{else if'), BUILTIN);
      assertHasScope(doc.token('^', '{{^}}'), 'keyword.control.else.dotprompt');
    });

    it('scopes block parameters', () => {
      assertHasScope(doc.token('as', ' as |interest'), 'keyword.control.as.dotprompt');
      assertHasScope(doc.token('interest', '|interest idx|'), 'variable.parameter.dotprompt');
      assertHasScope(doc.token('idx'), 'variable.parameter.dotprompt');
      assertHasScope(doc.token('interest', '{{interest}}'), VARIABLE);
    });

    it('scopes whitespace-control tildes without breaking the tag', () => {
      assertHasScope(doc.token('~', '{{~#unless'), 'punctuation.definition.whitespace-control.dotprompt');
      assertHasScope(doc.token('days', '{{~#unless days~}}'), VARIABLE);
      assertHasScope(doc.token('unless', '{{~/unless~}}'), BUILTIN);
      assert.deepEqual(doc.token('none').scopes, ['source.dotprompt']);
    });
  });

  describe('comments', () => {
    it('scopes {{! }} comments', () => {
      assertHasScope(doc.token('{{!', '{{! a short'), 'punctuation.definition.comment.begin.dotprompt');
      assertHasScope(doc.token(' a short comment '), COMMENT);
      assertHasScope(doc.token('}}', 'comment }}'), 'punctuation.definition.comment.end.dotprompt');
    });

    it('keeps }} inside a {{!-- --}} comment as comment text', () => {
      const body = doc.token(' a long comment with }} inside, still a comment ');
      assertHasScope(body, COMMENT);
      assertHasScope(doc.token('--}}'), 'punctuation.definition.comment.end.dotprompt');
      for (const token of doc.tokensOf('{{!-- a long comment with }} inside, still a comment --}}')) {
        assertHasScope(token, COMMENT);
        assertLacksScopePrefix(token, 'variable.');
      }
    });

    it('resumes template highlighting after a comment', () => {
      assertHasScope(doc.token('travel/style'), PARTIAL);
    });
  });

  describe('partials', () => {
    it('scopes a partial name, including a path, as a partial and not a variable', () => {
      assertHasScope(doc.token('>', '{{> travel'), 'punctuation.definition.partial.dotprompt');
      const name = doc.token('travel/style');
      assertHasScope(name, PARTIAL);
      assertHasScope(name, 'meta.tag.template.partial.dotprompt');
      assertLacksScopePrefix(name, 'variable.');
    });

    it('scopes hash arguments passed to a partial', () => {
      assertHasScope(doc.token('tone'), 'entity.other.attribute-name.dotprompt');
      assertHasScope(doc.token('friendly'), 'string.quoted.double.dotprompt');
    });
  });

  describe('literals, hash arguments and data variables', () => {
    it('scopes string, number, boolean and null literals', () => {
      assertHasScope(doc.token('short', '"short"'), 'string.quoted.double.dotprompt');
      assertHasScope(doc.token('-1.5'), 'constant.numeric.dotprompt');
      assertHasScope(doc.token('2', 'indent=2'), 'constant.numeric.dotprompt');
      assertHasScope(doc.token('true', 'strict=true'), 'constant.language.boolean.dotprompt');
      assertHasScope(doc.token('null', 'fallback=null'), 'constant.language.null.dotprompt');
    });

    it('scopes hash arguments as key=value', () => {
      assertHasScope(doc.token('url', 'url=photoUrl'), 'entity.other.attribute-name.dotprompt');
      assertHasScope(doc.token('=', 'url=photoUrl'), 'punctuation.separator.key-value.dotprompt');
      assertHasScope(doc.token('photoUrl'), VARIABLE);
      assertHasScope(doc.token('contentType'), 'entity.other.attribute-name.dotprompt');
    });

    it('scopes @data variables, this and ../ parent paths', () => {
      assertHasScope(doc.token('index', '{{@index}}'), 'variable.language.data.dotprompt');
      assertHasScope(doc.token('@', '{{@index}}'), 'punctuation.definition.variable.dotprompt');
      assertHasScope(doc.token('root', '{{@root.days}}'), 'variable.language.data.dotprompt');
      assertHasScope(doc.token('days', '{{@root.days}}'), PROPERTY);
      assertHasScope(doc.token('this', '{{this}}'), 'variable.language.this.dotprompt');
      assertHasScope(doc.token('../'), 'variable.language.parent.dotprompt');
      assertHasScope(doc.token('destination', '{{../destination}}'), VARIABLE);
    });

    it('scopes {{{ }}} as raw output with its own delimiters', () => {
      const open = doc.token('{{{');
      assertHasScope(open, 'meta.tag.template.raw.dotprompt');
      assertHasScope(open, 'punctuation.definition.tag.begin.dotprompt');
      assertHasScope(doc.token('json', '{{{json'), BUILTIN);
      assertHasScope(doc.token('}}}'), 'punctuation.definition.tag.end.dotprompt');
    });

    it('leaves prose outside mustaches unscoped', () => {
      assert.deepEqual(doc.token('Plan ').scopes, ['source.dotprompt']);
      assert.deepEqual(doc.token('They enjoy:').scopes, ['source.dotprompt']);
    });
  });
});
