import type { FrontMatter, InputDefaults, ParsePromptOptions, PromptDocument } from '../../document/promptDocument';
import { readInputValues } from '../../document/inputValues';
import { createDiagnostic, type PromptDiagnostic } from '../../document/promptDiagnostic';
import { isParsedNode, yamlNodeRange } from '../../document/yamlSource';
import type { PromptSchema } from '../../schema/promptSchema';
import { dotpromptFormat } from './dotpromptFormat';
import { validateFrontMatter } from './frontMatterValidation';
import { readPromptSchema } from './inputSchema';
import { parsePromptSyntax } from './promptSyntax';

/** Parses a `.prompt` text into front matter, schemas, defaults and template, collecting parse diagnostics; never throws. */
export function parseDotpromptDocument(rawText: string, options: ParsePromptOptions = {}): PromptDocument {
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

  return { format: dotpromptFormat, path, text, frontMatter, template, inputSchema, outputSchema, inputDefaults, diagnostics };
}
