import { parseVersionSpec } from '../../core/versions/versionSpec';
import { readFileHistoryPage, fileHistory, type FileHistoryPage } from '../../node/git/fileHistory';
import type { FileHistoryCursor } from '../../node/git/fileHistoryCursor';
import { openPromptFile, type PromptFileInRepository } from '../../node/promptFileInRepository';
import { resolveVersion, type ResolvedVersion } from '../../node/promptVersionResolver';
import { releasesFileSetting } from '../settings';
import { ShortShas } from './shortShas';
import type { VersionReference } from './versionUri';


/**
 * Git access for the editor: each prompt file located in its repository once (until a refresh),
 * its history in pages, VERSION arguments resolved as the CLI resolves them, and the abbreviations
 * of every commit these answers name.
 */
export class PromptHistory {
  private readonly files = new Map<string, Promise<PromptFileInRepository>>();
  /** Git's abbreviations of the commits shown, learnt with each listing. */
  readonly shortShas = new ShortShas();

  /** The prompt file in its repository, with its id and release labels (whose commits' abbreviations are learnt). */
  file(workingFile: string): Promise<PromptFileInRepository> {
    let found = this.files.get(workingFile);
    if (!found) {
      found = openPromptFile(workingFile, { releasesFile: releasesFileSetting() }).then(async (file) => {
        const released = file.labels.ok ? [...file.labels.labels.values(), ...file.labels.canaries.values()].map((target) => target.commit) : [];
        await this.shortShas.learn(file.repository, released);
        return file;
      });
      // A failure (not a repository yet, git missing) is not remembered: the next look tries again.
      found.catch(() => this.files.delete(workingFile));
      this.files.set(workingFile, found);
    }
    return found;
  }

  /** One page of the file's versions, newest first. */
  async page(file: PromptFileInRepository, skip: number, limit: number): Promise<FileHistoryPage> {
    const page = await readFileHistoryPage(file.repository, file.path, { skip, limit });
    await this.shortShas.learn(file.repository, page.versions.flatMap((version) => [version.id, ...(version.copiedFrom ? [version.copiedFrom.commit] : [])]));
    return page;
  }

  /** The next page of a cursor over the file's versions ("Load more"), with its commits' abbreviations learnt. */
  async nextPage(file: PromptFileInRepository, cursor: FileHistoryCursor, limit: number): Promise<FileHistoryPage> {
    const page = await cursor.nextPage(limit);
    await this.shortShas.learn(file.repository, page.versions.flatMap((version) => [version.id, ...(version.copiedFrom ? [version.copiedFrom.commit] : [])]));
    return page;
  }

  /** Resolves a VERSION argument: a commit-ish, a release label, `latest` or `WORKING`. */
  async resolve(file: PromptFileInRepository, version: string): Promise<ResolvedVersion> {
    const resolved = await resolveVersion(file, parseVersionSpec(version));
    if (resolved.kind === 'commit') await this.shortShas.learn(file.repository, [resolved.commit]);
    return resolved;
  }

  /** The committed version just older than `commit` in the file's history, if any. */
  async previous(file: PromptFileInRepository, commit: string): Promise<Extract<ResolvedVersion, { kind: 'commit' }> | undefined> {
    let found = false;
    for await (const version of fileHistory(file.repository, file.path)) {
      if (found) {
        await this.shortShas.learn(file.repository, [version.id]);
        return { kind: 'commit', commit: version.id, path: version.path, blob: version.blob, short: this.shortShas.of(version.id) };
      }
      found = version.id === commit;
    }
    return undefined;
  }

  /** The commit just older than the version `version` names, as a VERSION string, if any. */
  async previousOf(file: PromptFileInRepository, version: string): Promise<string | undefined> {
    const resolved = await this.resolve(file, version);
    return resolved.kind === 'commit' ? (await this.previous(file, resolved.commit))?.commit : undefined;
  }

  /** How a version document names a resolved version, with the commit abbreviated as everywhere else. */
  referenceTo(file: PromptFileInRepository, version: ResolvedVersion, sampleSet?: string): VersionReference {
    return referenceTo(file, version, sampleSet, this.shortShas.of);
  }

  /** Forgets located files so labels, renames and repositories are read afresh. */
  clear(): void {
    this.files.clear();
  }
}

/** What a version is called in titles and questions: `working tree`, `a1b2c3d`, `production a1b2c3d`. */
export function versionTitleOf(version: ResolvedVersion, short: (commit: string) => string): string {
  return version.kind === 'working' ? 'working tree' : `${version.label ? `${version.label} ` : ''}${short(version.commit)}`;
}

/** How a version document names a resolved version. */
export function referenceTo(file: PromptFileInRepository, version: ResolvedVersion, sampleSet: string | undefined, short: (commit: string) => string): VersionReference {
  const title = versionTitleOf(version, short);
  return {
    workingFile: file.workingFile,
    commit: version.kind === 'working' ? 'WORKING' : version.commit,
    path: version.path,
    title: sampleSet === undefined ? title : `${title}, rendered${sampleSet ? ` with ${sampleSet}` : ''}`,
    ...(sampleSet === undefined ? {} : { sampleSet }),
  };
}
