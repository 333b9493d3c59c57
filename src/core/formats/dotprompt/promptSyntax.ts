import { splitFrontMatter, type FrontMatterSplit } from './frontMatterSplit';
import { createDiagnostic, type PromptDiagnostic } from '../../document/promptDiagnostic';
import type { TemplateModel } from './templateModel';
import { parseTemplate } from './templateParser';
import { createTextDocument, type TextDocument } from '../../document/textDocument';
import { parseYamlSource, type YamlSource } from '../../document/yamlSource';

/** A prompt text split as dotprompt reads it: front matter YAML and the Handlebars template, each parsed, with their syntax problems. */
export interface PromptSyntax {
  /** The text without BOM; all ranges refer to it. */
  readonly text: TextDocument;
  readonly split: FrontMatterSplit;
  /** The front matter's YAML, when the text has closed front matter. */
  readonly frontMatter: YamlSource | undefined;
  /** `yaml-syntax` (and the empty-front-matter warning) of the fences and the YAML. */
  readonly frontMatterDiagnostics: readonly PromptDiagnostic[];
  readonly template: TemplateModel;
}

/**
 * Splits and parses a `.prompt` text without validating what the front matter says: the part of
 * the checker a renderer needs to know that dotprompt will read the text as it is meant. Never throws.
 */
export function parsePromptSyntax(rawText: string, path: string): PromptSyntax {
  const text = createTextDocument(typeof rawText === 'string' ? rawText : '');
  const source = text.text;
  const split = splitFrontMatter(source);
  const frontMatterDiagnostics: PromptDiagnostic[] = [];
  if (split.fenceProblem === 'unclosed') {
    frontMatterDiagnostics.push(
      createDiagnostic(path, text.rangeAt(0, 3), 'yaml-syntax', 'The front matter opened here is never closed by a --- line, so dotprompt renders the whole file as the template.'),
    );
  } else if (split.fenceProblem === 'empty') {
    frontMatterDiagnostics.push(
      createDiagnostic(path, text.rangeAt(0, 3), 'front-matter-schema', 'dotprompt ignores empty front matter and renders the --- lines as text; remove them or add a field.', {
        severity: 'warning',
      }),
    );
  }
  let frontMatter: YamlSource | undefined;
  if (split.yaml && split.closingFence) {
    frontMatter = parseYamlSource(path, text, split.yaml.start, source.slice(split.yaml.start, split.yaml.end));
    frontMatterDiagnostics.push(...frontMatter.diagnostics);
  }
  // dotprompt renders `body.trim()` after front matter and the whole text without it.
  const body = source.slice(split.bodyStart);
  const templateText = split.yaml ? body.trim() : body;
  const templateOffset = split.yaml ? split.bodyStart + (body.length - body.trimStart().length) : split.bodyStart;
  const template = parseTemplate(text, path, templateOffset, templateText);
  return { text, split, frontMatter, frontMatterDiagnostics, template };
}

/** The errors that stop dotprompt from reading a prompt as written: unclosed or unparsable front matter, a template that does not parse. */
export function promptSyntaxErrors(syntax: PromptSyntax): PromptDiagnostic[] {
  return [...syntax.frontMatterDiagnostics, ...syntax.template.diagnostics].filter((diagnostic) => diagnostic.severity === 'error');
}
