import type { Range } from './textDocument';

/** The stable diagnostic codes of DESIGN §2. */
export type DiagnosticCode =
  | 'yaml-syntax'
  | 'front-matter-schema'
  | 'template-syntax'
  | 'undeclared-variable'
  | 'unknown-property'
  | 'unused-variable'
  | 'missing-sample-value'
  | 'unknown-sample-key'
  | 'sample-type-mismatch'
  | 'unknown-helper'
  | 'missing-partial'
  | 'missing-file'
  | 'partial-cycle'
  | 'duplicate-prompt-id';

export type DiagnosticSeverity = 'error' | 'warning' | 'information' | 'hint';

/**
 * Default severity of each code; the README table is written from this one.
 *
 * | code                 | severity | notes                                                                      |
 * |----------------------|----------|----------------------------------------------------------------------------|
 * | yaml-syntax          | error    | YAML warnings (e.g. an unresolved tag) are warnings                        |
 * | front-matter-schema  | error    | warnings: unknown `input` keys, Picoschema type names the engine cannot resolve, a field with no type, a `type` field that turns Picoschema into JSON Schema, empty front matter |
 * | template-syntax      | error    | also: wrong argument count for #if/#unless/#each/#with/#ifEquals/#unlessEquals, templates too deep or too large to check |
 * | undeclared-variable  | error    |                                                                            |
 * | unknown-property     | error    | warning when the object is a JSON Schema that leaves additionalProperties open |
 * | unused-variable      | warning  | tagged `unnecessary` so the editor fades it                                |
 * | missing-sample-value | error    | warning for the implicit `default` set built from `input.default` alone   |
 * | unknown-sample-key   | warning  |                                                                            |
 * | sample-type-mismatch | error    | also a sample file or set that is not a map                                |
 * | unknown-helper       | error    | dotprompt compiles with knownHelpersOnly, so rendering would fail          |
 * | missing-partial      | error    |                                                                            |
 * | missing-file         | error    | a Prompty `${file:path}` reference to a file that does not exist         |
 * | partial-cycle        | error    | partials that include themselves; rendering them would never end         |
 * | duplicate-prompt-id  | error    | two files with one prompt id; on both files, each pointing at the other  |
 */
export const defaultSeverity: Readonly<Record<DiagnosticCode, DiagnosticSeverity>> = {
  'yaml-syntax': 'error',
  'front-matter-schema': 'error',
  'template-syntax': 'error',
  'undeclared-variable': 'error',
  'unknown-property': 'error',
  'unused-variable': 'warning',
  'missing-sample-value': 'error',
  'unknown-sample-key': 'warning',
  'sample-type-mismatch': 'error',
  'unknown-helper': 'error',
  'missing-partial': 'error',
  'missing-file': 'error',
  'partial-cycle': 'error',
  'duplicate-prompt-id': 'error',
};

/** A place in another (or the same) file that explains a diagnostic. */
export interface RelatedInformation {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

/** Machine-readable details for quick fixes, one shape per code. */
export type DiagnosticData =
  | { readonly code: 'undeclared-variable'; readonly name: string; readonly suggestion?: string }
  | {
      readonly code: 'unknown-property';
      /** The path up to and including the unknown property, as written (`person.nmae`). */
      readonly path: string;
      readonly property: string;
      /** A replacement for the unknown property name, or a full path such as `@root.name`. */
      readonly suggestion?: string;
    }
  | { readonly code: 'unused-variable'; readonly name: string }
  | { readonly code: 'missing-sample-value'; readonly set: string; readonly variable: string }
  | { readonly code: 'unknown-sample-key'; readonly set: string; readonly key: string; readonly suggestion?: string }
  | {
      readonly code: 'sample-type-mismatch';
      readonly set: string;
      /** JSON pointer into the set's input, e.g. `/person/age`. */
      readonly path: string;
      readonly keyword: string;
      readonly expected: string;
    }
  | { readonly code: 'unknown-helper'; readonly name: string; readonly suggestion?: string }
  | { readonly code: 'missing-partial'; readonly name: string }
  | { readonly code: 'missing-file'; readonly name: string }
  | { readonly code: 'partial-cycle'; readonly cycle: readonly string[] }
  | { readonly code: 'duplicate-prompt-id'; readonly id: string };

/** One finding of the checker, shaped so the editor, the CLI and CI can all print it. */
export interface PromptDiagnostic {
  readonly file: string;
  readonly range: Range;
  readonly severity: DiagnosticSeverity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly related: readonly RelatedInformation[];
  readonly tags?: readonly 'unnecessary'[];
  readonly data?: DiagnosticData;
}

/** Options of `createDiagnostic` beyond the required fields. */
export interface DiagnosticExtras {
  readonly severity?: DiagnosticSeverity;
  readonly related?: readonly RelatedInformation[];
  readonly tags?: readonly 'unnecessary'[];
  readonly data?: DiagnosticData;
}

/** Builds a diagnostic with the code's default severity unless one is given. */
export function createDiagnostic(
  file: string,
  range: Range,
  code: DiagnosticCode,
  message: string,
  extras: DiagnosticExtras = {},
): PromptDiagnostic {
  return {
    file,
    range,
    severity: extras.severity ?? defaultSeverity[code],
    code,
    message,
    related: extras.related ?? [],
    ...(extras.tags ? { tags: extras.tags } : {}),
    ...(extras.data ? { data: extras.data } : {}),
  };
}

/** Orders diagnostics by file, then position, then code, so output is stable across runs. */
export function compareDiagnostics(a: PromptDiagnostic, b: PromptDiagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
