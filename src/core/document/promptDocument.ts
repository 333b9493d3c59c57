import type { PromptFormat } from '../formats/promptFormat';
import type { PromptSchema } from '../schema/promptSchema';
import type { InputValues } from './inputValues';
import type { PromptDiagnostic } from './promptDiagnostic';
import type { Range, TextDocument } from './textDocument';
import type { YamlSource } from './yamlSource';

/** The YAML front matter of a prompt. */
export interface FrontMatter {
  readonly yaml: YamlSource;
  /** The YAML between the fences. */
  readonly range: Range;
  readonly openingFence: Range;
  readonly closingFence: Range;
  /** False when the YAML has syntax errors; schema-based checks are then skipped. */
  readonly valid: boolean;
}

/** The default input values a prompt declares (dotprompt `input.default`, Prompty `default`/`example`), merged under every sample set. */
export interface InputDefaults extends InputValues {
  /** Where the defaults are declared (`default`, `inputs`), for findings about the set as a whole. */
  readonly keyRange: Range;
}

/** The template part of a prompt, as every format has it; a format's own parse (its syntax tree) extends it. */
export interface PromptTemplate {
  /** Which template language parsed it (`handlebars`, `jinja2`, `mustache`). */
  readonly kind: string;
  /** The text the template engine reads. */
  readonly source: string;
  /** Document offset of `source[0]`. */
  readonly offset: number;
  /** False when the template does not parse; its uses are then unknown. */
  readonly parsed: boolean;
  /** `template-syntax` diagnostics. */
  readonly diagnostics: readonly PromptDiagnostic[];
}

/**
 * A parsed prompt file in the format-neutral model (DESIGN §7): front matter, declared inputs as a
 * schema, defaults, the template, and the format that reads, checks, renders and edits it. Parse
 * once per edit (`parsePromptDocument`) and hand it to the checks, the language service and the renderer.
 */
export interface PromptDocument {
  readonly format: PromptFormat;
  /** The path diagnostics carry. */
  readonly path: string;
  /** The text without BOM; all ranges refer to it. */
  readonly text: TextDocument;
  readonly frontMatter: FrontMatter | undefined;
  readonly template: PromptTemplate;
  readonly inputSchema: PromptSchema | undefined;
  readonly outputSchema: PromptSchema | undefined;
  readonly inputDefaults: InputDefaults | undefined;
  /** What parsing found: `yaml-syntax`, `front-matter-schema` and `template-syntax` diagnostics. */
  readonly diagnostics: readonly PromptDiagnostic[];
}

/** Options for `parsePromptDocument`. */
export interface ParsePromptOptions {
  /** The file path diagnostics carry (the caller's choice: absolute, workspace-relative or a URI); its extension picks the format. */
  readonly path?: string;
  /** The format, when the path does not tell (an editor's language id, a version document's URI). */
  readonly format?: PromptFormat;
  /** Resolves Picoschema type names the application registers (Genkit `defineSchema`). */
  readonly resolveSchema?: (name: string) => unknown;
}
