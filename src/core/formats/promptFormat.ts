import type { RenderedPrompt } from 'dotprompt';
import type { CheckOptions } from '../checks/checkPrompt';
import type { TemplateAnalysis } from '../checks/templateAnalysis';
import type { PromptDiagnostic } from '../document/promptDiagnostic';
import type { ParsePromptOptions, PromptDocument } from '../document/promptDocument';
import type { Position, Range } from '../document/textDocument';
import type { CompletionEntry, CompletionOptions } from '../languageService/completions';
import type { DefinitionOptions, DefinitionTarget } from '../languageService/definitions';
import type { HoverInfo, HoverOptions } from '../languageService/hoverInfo';
import type { InferredType } from '../languageService/inferredSchema';
import type { PrepareRenameResult, RenameResult } from '../languageService/renameEdits';
import type { FileEdits, TextEdit } from '../languageService/textEdits';
import type { RegistryPromptContent } from '../registry/promptRegistry';
import type { RoleSection } from '../registry/registryPromptContent';
import type { SampleFile } from '../samples/sampleSets';

/** The VS Code language ids of the prompt formats PromptOps reads. */
export type PromptLanguage = 'dotprompt' | 'prompty';

/** A file a prompt includes by name (a dotprompt partial, a Prompty `${file:}` reference), where its name is written. */
export interface IncludeUse {
  readonly name: string;
  readonly range: Range;
}

/** Finds the text of a file a prompt includes, or undefined when there is none. */
export type IncludeLookup = (name: string) => string | undefined | Promise<string | undefined>;

/** What a render is given: the parsed prompt, its input, and the files it includes as the rendered version has them. */
export interface FormatRenderRequest {
  readonly document: PromptDocument;
  /** The input object, e.g. a sample set; the prompt's defaults merge under it. */
  readonly input: Readonly<Record<string, unknown>>;
  readonly includes: IncludeLookup;
}

/** A render's result: messages in dotprompt's RenderedPrompt shape, or one sentence at the file's own position. */
export type RenderOutcome =
  | { readonly ok: true; readonly rendered: RenderedPrompt }
  | {
      readonly ok: false;
      /** One sentence; the checker's own when the checker finds the problem. */
      readonly error: string;
      /** Where in the source (without BOM) the problem is, as the editor counts: the file's own line. */
      readonly position: Position;
    };

/** A variable to add to a prompt's declared inputs. */
export interface VariableToDeclare {
  readonly name: string;
  readonly type: InferredType;
  /** Declared optional (Picoschema `?`, left out of JSON Schema `required`, Prompty without `required: true`). */
  readonly optional: boolean;
}

/** A template feature a registry that compiles plain `{{variable}}` placeholders will not reproduce. */
export interface UnportableFeature {
  readonly kind: 'block' | 'partial' | 'helper' | 'reference' | 'comment' | 'raw' | 'whitespace-control' | 'filter' | 'statement';
  /** The tag as written, e.g. `{{#each items}}`, shortened when long. */
  readonly tag: string;
  readonly range: Range;
}

/** A prompt as a registry stores it: role sections (or one text), and what a plain-placeholder registry would not reproduce. */
export interface RegistryTemplate {
  readonly sections: readonly RoleSection[] | undefined;
  readonly text: string;
  readonly unportable: readonly UnportableFeature[];
  /** What a feature is called in messages: `Handlebars feature`, `Jinja feature`. */
  readonly featureNoun: string;
  /** The model and its parameters as a registry version's config holds them (`model`, `temperature`…). */
  readonly config: Record<string, unknown>;
  /** One sentence about a feature, for the push's refusal. */
  describe(feature: UnportableFeature, registryName: string): string;
}

/** What a registry version holds that a prompt file is written from. */
export interface RegistryVersionContent {
  readonly content: RegistryPromptContent;
  readonly config: Readonly<Record<string, unknown>>;
}

/** A prompt file written from a registry version, or the clause that says why it cannot be (`it has a message with the role 'x', …`). */
export type RegistryFileOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: string };

