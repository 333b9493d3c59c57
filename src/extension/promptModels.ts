import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CheckOptions } from '../core/checks/checkPrompt';
import type { TemplateAnalysis } from '../core/checks/templateAnalysis';
import { TemplateAnalysisCache } from '../core/checks/templateAnalysisCache';
import { type PromptDocument } from '../core/document/promptDocument';
import { parsePromptDocument, promptFileExtensions } from '../core/formats/promptFileKind';
import { parseSampleFile, type SampleFile } from '../core/samples/sampleSets';
import { findPartialFile } from '../node/partialFiles';
import { findSampleFile } from '../node/sampleFiles';
import { fileModifiedTime, readTextFile } from '../node/textFiles';
import type { PromptOpsLog } from './promptOpsLog';

/** A sidecar sample file as last read, and what it was read from (an open editor or the disk). */
interface CachedSamples {
  readonly file: string;
  readonly version: number | undefined;
  readonly mtime: number;
  readonly parsed: SampleFile;
}

/** What a read-only version document is checked against: its sample file and partials as its commit has them. */
export interface VersionContext {
  readonly samples: SampleFile | undefined;
  /** The partials the version reaches, by name: each with where it is (a URI string) and its text. */
  readonly partials: ReadonlyMap<string, { readonly path: string; readonly text: string } | undefined>;
}

/** Reads the context of a version document; undefined for documents that are not versions at a commit. */
export type VersionContextLoader = (uri: vscode.Uri, model: PromptDocument) => Promise<VersionContext | undefined>;

/**
 * Parses and analyses each prompt once per document version and each sample file once per change,
 * so the checks, the preview and the language features share one model and one analysis per edit.
 */
