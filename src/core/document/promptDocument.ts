import { validateFrontMatter } from '../formats/dotprompt/frontMatterValidation';
import { readPromptSchema, type PromptSchema } from '../formats/dotprompt/inputSchema';
import { readInputValues, type InputValues } from './inputValues';
import type { NamedSchemaResolver } from '../formats/dotprompt/picoschema';
import { createDiagnostic, type PromptDiagnostic } from './promptDiagnostic';
import { parsePromptSyntax } from '../formats/dotprompt/promptSyntax';
import type { TemplateModel } from '../formats/dotprompt/templateModel';
import type { Range, TextDocument } from './textDocument';
import { isParsedNode, yamlNodeRange, type YamlSource } from './yamlSource';

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

/** `input.default`: values dotprompt merges under every render's input. */
export interface InputDefaults extends InputValues {
  /** The `default` key. */
  readonly keyRange: Range;
}

/** A parsed `.prompt` file; parse once per edit and hand it to `checkPromptDocument`. */
export interface PromptDocument {
  /** The path diagnostics carry. */
  readonly path: string;
  /** The text without BOM; all ranges refer to it. */
  readonly text: TextDocument;
  readonly frontMatter: FrontMatter | undefined;
  readonly template: TemplateModel;
  readonly inputSchema: PromptSchema | undefined;
  readonly outputSchema: PromptSchema | undefined;
  readonly inputDefaults: InputDefaults | undefined;
  /** What parsing found: `yaml-syntax`, `front-matter-schema` and `template-syntax` diagnostics. */
  readonly diagnostics: readonly PromptDiagnostic[];
}

/** Options for `parsePromptDocument`. */
export interface ParsePromptOptions {
  /** The file path diagnostics carry (the caller's choice: absolute, workspace-relative or a URI). */
  readonly path?: string;
  /** Resolves Picoschema type names the application registers (Genkit `defineSchema`). */
  readonly resolveSchema?: NamedSchemaResolver;
}

/** Parses a `.prompt` text into front matter, schemas, defaults and template, collecting parse diagnostics; never throws. */
export function parsePromptDocument(rawText: string, options: ParsePromptOptions = {}): PromptDocument {
  const path = options.path ?? '';
  const syntax = parsePromptSyntax(rawText, path);
  const { text, split, template } = syntax;
  const diagnostics: PromptDiagnostic[] = [...syntax.frontMatterDiagnostics];

  let frontMatter: FrontMatter | undefined;
  let inputSchema: PromptSchema | undefined;
  let outputSchema: PromptSchema | undefined;
  let inputDefaults: InputDefaults | undefined;

  const yaml = syntax.frontMatter;
  if (yaml && split.yaml && split.closingFence) {
    const valid = !yaml.hasErrors;
    frontMatter = {
      yaml,
      range: text.rangeAt(split.yaml.start, split.yaml.end),
      openingFence: text.rangeAt(0, 3),
      closingFence: text.rangeAt(split.closingFence.start, split.closingFence.end),
      valid,
    };
    if (valid) {
      const { diagnostics: shapeProblems, fields } = validateFrontMatter(yaml);
      diagnostics.push(...shapeProblems);
      if (fields.inputSchema) {
        const read = readPromptSchema(yaml, fields.inputSchema, 'input', options.resolveSchema);
        inputSchema = read.schema;
        diagnostics.push(...read.diagnostics);
      }
      if (fields.outputSchema) {
        const read = readPromptSchema(yaml, fields.outputSchema, 'output', options.resolveSchema);
        outputSchema = read.schema;
        diagnostics.push(...read.diagnostics);
      }
      const defaultNode = fields.inputDefault?.value;
      if (fields.inputDefault && isParsedNode(defaultNode)) {
        const values = readInputValues(yaml, defaultNode);
        inputDefaults = { ...values, keyRange: yamlNodeRange(yaml, fields.inputDefault.keyNode) };
        if (values.conversionError !== undefined) {
          diagnostics.push(createDiagnostic(path, yamlNodeRange(yaml, defaultNode), 'yaml-syntax', `'input.default' cannot be read: ${values.conversionError}.`));
        }
      }
    }
  }
  diagnostics.push(...template.diagnostics);

  return { path, text, frontMatter, template, inputSchema, outputSchema, inputDefaults, diagnostics };
}
