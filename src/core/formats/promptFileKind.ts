/** The prompt languages PromptOps understands, by VS Code language id. */
export type PromptLanguage = 'dotprompt' | 'prompty';

const extensions: ReadonlyMap<string, PromptLanguage> = new Map([
  ['.prompt', 'dotprompt'],
  ['.prompty', 'prompty'],
]);

/** Glob matching every prompt file, for workspace searches and file watchers. */
export const promptFileGlob = '**/*.{prompt,prompty}';

/** Returns the prompt language of a file name, or undefined when it is not a prompt file. */
export function promptLanguageOf(fileName: string): PromptLanguage | undefined {
  const dot = fileName.lastIndexOf('.');
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  if (dot <= slash + 1) return undefined;
  return extensions.get(fileName.slice(dot).toLowerCase());
}