/** The template-specific half of the language service: what is at a place in the template, and how declarations are edited. */
export interface FormatLanguageService {
  completionsAt(document: PromptDocument, offset: number, options: CompletionOptions): CompletionEntry[];
  hoverAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number, options: HoverOptions): HoverInfo | undefined;
  definitionsAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number, options: DefinitionOptions): DefinitionTarget[];
  prepareRename(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number): PrepareRenameResult;
  renameEdits(document: PromptDocument, samples: SampleFile | undefined, analysis: TemplateAnalysis | undefined, offset: number, newName: string, options: CheckOptions): RenameResult;
  /** Edits that declare variables in the prompt's inputs, in the file's own form; undefined when they cannot be added safely. */
  declareVariablesEdits(document: PromptDocument, variables: readonly VariableToDeclare[]): TextEdit[] | undefined;
  /** Edits that remove a declared variable and its default (and its keys in the sample sets); undefined when its declaration cannot be found. */
  removeVariableEdits(document: PromptDocument, samples: SampleFile | undefined, name: string): FileEdits[] | undefined;
  /** Edits that replace a misspelt name at `range`, with any other place the template repeats it (a section's closing tag). */
  replaceNameEdits(document: PromptDocument, analysis: TemplateAnalysis | undefined, range: Range, replacement: string): TextEdit[];
  /** The whole path a name at `range` belongs to, for replacing it with another path. */
  pathRangeAt(document: PromptDocument, analysis: TemplateAnalysis | undefined, range: Range): Range;
  /** A type from how the template reads a variable (`x.a` makes an object, a loop over `x` a list), when no sample has a value. */
  typeFromTemplate(document: PromptDocument, analysis: TemplateAnalysis | undefined, name: string): InferredType | undefined;
}

/**
 * One prompt format behind the seam of DESIGN §7: detected by extension, parsed into the neutral
 * model, analysed, rendered into the RenderedPrompt shape, edited and described. Checks, samples,
 * quick fixes, rename, preview, versions, releases, the registry and the runtime call only this;
 * a new format is a new folder that implements it and one entry in the format table.
 */
export interface PromptFormat {
  readonly language: PromptLanguage;
  /** The file extension, with its dot. */
  readonly extension: string;
  /** How messages name the place inputs are declared: `the input schema`, `inputs`. */
  readonly inputsNoun: string;
  /** How messages name a file the prompt includes: `partial`, `file`. */
  readonly includeNoun: string;
  /** Where the front matter's YAML lies in a text (without BOM), without parsing it; undefined when there is none. */
  frontMatterSpan(text: string): { readonly start: number; readonly end: number } | undefined;
  /** Parses a prompt text into the neutral model, collecting parse diagnostics; never throws. */
  parse(text: string, options: ParsePromptOptions): PromptDocument;
  /** The errors that stop the format's engine from reading the text as written (front matter never closed or not YAML, a template that does not parse). */
  readErrors(document: PromptDocument): PromptDiagnostic[];
  /** Resolves the template's uses against the declared inputs with the format's scoping; undefined when the template does not parse. */
  analyze(document: PromptDocument, options: CheckOptions): TemplateAnalysis | undefined;
  /** The files the prompt's own text includes by name, in order, once each. */
  includes(document: PromptDocument): IncludeUse[];
  /** The names an included file includes in turn (partials of a partial). */
  includesOfIncluded(source: string): string[];
  /** Where an included name may live, in lookup order, as `/` paths: for a prompt at `promptPath` in a repository at `root`. */
  includeCandidates(promptPath: string, name: string, root: string): string[];
  /** Renders through the format's engine; every failure comes back as one sentence with the file position, never as an exception. */
  render(request: FormatRenderRequest): Promise<RenderOutcome>;
  readonly languageService: FormatLanguageService;
  /** The prompt as a registry stores it. */
  registryTemplate(document: PromptDocument): RegistryTemplate;
  /**
   * A file of this format for a registry version, when the file it was pushed from is not at hand
   * (`name` when the file's path would give another id), or why the format cannot hold it.
   */
  registryFile(version: RegistryVersionContent, name?: string): RegistryFileOutcome;
}
