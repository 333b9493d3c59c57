import * as path from 'node:path';
import * as vscode from 'vscode';
import { readFileAtCommit } from '../../node/git/gitObjects';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import { readVersionText, renderVersion, workingSampleFile, workingSampleFileModifiedTime } from '../../node/renderedVersion';
import type { ResolvedVersion } from '../../node/promptVersionResolver';
import { fileModifiedTime } from '../../node/textFiles';
import type { PromptHistory } from './promptHistory';
import { parseVersionUri, versionScheme, type VersionReference } from './versionUri';

/** A rendered version as last rendered: for which sample file content, and the text. */
interface CachedRender {
  readonly sampleState: string;
  readonly content: Promise<Uint8Array>;
}

/**
 * Read-only documents for prompt versions (`promptops:` URIs): the bytes at a commit, or that
 * version rendered with a sample set. Committed bytes never change, so they are cached; a committed
 * version's render is cached per state of the working tree's sample file it uses, and an open
 * rendered document is told to reload when that file changes. `stat` never renders.
 */
export class VersionFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly cache = new Map<string, Promise<Uint8Array>>();
  private readonly renders = new Map<string, CachedRender>();
  /** The rendered documents served so far, by URI string: their URIs and the prompt each renders. */
  private readonly served = new Map<string, { readonly uri: vscode.Uri; readonly workingFile: string }>();
  private readonly subscriptions: vscode.Disposable[];
  /** Other kinds of `promptops:` documents (registry versions): each returns undefined for URIs that are not its own. */
  private readonly readers: ((uri: vscode.Uri) => Promise<Uint8Array> | undefined)[] = [];

  /** `onDidChangeSamples` fires with a sample file's URI when it changes on disk or in an editor. */
  constructor(
    private readonly history: PromptHistory,
    onDidChangeSamples: vscode.Event<vscode.Uri>,
  ) {
    this.subscriptions = [vscode.workspace.registerFileSystemProvider(versionScheme, this, { isReadonly: true, isCaseSensitive: true }), onDidChangeSamples((uri) => this.samplesChanged(uri)), this.changed];
  }

  /** Serves another kind of read-only `promptops:` document through this provider (one provider per scheme). */
  addReader(reader: (uri: vscode.Uri) => Promise<Uint8Array> | undefined): vscode.Disposable {
    this.readers.push(reader);
    return new vscode.Disposable(() => this.readers.splice(this.readers.indexOf(reader), 1));
  }

  readFile(uri: vscode.Uri): Promise<Uint8Array> {
    for (const reader of this.readers) {
      const content = reader(uri);
      if (content) return content;
    }
    const reference = parseVersionUri(uri);
    if (!reference) return Promise.reject(vscode.FileSystemError.FileNotFound(uri));
    if (reference.sampleSet !== undefined) {
      this.served.set(uri.toString(), { uri, workingFile: reference.workingFile });
      return this.rendered(reference, uri);
    }
    const key = uri.toString();
    const cached = this.cache.get(key);
    if (cached) return cached;
    const content = this.committed(reference, uri);
    this.cache.set(key, content);
    content.catch(() => this.cache.delete(key));
    return content;
  }

  private async committed(reference: VersionReference, uri: vscode.Uri): Promise<Uint8Array> {
    const file = await this.history.file(reference.workingFile);
    try {
      return await readFileAtCommit(file.repository, reference.commit, reference.path);
    } catch (error) {
      throw vscode.FileSystemError.FileNotFound(`${uri.path} at ${reference.commit}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** A rendered version, from the cache while the sample file is as it was rendered with (the working tree's own render is never cached). */
  private async rendered(reference: VersionReference, uri: vscode.Uri): Promise<Uint8Array> {
    const file = await this.history.file(reference.workingFile);
    const samples = workingSampleFile(file);
    const key = uri.toString();
    const cached = this.renders.get(key);
    if (cached && cached.sampleState === samples.state) return cached.content;
    const content = this.render(file, reference, samples);
    if (reference.commit !== 'WORKING') {
      const entry = { sampleState: samples.state, content };
      this.renders.set(key, entry);
      content.catch(() => this.renders.get(key) === entry && this.renders.delete(key));
    }
    return content;
  }

  private async render(file: PromptFileInRepository, reference: VersionReference, samples: ReturnType<typeof workingSampleFile>): Promise<Uint8Array> {
    const version: ResolvedVersion = reference.commit === 'WORKING' ? { kind: 'working', path: reference.path } : await this.history.resolve(file, reference.commit);
    const text = await readVersionText(file, version);
    const rendered = !text.ok
      ? { ok: false as const, problem: text.problem }
      : !samples.ok
        ? { ok: false as const, problem: samples.problem }
        : await renderVersion(file, version, text.text, samples.samples, reference.sampleSet ? { kind: 'set', name: reference.sampleSet } : { kind: 'set' });
    // A version that does not render shows why, in place, rather than failing to open.
    return new TextEncoder().encode(rendered.ok ? rendered.text : `${rendered.problem}\n`);
  }

  /** Tells open rendered documents of the sample file's prompt to reload: they render with that file. */
  private samplesChanged(sampleUri: vscode.Uri): void {
    if (sampleUri.scheme !== 'file') return;
    const stem = sampleUri.fsPath.replace(/\.samples\.(ya?ml|json)$/i, '');
    const events: vscode.FileChangeEvent[] = [];
    for (const [key, { uri, workingFile }] of this.served) {
      if (workingFile.slice(0, workingFile.length - path.extname(workingFile).length) !== stem) continue;
      this.renders.delete(key);
      events.push({ type: vscode.FileChangeType.Changed, uri });
    }
    if (events.length > 0) this.changed.fire(events);
  }

  /**
   * Says what a document is without reading or rendering it: a rendered document's time is its
   * sample file's (and for the working tree, the prompt's too), so the editor reloads it when they change.
   */
  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const reference = parseVersionUri(uri);
    if (reference?.sampleSet !== undefined) {
      const samplesTime = workingSampleFileModifiedTime(reference.workingFile);
      const mtime = reference.commit === 'WORKING' ? Math.max(samplesTime, fileModifiedTime(reference.workingFile)) : samplesTime;
      return { type: vscode.FileType.File, ctime: 0, mtime, size: 0, permissions: vscode.FilePermission.Readonly };
    }
    const content = await this.readFile(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: content.byteLength, permissions: vscode.FilePermission.Readonly };
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.cache.clear();
    this.renders.clear();
    this.served.clear();
  }
}
