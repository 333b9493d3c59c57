import * as vscode from 'vscode';
import { parseVersionSpec } from '../../core/versions/versionSpec';
import { readFileHistoryPage, fileHistory, type FileHistoryPage } from '../../node/git/fileHistory';
import { openPromptFile, type PromptFileInRepository } from '../../node/promptFileInRepository';
import { resolveVersion, type ResolvedVersion } from '../../node/promptVersionResolver';
import type { VersionReference } from './versionUri';

/** The manifest path setting, relative to the repository root. */
export function releasesFileSetting(): string {
  return vscode.workspace.getConfiguration('promptops').get<string>('releasesFile') || 'prompt-releases.yaml';
}

/**
 * Git access for the editor: each prompt file located in its repository once (until a refresh),
 * its history in pages, and VERSION arguments resolved as the CLI resolves them.
 */
export class PromptHistory {
  private readonly files = new Map<string, Promise<PromptFileInRepository>>();

  /** The prompt file in its repository, with its id and release labels. */
  file(workingFile: string): Promise<PromptFileInRepository> {
    let found = this.files.get(workingFile);
    if (!found) {
      found = openPromptFile(workingFile, { releasesFile: releasesFileSetting() });
      // A failure (not a repository yet, git missing) is not remembered: the next look tries again.
      found.catch(() => this.files.delete(workingFile));
      this.files.set(workingFile, found);
    }
    return found;
  }

  /** One page of the file's versions, newest first. */
  page(file: PromptFileInRepository, skip: number, limit: number): Promise<FileHistoryPage> {
    return readFileHistoryPage(file.repository, file.path, { skip, limit });
  }

  /** Resolves a VERSION argument: a commit-ish, a release label, `latest` or `WORKING`. */
  resolve(file: PromptFileInRepository, version: string): Promise<ResolvedVersion> {
    return resolveVersion(file, parseVersionSpec(version));
  }

  /** The committed version just older than `commit` in the file's history, if any. */
  async previous(file: PromptFileInRepository, commit: string): Promise<Extract<ResolvedVersion, { kind: 'commit' }> | undefined> {
    let found = false;
    for await (const version of fileHistory(file.repository, file.path)) {
      if (found) return { kind: 'commit', commit: version.id, path: version.path, blob: version.blob };
      found = version.id === commit;
    }
    return undefined;
  }

  /** The commit just older than the version `version` names, as a VERSION string, if any. */
  async previousOf(file: PromptFileInRepository, version: string): Promise<string | undefined> {
    const resolved = await this.resolve(file, version);
    return resolved.kind === 'commit' ? (await this.previous(file, resolved.commit))?.commit : undefined;
  }

  /** Forgets located files so labels, renames and repositories are read afresh. */
  clear(): void {
    this.files.clear();
  }
}

/** How a version document names a resolved version. */
export function referenceTo(file: PromptFileInRepository, version: ResolvedVersion, sampleSet?: string): VersionReference {
  const title = version.kind === 'working' ? 'working tree' : `${version.label ? `${version.label} ` : ''}${version.commit.slice(0, 7)}`;
  return {
    workingFile: file.workingFile,
    commit: version.kind === 'working' ? 'WORKING' : version.commit,
    path: version.path,
    title: sampleSet === undefined ? title : `${title}, rendered${sampleSet ? ` with ${sampleSet}` : ''}`,
    ...(sampleSet === undefined ? {} : { sampleSet }),
  };
}
