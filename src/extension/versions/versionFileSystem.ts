import * as vscode from 'vscode';
import { readFileAtCommit } from '../../node/git/gitObjects';
import { readVersionText, renderVersion, workingSampleFile } from '../../node/renderedVersion';
import type { ResolvedVersion } from '../../node/promptVersionResolver';
import type { PromptHistory } from './promptHistory';
import { parseVersionUri, versionScheme, type VersionReference } from './versionUri';

/**
 * Read-only documents for prompt versions (`promptops:` URIs): the bytes at a commit, or that
 * version rendered with a sample set. Committed bytes never change, so they are cached; renders
 * are not, since they use the working tree's sample file and may differ on every open.
 */
export class VersionFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly cache = new Map<string, Promise<Uint8Array>>();
  private readonly registration: vscode.Disposable;
  /** Other kinds of `promptops:` documents (registry versions): each returns undefined for URIs that are not its own. */
  private readonly readers: ((uri: vscode.Uri) => Promise<Uint8Array> | undefined)[] = [];

  constructor(private readonly history: PromptHistory) {
    this.registration = vscode.workspace.registerFileSystemProvider(versionScheme, this, { isReadonly: true, isCaseSensitive: true });
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
    const key = uri.toString();
    const cached = this.cache.get(key);
    if (cached) return cached;
    const content = this.load(reference, uri);
    if (reference.sampleSet === undefined && reference.commit !== 'WORKING') {
      this.cache.set(key, content);
      content.catch(() => this.cache.delete(key));
    }
    return content;
  }

  private async load(reference: VersionReference, uri: vscode.Uri): Promise<Uint8Array> {
    const file = await this.history.file(reference.workingFile);
    if (reference.sampleSet === undefined) {
      try {
        return await readFileAtCommit(file.repository, reference.commit, reference.path);
      } catch (error) {
        throw vscode.FileSystemError.FileNotFound(`${uri.path} at ${reference.commit}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const version: ResolvedVersion = reference.commit === 'WORKING' ? { kind: 'working', path: reference.path } : await this.history.resolve(file, reference.commit);
    const text = await readVersionText(file, version);
    const samples = workingSampleFile(file);
    const rendered = !text.ok
      ? { ok: false as const, problem: text.problem }
      : !samples.ok
        ? { ok: false as const, problem: samples.problem }
        : await renderVersion(file, version, text.text, samples.samples, reference.sampleSet ? { kind: 'set', name: reference.sampleSet } : { kind: 'set' });
    // A version that does not render shows why, in place, rather than failing to open.
    return new TextEncoder().encode(rendered.ok ? rendered.text : `${rendered.problem}\n`);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
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
    this.registration.dispose();
    this.changed.dispose();
    this.cache.clear();
  }
}
