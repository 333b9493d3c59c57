import type { PathSegment, VariablePath } from '../../checks/templateAnalysis';
import type { PromptTemplate } from '../../document/promptDocument';
import type { PromptDiagnostic } from '../../document/promptDiagnostic';
import type { Range } from '../../document/textDocument';

/** A Handlebars path such as `name`, `../title`, `this.items`, `@root.user.id` or `@index`. */
export interface TemplatePath extends VariablePath {
  readonly kind: 'path';
  /** The names after the `@`, `this`, `./` and `../` prefixes (empty for `{{this}}`). */
  readonly segments: readonly PathSegment[];
}

/** A string, number, boolean, `null` or `undefined` literal. */
export interface TemplateLiteral {
  readonly kind: 'literal';
  readonly value: string | number | boolean | null | undefined;
  readonly range: Range;
}

/** A helper call in parentheses, `(lookup items @index)`. */
export interface TemplateSubExpression {
  readonly kind: 'subexpression';
  readonly range: Range;
  readonly callee: TemplatePath;
  readonly params: readonly TemplateExpression[];
  readonly hash: readonly TemplateHashPair[];
}

export type TemplateExpression = TemplatePath | TemplateLiteral | TemplateSubExpression;

/** A `key=value` argument. */
export interface TemplateHashPair {
  readonly key: string;
  readonly keyRange: Range;
  readonly value: TemplateExpression;
  readonly range: Range;
}

/** `{{name}}`, `{{{name}}}`, `{{helper arg key=value}}` or a decorator `{{* name}}`. */
export interface MustacheNode {
  readonly kind: 'mustache';
  readonly range: Range;
  readonly callee: TemplatePath | TemplateLiteral;
  readonly params: readonly TemplateExpression[];
  readonly hash: readonly TemplateHashPair[];
  readonly decorator: boolean;
}

/** A block parameter declared with `as |item index|`. */
export interface BlockParam {
  readonly name: string;
  readonly range: Range;
}

/** `{{#helper ...}}...{{else}}...{{/helper}}`, `{{^name}}...{{/name}}`, a chained `{{else if}}` or `{{#*inline}}`. */
export interface BlockNode {
  readonly kind: 'block';
  readonly range: Range;
  /** The opening tag, or the `{{else if ...}}` tag of a chained block. */
  readonly openRange: Range;
  /** The closing tag; absent for a chained `{{else if}}` block, which shares its parent's. */
  readonly closeRange: Range | undefined;
  readonly callee: TemplatePath;
  readonly params: readonly TemplateExpression[];
  readonly hash: readonly TemplateHashPair[];
  readonly blockParams: readonly BlockParam[];
  readonly program: readonly TemplateStatement[];
  readonly inverse: readonly TemplateStatement[];
  /** Written `{{^name}}`: only the inverse section exists. */
  readonly inverted: boolean;
  readonly chained: boolean;
  /** A decorator block such as `{{#*inline "name"}}`. */
  readonly decorator: boolean;
}

/** `{{> name context key=value}}` or a partial block `{{#> name}}...{{/name}}`. */
export interface PartialNode {
  readonly kind: 'partial';
  readonly range: Range;
  /** The partial's name when it is static (`{{> name}}`, `{{> "name"}}`); absent for `{{> (dynamic)}}`. */
  readonly name: string | undefined;
  readonly nameRange: Range;
  readonly dynamicName: TemplateSubExpression | undefined;
  readonly params: readonly TemplateExpression[];
  readonly hash: readonly TemplateHashPair[];
  /** The content of a partial block, rendered as `@partial-block`. */
  readonly program: readonly TemplateStatement[] | undefined;
}

export type TemplateStatement = MustacheNode | BlockNode | PartialNode;

/** The Handlebars template of a prompt, with document ranges on every node. */
export interface TemplateModel extends PromptTemplate {
  readonly kind: 'handlebars';
  /** The text handed to Handlebars (dotprompt trims the body after front matter). */
  readonly source: string;
  /** The statements, or undefined when the template does not parse. */
  readonly statements: readonly TemplateStatement[] | undefined;
  /** `template-syntax` diagnostics (at most one: Handlebars stops at the first error). */
  readonly diagnostics: readonly PromptDiagnostic[];
}

/** Tells a Handlebars template from another format's. */
export function isHandlebarsTemplate(template: PromptTemplate): template is TemplateModel {
  return template.kind === 'handlebars';
}

/** The Handlebars statements of a dotprompt document's template; undefined when it does not parse. */
export function templateStatements(document: { readonly template: PromptTemplate }): readonly TemplateStatement[] | undefined {
  return isHandlebarsTemplate(document.template) ? document.template.statements : undefined;
}
