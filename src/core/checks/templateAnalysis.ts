import type { PromptDiagnostic } from '../document/promptDiagnostic';
import type { Range } from '../document/textDocument';
import type { DeclaredProperty } from '../schema/schemaShape';

/** One name of a path (`person`, `name` in `person.name`), with where it is written. */
export interface PathSegment {
  readonly name: string;
  readonly range: Range;
}

/** A path a template reads, in any format: `name`, `customer.plan`, Handlebars' `../title` or `@root.user.id`. */
export interface VariablePath {
  /** The path as written. */
  readonly original: string;
  readonly range: Range;
  /** Starts with a data variable (Handlebars `@index`, `@root`; Jinja's `loop`). */
  readonly data: boolean;
  /** How many levels out it reaches (Handlebars `../`). */
  readonly depth: number;
  /** Starts with `this`, `.` or `..`, so it can name neither a helper nor a block parameter. */
  readonly scoped: boolean;
  /** The names after any prefix (empty for `{{this}}`). */
  readonly segments: readonly PathSegment[];
}

/** A path the template reads, resolved through the format's scoping rules. */
export interface VariableUse {
  readonly path: VariablePath;
  /** The top-level input variable the path lies in, when it reaches one. */
  readonly variable?: string;
  /** The declaration each segment resolved to, aligned with `path.segments`. */
  readonly declarations: readonly (DeclaredProperty | undefined)[];
  /** How the path started: from the input, from a block's context, a block or loop variable, or a data variable. */
  readonly origin: 'input' | 'block-context' | 'block-param' | 'data';
}

/** A call of a helper (`{{json data}}`, `{{#each items}}`) or a filter (`| upper`). */
export interface HelperCall {
  readonly name: string;
  readonly range: Range;
  readonly known: boolean;
}

/** A partial the template includes (`{{> name}}`). */
export interface PartialUse {
  readonly name: string;
  readonly range: Range;
  /** Defined in the template itself with `{{#*inline "name"}}`. */
  readonly inline: boolean;
}

/** What a template reads and calls, with the diagnostics that resolution found; the same for every format. */
export interface TemplateAnalysis {
  readonly uses: readonly VariableUse[];
  /** Top-level variables the template reads (directly, through blocks, or inside partials). */
  readonly usedVariables: ReadonlySet<string>;
  /** True when the template hands the whole input somewhere (`{{json this}}`, `{{#each @root}}`). */
  readonly usesWholeInput: boolean;
  /** True when an included template's content is unknown, so it may read any variable. */
  readonly hasOpaquePartial: boolean;
  readonly helperCalls: readonly HelperCall[];
  readonly partials: readonly PartialUse[];
  /** Uses of names the schema does not declare, for near-miss hints on unused variables. */
  readonly undeclaredUses: readonly PathSegment[];
  /** `undeclared-variable`, `unknown-property`, `unknown-helper`, `missing-partial`, `missing-file` and `template-syntax` found by resolution. */
  readonly diagnostics: readonly PromptDiagnostic[];
}

/** How the caller tells the checker about the world outside the prompt text. */
export interface TemplateAnalysisOptions {
  /** Extra helper names the application registers (Genkit `defineHelper`). */
  readonly helpers?: readonly string[];
  /** Tells whether a file the prompt includes exists (a dotprompt partial, a Prompty `${file:}` reference); without it nothing is reported missing. */
  readonly partialExists?: (name: string) => boolean;
  /** Returns the text of a file the prompt includes, so the variables a partial reads count as used; unknown partials suppress `unused-variable`. */
  readonly partialSource?: (name: string) => string | undefined;
}
