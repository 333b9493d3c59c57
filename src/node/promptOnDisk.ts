import * as path from 'node:path';
import { parsePromptDocument, type PromptDocument } from '../core/promptDocument';
import { parseSampleFile, type SampleFile } from '../core/sampleSets';
import type { Position } from '../core/textDocument';
import { findPartialFile, type PartialFile } from './partialFiles';
import { findRepositoryRoot } from './repositoryRoot';
import { findSampleFile } from './sampleFiles';
import { readTextFile } from './textFiles';

/** A prompt read from disk with its sample file and a partial lookup, ready to check or render. */
export interface PromptOnDisk {
  readonly file: string;
  readonly document: PromptDocument;
  readonly samples: SampleFile | undefined;
  /** Why the sample file could not be read, when it exists but is not text (and where, for invalid UTF-8). */
  readonly samplesProblem: { readonly file: string; readonly problem: string; readonly position?: Position } | undefined;
  partial(name: string): PartialFile | undefined;
}

/** Partial lookups shared by the prompts of one run: many prompts in a folder include the same partials. */
export class PartialLookupCache {
  private readonly found = new Map<string, PartialFile | undefined>();

  lookup(promptFile: string, name: string, root: string): PartialFile | undefined {
    const key = `${path.dirname(promptFile)}\u0000${name}`;
    if (!this.found.has(key)) this.found.set(key, findPartialFile(promptFile, name, root));
    return this.found.get(key);
  }
}

/**
 * Reads a prompt, its sidecar sample file and how to find its partials (up to the repository root,
 * or the file system root outside a repository); a prompt that is not text comes back as a problem.
 */
export function loadPromptFromDisk(
  file: string,
  displayPath: string,
  cache: PartialLookupCache = new PartialLookupCache(),
): { ok: true; prompt: PromptOnDisk } | { ok: false; problem: string; position?: Position } {
  const read = readTextFile(file);
  if (!read.ok) return { ok: false, problem: read.problem.replace(file, displayPath), ...(read.position ? { position: read.position } : {}) };
  const document = parsePromptDocument(read.text, { path: displayPath });
  const sampleFile = findSampleFile(file);
  let samples: SampleFile | undefined;
  let samplesProblem: PromptOnDisk['samplesProblem'];
  if (sampleFile) {
    const sampleDisplayPath = path.join(path.dirname(displayPath), path.basename(sampleFile));
    const sampleRead = readTextFile(sampleFile);
    if (sampleRead.ok) samples = parseSampleFile(sampleDisplayPath, sampleRead.text);
    else samplesProblem = { file: sampleDisplayPath, problem: sampleRead.problem.replace(sampleFile, sampleDisplayPath), ...(sampleRead.position ? { position: sampleRead.position } : {}) };
  }
  const root = findRepositoryRoot(path.dirname(file)) ?? path.parse(file).root;
  return {
    ok: true,
    prompt: { file, document, samples, samplesProblem, partial: (name) => cache.lookup(file, name, root) },
  };
}
