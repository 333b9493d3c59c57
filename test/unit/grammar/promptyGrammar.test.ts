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
const VARIABLE = 'variable.other.prompty';
const ROLE_KEYWORD = 'keyword.other.role.prompty';
const ROLE_HEADING = 'markup.heading.role.prompty';
const COMMENT = 'comment.block.prompty';

describe('Prompty grammar', () => {
  let jinja: TokenizedDocument;
  let mustache: TokenizedDocument;

  before(async () => {
    const grammar = await loadGrammar('source.prompty', { withYaml: true });
    jinja = tokenizeFixture(grammar, 'support-chat.prompty');
    mustache = tokenizeFixture(grammar, 'mustache.prompty');
  });

  describe('front matter', () => {
    it('highlights the front matter as embedded YAML and the body after --- as template', () => {
      const key = jinja.token('inputs');
      assertHasScope(key, FRONT_MATTER);
      assertHasScope(key, 'entity.name.tag.yaml');
      assertHasScope(jinja.token('---', '---', 1), 'punctuation.definition.frontmatter.end.prompty');
      assertLacksScope(jinja.token('system'), FRONT_MATTER);
      assertLacksScope(jinja.token('question', '{{question}}'), FRONT_MATTER);
    });

    it('does not treat a role word inside the front matter as a role line', () => {
      const user = mustache.token('user', '  user:');
      assertHasScope(user, FRONT_MATTER);
      assertLacksScope(user, ROLE_HEADING);
      assertLacksScope(user, ROLE_KEYWORD);
      assertHasScope(mustache.token('system'), ROLE_KEYWORD);
    });
  });

  describe('role lines', () => {
    it('scopes system:, user: and assistant: lines as role headings', () => {
      for (const role of ['system', 'user', 'assistant']) {
        const token = jinja.token(role, `${role}:`);
        assertHasScope(token, ROLE_KEYWORD);
        assertHasScope(token, ROLE_HEADING);
        assertHasScope(token, 'meta.role.prompty');
        assertHasScope(jinja.token(':', `${role}:`), 'punctuation.separator.role.prompty');
      }
    });

    it('does not scope a role word followed by prose as a role line', () => {
      const line = jinja.token('User: this line is prose, not a role line.');
      assert.deepEqual(line.scopes, ['source.prompty']);
    });
  });

  describe('jinja2 tags', () => {
    it('scopes {{ var }} with variables, properties and filters', () => {
      assertHasScope(jinja.token('{{', '{{ order.id'), 'punctuation.definition.tag.begin.prompty');
      const order = jinja.token('order', '{{ order.id');
      assertHasScope(order, VARIABLE);
      assertHasScope(order, 'meta.tag.template.expression.prompty');
      assertHasScope(jinja.token('id', 'order.id'), 'variable.other.property.prompty');
      assertHasScope(jinja.token('|', '| upper'), 'keyword.operator.filter.prompty');
      const upper = jinja.token('upper');
      assertHasScope(upper, 'support.function.filter.prompty');
      assertLacksScope(upper, VARIABLE);
      assertHasScope(jinja.token('loop'), 'variable.language.prompty');
    });

    it('scopes filter arguments', () => {
      assertHasScope(jinja.token('default', '| default('), 'support.function.filter.prompty');
      assertHasScope(jinja.token('there'), 'string.quoted.double.prompty');
      assertHasScope(jinja.token('customer_name'), VARIABLE);
    });

    it('scopes {% for %} … {% endfor %} and {% if %} … {% endif %} statements', () => {
      const open = jinja.token('{%', '{%- for');
      assertHasScope(open, 'meta.tag.template.statement.prompty');
      assertHasScope(open, 'punctuation.definition.tag.begin.prompty');
      assertHasScope(jinja.token('-', '{%- for'), 'punctuation.definition.whitespace-control.prompty');
      assertHasScope(jinja.token('for', '{%- for'), 'keyword.control.prompty');
      assertHasScope(jinja.token('in', ' in orders'), 'keyword.operator.word.prompty');
      assertHasScope(jinja.token('orders', 'in orders'), VARIABLE);
      assertHasScope(jinja.token('endfor'), 'keyword.control.prompty');
      assertHasScope(jinja.token('if', '{% if orders'), 'keyword.control.prompty');
      assertHasScope(jinja.token('else', '{% else'), 'keyword.control.prompty');
      assertHasScope(jinja.token('endif'), 'keyword.control.prompty');
      assertHasScope(jinja.token('%}', '{% endif %}'), 'punctuation.definition.tag.end.prompty');
    });

    it('scopes {# #} comments, including comments over several lines', () => {
      assertHasScope(jinja.token(' keep answers short '), COMMENT);
      assertHasScope(jinja.token('{#', '{# a comment'), 'punctuation.definition.comment.begin.prompty');
      assertHasScope(jinja.token('   over two lines '), COMMENT);
      assertHasScope(jinja.token('#}', 'lines #}'), 'punctuation.definition.comment.end.prompty');
    });

    it('leaves prose between tags unscoped', () => {
      assert.deepEqual(jinja.token('Recent orders:').scopes, ['source.prompty']);
    });
  });

  describe('mustache tags', () => {
    it('scopes {{var}} as a variable', () => {
      assertHasScope(mustache.token('name', '{{name}}'), VARIABLE);
      assertHasScope(mustache.token('html'), VARIABLE);
      assertHasScope(mustache.token('{{{'), 'meta.tag.template.raw.prompty');
    });

    it('scopes sections, inverted sections and their closing tags', () => {
      assertHasScope(mustache.token('#', '{{#items}}'), 'punctuation.definition.block.begin.prompty');
      const items = mustache.token('items', '{{#items}}');
      assertHasScope(items, 'meta.tag.template.block.begin.prompty');
      assertHasScope(items, VARIABLE);
      assertHasScope(mustache.token('^', '{{^items}}'), 'punctuation.definition.block.inverse.prompty');
      assertHasScope(mustache.token('/', '{{/items}}'), 'punctuation.definition.block.end.prompty');
      assertHasScope(mustache.token('items', '{{/items}}'), 'meta.tag.template.block.end.prompty');
    });

    it('scopes mustache comments and partials', () => {
      assertHasScope(mustache.token(' mustache comment '), COMMENT);
      const footer = mustache.token('footer');
      assertHasScope(footer, 'entity.name.function.partial.prompty');
      assertLacksScopePrefix(footer, 'variable.');
    });
  });
});
