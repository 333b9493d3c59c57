import type { ParsePromptOptions, PromptDocument } from '../document/promptDocument';
import { provenanceOf } from '../registry/registryProvenance';
import { dotpromptFormat } from './dotprompt/dotpromptFormat';
import type { PromptFormat, PromptLanguage } from './promptFormat';
import { promptyFormat } from './prompty/promptyFormat';

export type { PromptLanguage } from './promptFormat';

/** The formats PromptOps reads: the one table that names them (DESIGN §7). */
const formats: readonly PromptFormat[] = [dotpromptFormat, promptyFormat];

/** The editor language ids of the formats PromptOps checks, renders and edits. */
export function checkedLanguages(): PromptLanguage[] {
  return formats.map((format) => format.language);
}

/** The file extensions (with their dot) of the formats PromptOps checks, in table order. */
export function promptFileExtensions(): string[] {
  return formats.map((format) => format.extension);
}

/** Glob matching every prompt file, for workspace searches and file watchers. */
export const promptFileGlob = '**/*.{prompt,prompty}';

function extensionOf(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return dot <= slash + 1 ? undefined : fileName.slice(dot).toLowerCase();
}

/** Returns the format of a file name, or undefined when it is not a prompt file. */
export function formatOfFile(fileName: string): PromptFormat | undefined {
  const extension = extensionOf(fileName);
  return formats.find((format) => format.extension === extension);
}

/** Returns the format of an editor language id, or undefined for other languages. */
export function formatOfLanguage(language: string): PromptFormat | undefined {
  return formats.find((format) => format.language === language);
}

/** The format `pull` writes a registry's prompts in when nothing says otherwise: registries store dotprompt-shaped text. */
export const pulledPromptFormat: PromptFormat = dotpromptFormat;

/** The format a registry version is pulled and shown in: that of the file it was pushed from, else dotprompt's. */
export function registryVersionFormat(config: Readonly<Record<string, unknown>>): PromptFormat {
  const pushedFrom = provenanceOf(config)?.path;
  return (pushedFrom === undefined ? undefined : formatOfFile(pushedFrom)) ?? pulledPromptFormat;
}

/** The formats PromptOps checks and renders, as messages name them: `dotprompt (.prompt)`. */
export function renderedFormatsText(): string {
  return formats.map((format) => `${format.language} (${format.extension})`).join(' and ');
}

const languages: ReadonlyMap<string, PromptLanguage> = new Map([
  ['.prompt', 'dotprompt'],
  ['.prompty', 'prompty'],
]);

/** Whether an editor language id is one of the prompt languages (checked or only highlighted). */
export function isPromptLanguage(language: string): boolean {
  return [...languages.values()].some((known) => known === language);
}

/** Returns the prompt language of a file name, or undefined when it is not a prompt file. */
export function promptLanguageOf(fileName: string): PromptLanguage | undefined {
  return languages.get(extensionOf(fileName) ?? '');
}

/**
 * Parses a prompt text with the format its path (or `options.format`) names, dotprompt when
 * neither tells, into the neutral model with its parse diagnostics; never throws.
 */
export function parsePromptDocument(rawText: string, options: ParsePromptOptions = {}): PromptDocument {
  const format = options.format ?? formatOfFile(options.path ?? '') ?? dotpromptFormat;
  return format.parse(rawText, options);
}
