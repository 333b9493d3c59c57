import * as fs from 'node:fs';
import * as path from 'node:path';
import { type PromptDocument } from '../core/document/promptDocument';
import { parsePromptDocument } from '../core/formats/promptFileKind';
import { parseSampleFile, type SampleFile } from '../core/samples/sampleSets';
import type { Position } from '../core/document/textDocument';
import type { FileAccess } from './fileAccess';
import { findPartialFile, type PartialFile } from './partialFiles';
import { findRepositoryRoot } from './repositoryRoot';
import { findSampleFile } from './sampleFiles';
import { readListedTextFile, readTextFile, type TextFileRead } from './textFiles';

/** A prompt read from disk with its sample file and a partial lookup, ready to check or render. */
export interface PromptOnDisk {
  readonly file: string;
  readonly document: PromptDocument;
  readonly samples: SampleFile | undefined;
  /** Why the sample file could not be read, when it exists but is not text (and where, for invalid UTF-8). */
  readonly samplesProblem: { readonly file: string; readonly problem: string; readonly position?: Position } | undefined;
  partial(name: string): PartialFile | undefined;
}

/** A file name as a case-insensitive file system may match it, so that a listing never hides a file that exists. */
function looseName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * File-system lookups shared by the prompts of one run, each done once: one listing per folder
 * answers "is there a sample file, a `.git`, a partial here?" without a stat per prompt, the
 * repository root is found once per folder, and a partial is read once however many prompts include it.
 */
export class PromptLookupCache implements FileAccess {
  private readonly listings = new Map<string, FolderListing | undefined>();
  private readonly roots = new Map<string, string>();
  private readonly partialReads = new Map<string, TextFileRead>();
  private readonly partials = new Map<string, PartialFile | undefined>();

  private listing(folder: string): FolderListing | undefined {
    if (!this.listings.has(folder)) this.listings.set(folder, listFolder(folder));
    return this.listings.get(folder);
  }

  exists(file: string): boolean {
    // The listing rules names out; a name it holds is confirmed on disk (a dangling link, letter case),
    // and so is every name in a folder that cannot be listed.
    const listing = this.listing(path.dirname(file));
    if (listing === undefined) return fs.existsSync(file);
    const name = path.basename(file);
    // A regular file listed under its exact name needs no confirming (a sample file beside every third prompt).
    if (listing.regularFiles.has(name)) return true;
    return listing.names.has(looseName(name)) && fs.existsSync(file);
  }

  read(file: string): TextFileRead {
    // Only partials are read by many prompts; other files are read once anyway.
    if (!path.basename(file).startsWith('_')) return this.readFromDisk(file);
    let read = this.partialReads.get(file);
    if (read === undefined) {
      read = this.readFromDisk(file);
      this.partialReads.set(file, read);
    }
    return read;
  }

  /** A file its folder's listing shows as regular is read in one call; any other with the checks that keep pipes and devices from hanging a run. */
  private readFromDisk(file: string): TextFileRead {
    return this.listing(path.dirname(file))?.regularFiles.has(path.basename(file)) ? readListedTextFile(file) : readTextFile(file);
  }

  /** The repository root above `folder`, or the file system root outside a repository. */
  root(folder: string): string {
    let root = this.roots.get(folder);
    if (root === undefined) {
      root = findRepositoryRoot(folder, this) ?? path.parse(path.resolve(folder)).root;
      this.roots.set(folder, root);
    }
    return root;
  }

  /** The partial `name` as the prompt `promptFile` sees it; prompts of one folder share the lookup. */
  partial(promptFile: string, name: string): PartialFile | undefined {
    const key = `${path.dirname(promptFile)}\u0000${name}`;
    if (!this.partials.has(key)) this.partials.set(key, findPartialFile(promptFile, name, this.root(path.dirname(promptFile)), this));
    return this.partials.get(key);
  }
}

/** A folder's names (as a case-insensitive file system may match them) and which of its entries are regular files (exactly as named). */
interface FolderListing {
  readonly names: ReadonlySet<string>;
  readonly regularFiles: ReadonlySet<string>;
}

function listFolder(folder: string): FolderListing | undefined {
  try {
    const names = new Set<string>();
    const regularFiles = new Set<string>();
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      names.add(looseName(entry.name));
      if (entry.isFile()) regularFiles.add(entry.name);
    }
    return { names, regularFiles };
  } catch {
    return undefined;
  }
}

/**
 * Reads a prompt, its sidecar sample file and how to find its partials (up to the repository root,
 * or the file system root outside a repository); a prompt that is not text comes back as a problem.
 */
export function loadPromptFromDisk(
  file: string,
  displayPath: string,
  cache: PromptLookupCache = new PromptLookupCache(),
): { ok: true; prompt: PromptOnDisk } | { ok: false; problem: string; position?: Position } {
  const read = cache.read(file);
  if (!read.ok) return { ok: false, problem: read.problem.replace(file, displayPath), ...(read.position ? { position: read.position } : {}) };
  const document = parsePromptDocument(read.text, { path: displayPath });
  const sampleFile = findSampleFile(file, cache);
  let samples: SampleFile | undefined;
  let samplesProblem: PromptOnDisk['samplesProblem'];
  if (sampleFile) {
    const sampleDisplayPath = path.join(path.dirname(displayPath), path.basename(sampleFile));
    const sampleRead = cache.read(sampleFile);
    if (sampleRead.ok) samples = parseSampleFile(sampleDisplayPath, sampleRead.text);
    else samplesProblem = { file: sampleDisplayPath, problem: sampleRead.problem.replace(sampleFile, sampleDisplayPath), ...(sampleRead.position ? { position: sampleRead.position } : {}) };
  }
  return {
    ok: true,
    prompt: { file, document, samples, samplesProblem, partial: (name) => cache.partial(file, name) },
  };
}
