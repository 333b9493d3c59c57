import * as path from 'node:path';
import { checkPromptDocument } from '../core/checks/checkPrompt';
import { promptIdDeclarationOfDocument, type PromptIdDeclaration } from '../core/document/promptId';
import { formatOfFile } from '../core/formats/promptFileKind';
import { isPartialFile } from '../node/promptIdDeclarations';
import { loadPromptFromDisk, PromptLookupCache } from '../node/promptOnDisk';
import { unreadableFile, type CheckFinding } from './checkReport/checkFinding';
import type { PromptFileArgument } from './promptPathArguments';

/** What checking one file found; `checked` is false for a format the checks do not cover yet. */
export interface FileCheck {
  readonly displayPath: string;
  readonly checked: boolean;
  readonly findings: readonly CheckFinding[];
  /** The prompt id the file declares (partials and unreadable files have none), for the checks across files. */
  readonly promptId?: PromptIdDeclaration;
}

/**
 * Checks one prompt file and its sample file: the one per-file step of `check`, run in this thread
 * or in a worker. A file that cannot be read becomes a finding, never an exception.
 */
export function checkPromptFile({ file, displayPath }: PromptFileArgument, lookups: PromptLookupCache): FileCheck {
  if (formatOfFile(file) === undefined) return { displayPath, checked: false, findings: [] };
  const loaded = loadPromptFromDisk(file, displayPath, lookups);
  if (!loaded.ok) return { displayPath, checked: true, findings: [unreadableFile(displayPath, loaded.problem, loaded.position)] };
  const { prompt } = loaded;
  const findings: CheckFinding[] = checkPromptDocument(prompt.document, prompt.samples, {
    partialExists: (name) => prompt.partial(name) !== undefined,
    partialSource: (name) => prompt.partial(name)?.text,
  });
  if (prompt.samplesProblem) findings.push(unreadableFile(prompt.samplesProblem.file, prompt.samplesProblem.problem, prompt.samplesProblem.position));
  if (isPartialFile(file)) return { displayPath, checked: true, findings };
  return { displayPath, checked: true, findings, promptId: promptIdDeclarationOfDocument(prompt.document, repositoryPathOf(file, displayPath, lookups), displayPath) };
}

/** The file's path in its repository, which its id derives from; outside one, the path the run names it by. */
function repositoryPathOf(file: string, displayPath: string, lookups: PromptLookupCache): string {
  const root = lookups.root(path.dirname(file));
  if (root === path.parse(root).root) return toSlashes(displayPath);
  // Every file found under its root starts with it: slicing spares path.relative resolving both paths again, per file.
  return toSlashes(file.startsWith(root) && file.charAt(root.length) === path.sep ? file.slice(root.length + 1) : path.relative(root, file));
}

function toSlashes(file: string): string {
  return path.sep === '/' ? file : file.split(path.sep).join('/');
}

/** The per-file step of one `check` run in one thread: its files share the lookups. */
export function createCheckStep(): (file: PromptFileArgument) => FileCheck {
  const lookups = new PromptLookupCache();
  return (file) => checkPromptFile(file, lookups);
}
