import { isScalar } from 'yaml';
import { formatOfFile } from '../formats/promptFileKind';
import type { PromptDocument } from './promptDocument';
import { createTextDocument, type Range } from './textDocument';
import { parseYamlSource, yamlMapGet, yamlNodeRange, type YamlSource } from './yamlSource';

/** The `name` and `variant` a prompt's front matter declares, when it does. */
export interface PromptNameAndVariant {
  readonly name?: string | undefined;
  readonly variant?: string | undefined;
}

/**
 * The id the release manifest and registries know a prompt by (DESIGN §1): front-matter `name`
 * (plus `.variant`) when present, else the repository-relative path without its extension.
 */
export function promptIdOf(repoRelativePath: string, frontMatter?: PromptNameAndVariant): string {
  const name = frontMatter?.name?.trim();
  if (name) {
    const variant = frontMatter?.variant?.trim();
    return variant ? `${name}.${variant}` : name;
  }
  const slashed = repoRelativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const dot = slashed.lastIndexOf('.');
  return dot > slashed.lastIndexOf('/') + 1 ? slashed.slice(0, dot) : slashed;
}

/** Reads `name` and `variant` from a parsed prompt's front matter; front matter that does not parse declares neither. */
export function promptNameAndVariantOf(document: PromptDocument): PromptNameAndVariant {
  if (!document.frontMatter?.valid) return {};
  const root = document.frontMatter.yaml.yaml.contents;
  return { name: scalarText(yamlMapGet(root, 'name')?.value), variant: scalarText(yamlMapGet(root, 'variant')?.value) };
}

/** A scalar as written: `name: 2024` is the text "2024", not a number. */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  if (typeof node.value === 'string') return node.value;
  return typeof node.source === 'string' ? node.source : String(node.value);
}

/** Where a prompt file gets its id: the id, and the range of its front-matter `name` (the file's start for an id from the path). */
export interface PromptIdDeclaration {
  /** The file as messages name it. */
  readonly file: string;
  readonly id: string;
  readonly range: Range;
}

/**
 * Reads a prompt's id as releases know it (see `promptIdOf`) from its text, parsing only the front
 * matter, for scans over every prompt of a repository.
 */
export function promptIdDeclarationOf(text: string, repoRelativePath: string, file: string): PromptIdDeclaration {
  const document = createTextDocument(text);
  const span = (formatOfFile(repoRelativePath) ?? formatOfFile(file))?.frontMatterSpan(document.text);
  const start = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (!span) return { file, id: promptIdOf(repoRelativePath), range: start };
  const frontMatter = document.text.slice(span.start, span.end);
  // Most prompts have no top-level name: their id is their path, and their YAML need not be parsed.
  if (!/^["']?name["']?[ \t]*:/m.test(frontMatter) && !/^\s*\{/.test(frontMatter)) return { file, id: promptIdOf(repoRelativePath), range: start };
  return declarationIn(parseYamlSource(file, document, span.start, frontMatter), repoRelativePath, file);
}

/** The same for a prompt already parsed (the checker's document), without parsing its front matter again. */
export function promptIdDeclarationOfDocument(document: PromptDocument, repoRelativePath: string, file: string): PromptIdDeclaration {
  const yaml = document.frontMatter?.yaml;
  if (!yaml) return { file, id: promptIdOf(repoRelativePath), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  return declarationIn(yaml, repoRelativePath, file);
}

function declarationIn(yaml: YamlSource, repoRelativePath: string, file: string): PromptIdDeclaration {
  const start = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (yaml.hasErrors) return { file, id: promptIdOf(repoRelativePath), range: start };
  const root = yaml.yaml.contents;
  const name = yamlMapGet(root, 'name');
  const nameText = scalarText(name?.value);
  const id = promptIdOf(repoRelativePath, { name: nameText, variant: scalarText(yamlMapGet(root, 'variant')?.value) });
  return { file, id, range: name?.value && nameText?.trim() ? yamlNodeRange(yaml, name.value) : start };
}