export class PromptModels implements vscode.Disposable {
  private readonly documents = new Map<string, { version: number; model: PromptDocument }>();
  private readonly analyses = new TemplateAnalysisCache();
  private readonly samples = new Map<string, CachedSamples | undefined>();
  /** Each prompt's sidecar as last looked up; forgotten whenever a sample file appears, changes or goes. */
  private readonly sidecars = new Map<string, string | undefined>();
  /** Partial lookups by prompt folder and name; cleared whenever a partial file appears, changes or goes. */
  private readonly partials = new Map<string, { path: string; text: string } | undefined>();
  /** Contexts of version documents, read once per document: a commit's files never change. */
  private readonly versionContexts = new Map<string, Promise<VersionContext | undefined>>();
  private readonly loadedVersionContexts = new Map<string, VersionContext | undefined>();
  private versionContextLoader: { readonly load: VersionContextLoader; readonly log: PromptOpsLog } | undefined;
  private readonly changedSamples = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the sample file's URI when a sidecar changes on disk or in an editor. */
  readonly onDidChangeSamples = this.changedSamples.event;
  private readonly changedIncludes = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with a file's URI when a file a prompt includes (or looked for and missed) appears, changes or goes on disk, by any tool. */
  readonly onDidChangeIncludes = this.changedIncludes.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.samples.{yaml,yml,json}');
    const changed = (uri: vscode.Uri): void => this.samplesChanged(uri);
    const partialWatcher = vscode.workspace.createFileSystemWatcher('**/_*.prompt');
    const partialsChanged = (): void => this.partials.clear();
    const anyFileWatcher = vscode.workspace.createFileSystemWatcher('**/*');
    const includeChanged = (uri: vscode.Uri): void => {
      if (this.forgetIncludeLookups(uri)) this.changedIncludes.fire(uri);
    };
    this.subscriptions.push(
      watcher,
      partialWatcher,
      partialWatcher.onDidCreate(partialsChanged),
      partialWatcher.onDidChange(partialsChanged),
      partialWatcher.onDidDelete(partialsChanged),
      vscode.workspace.onDidChangeTextDocument((event) => /\/_[^/]*\.prompt$/.test(event.document.uri.path) && partialsChanged()),
      // Files a Prompty prompt references (`\${file:policy.md}`) can be any file, changed by any tool: the workspace watcher says when one a lookup found changes, or one it missed appears.
      anyFileWatcher,
      anyFileWatcher.onDidCreate(includeChanged),
      anyFileWatcher.onDidChange(includeChanged),
      anyFileWatcher.onDidDelete(includeChanged),
      this.changedIncludes,
      // Outside the workspace no watcher reports: creating, saving, renaming or deleting a file in the editor looks them up again.
      vscode.workspace.onDidCreateFiles(partialsChanged),
      vscode.workspace.onDidDeleteFiles(partialsChanged),
      vscode.workspace.onDidRenameFiles(partialsChanged),
      vscode.workspace.onDidSaveTextDocument(partialsChanged),
      watcher.onDidChange(changed),
      watcher.onDidCreate(changed),
      watcher.onDidDelete(changed),
      vscode.workspace.onDidChangeTextDocument((event) => isSampleFile(event.document.uri) && changed(event.document.uri)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.documents.delete(document.uri.toString());
        this.analyses.evict(document.uri.toString());
        this.versionContexts.delete(document.uri.toString());
        this.loadedVersionContexts.delete(document.uri.toString());
        if (isSampleFile(document.uri)) changed(document.uri);
      }),
      this.changedSamples,
    );
  }

  /** The parsed model of a prompt document at its current version. */
  document(document: vscode.TextDocument): PromptDocument {
    const key = document.uri.toString();
    const cached = this.documents.get(key);
    if (cached && cached.version === document.version) return cached.model;
    const model = parsePromptDocument(document.getText(), { path: diagnosticPath(document.uri) });
    this.documents.set(key, { version: document.version, model });
    return model;
  }

  /** How the checks and the language features find the files a prompt includes (a version's as its commit has them). */
  includeLookups(promptUri: vscode.Uri): CheckOptions {
    return {
      partialExists: (name) => this.partialFile(promptUri, name) !== undefined,
      partialSource: (name) => this.partialSource(promptUri, name),
    };
  }

  /** The template analysis of a prompt at its current version, computed once and shared by the checks and the language features. */
  analysis(document: vscode.TextDocument): TemplateAnalysis | undefined {
    // The cache asks the include lookups again, so a partial that changed (or a version's commit read since) is analysed anew.
    return this.analyses.analysisOf(document.uri.toString(), document.version, this.document(document), this.includeLookups(document.uri));
  }

  /**
   * Lets version documents be checked against their own commit's sample file and partials (the version
   * features read git); `log` receives why a context could not be read. Disposing puts the previous loader back.
   */
  useVersionContexts(load: VersionContextLoader, log: PromptOpsLog): vscode.Disposable {
    const previous = this.versionContextLoader;
    const loader = { load, log };
    this.versionContextLoader = loader;
    return new vscode.Disposable(() => {
      if (this.versionContextLoader === loader) this.versionContextLoader = previous;
    });
  }

  /**
   * Reads the sample file and partials a version document's commit has, once per document, so that
   * `sampleFile` and `partialFile` answer for it; working-tree documents need nothing read.
   */
  async loadVersionContext(document: vscode.TextDocument): Promise<void> {
    if (document.uri.scheme === 'file' || !this.versionContextLoader) return;
    const key = document.uri.toString();
    let loading = this.versionContexts.get(key);
    if (!loading) {
      const { load, log } = this.versionContextLoader;
      loading = load(document.uri, this.document(document)).catch((error: unknown) => {
        // The document is still checked, as a working copy would be; the log keeps the cause.
        log.warning(`PromptOps could not read the sample file and partials of ${document.uri.toString(true)} at its commit; it is checked without them.`, error);
        return undefined;
      });
      this.versionContexts.set(key, loading);
    }
    const context = await loading;
    if (this.versionContexts.get(key) === loading) this.loadedVersionContexts.set(key, context);
  }

  /** The parsed sidecar sample file of a prompt, from its open editor if any, else from disk; for a version document, its commit's. */
  sampleFile(promptUri: vscode.Uri): SampleFile | undefined {
    if (promptUri.scheme !== 'file') return this.loadedVersionContexts.get(promptUri.toString())?.samples;
    // Completion and hover ask on every keystroke: lookups are cached, and the watcher (inside the workspace) says when to look again.
    const watched = vscode.workspace.getWorkspaceFolder(promptUri) !== undefined;
    if (!watched || !this.sidecars.has(promptUri.fsPath)) this.sidecars.set(promptUri.fsPath, findSampleFile(promptUri.fsPath));
    const file = this.sidecars.get(promptUri.fsPath);
    if (!file) return undefined;
    const open = vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'file' && document.uri.fsPath === file);
    const cached = this.samples.get(file);
    const mtime = open ? 0 : watched && cached ? cached.mtime : fileModifiedTime(file);
    if (cached && cached.version === open?.version && cached.mtime === mtime) return cached.parsed;
    const text = open ? open.getText() : readTextFile(file);
    const parsed = typeof text === 'string' ? parseSampleFile(file, text) : text.ok ? parseSampleFile(file, text.text) : undefined;
    if (parsed) this.samples.set(file, { file, version: open?.version, mtime, parsed });
    return parsed;
  }

  /** The source of a partial the prompt includes, looked up as DESIGN §1 says. */
  partialSource(promptUri: vscode.Uri, name: string): string | undefined {
    return this.partialFile(promptUri, name)?.text;
  }

  /** The file of a partial the prompt includes, if it exists. */
  partialFile(promptUri: vscode.Uri, name: string): { path: string; text: string } | undefined {
    if (promptUri.scheme !== 'file') return this.loadedVersionContexts.get(promptUri.toString())?.partials.get(name);
    // Prompts of one folder and format share their lookups: `style` is `_style.prompt` to one format, a file named style to another.
    const key = `${path.extname(promptUri.fsPath)}\u0000${path.dirname(promptUri.fsPath)}\u0000${name}`;
    if (this.partials.has(key)) return this.partials.get(key);
    const root = vscode.workspace.getWorkspaceFolder(promptUri)?.uri.fsPath ?? path.dirname(promptUri.fsPath);
    const found = findPartialFile(promptUri.fsPath, name, root);
    this.partials.set(key, found);
    return found;
  }

  /** Forgets the lookups a changed file answers: the ones that found it, and missed ones for a name it could be; true when any was forgotten. */
  private forgetIncludeLookups(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file') return false;
    const base = path.basename(uri.fsPath);
    let forgot = false;
    for (const [key, found] of this.partials) {
      const name = key.slice(key.lastIndexOf('\u0000') + 1);
      if (found ? found.path === uri.fsPath : path.basename(name) === base || base.startsWith(`_${path.basename(name)}.`)) {
        this.partials.delete(key);
        forgot = true;
      }
    }
    return forgot;
  }

  private samplesChanged(uri: vscode.Uri): void {
    if (uri.scheme === 'file') this.samples.delete(uri.fsPath);
    this.sidecars.clear();
    this.changedSamples.fire(uri);
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.documents.clear();
    this.analyses.clear();
    this.samples.clear();
    this.sidecars.clear();
    this.partials.clear();
    this.versionContexts.clear();
    this.loadedVersionContexts.clear();
  }
}

/** Whether a URI names a sidecar sample file. */
export function isSampleFile(uri: vscode.Uri): boolean {
  return /\.samples\.(ya?ml|json)$/i.test(uri.path);
}

/** The prompts a sample file may belong to, one per format (`trip.samples.yaml` → `trip.prompt`, `trip.prompty`). */
export function promptPathsOfSampleFile(sampleFile: string): string[] {
  return promptFileExtensions().map((extension) => sampleFile.replace(/\.samples\.(ya?ml|json)$/i, extension));
}

/** The prompt a sample file belongs to: the candidate that is open or exists, else the first format's. */
export function promptPathOfSampleFile(sampleFile: string): string {
  const candidates = promptPathsOfSampleFile(sampleFile);
  const open = (candidate: string): boolean => vscode.workspace.textDocuments.some((document) => document.uri.path === candidate || document.uri.fsPath === candidate);
  return candidates.find(open) ?? candidates.find((candidate) => fs.existsSync(candidate)) ?? candidates[0] ?? sampleFile;
}

/** The path core diagnostics carry for a document: its file path, or its URI for other schemes. */
export function diagnosticPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}
