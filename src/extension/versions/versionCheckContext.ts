import * as path from 'node:path';
import * as vscode from 'vscode';
import { resolveIncludeGraph } from '../../core/rendering/includeGraph';
import { parseSampleFile } from '../../core/samples/sampleSets';
import { partialFileAt, type PartialAtVersion } from '../../node/versionPartialSource';
import { sampleFileAt } from '../../node/versionSampleFile';
import type { VersionContext, VersionContextLoader } from '../promptModels';
import type { PromptHistory } from './promptHistory';
import { parseVersionUri, versionUri } from './versionUri';

/**
 * Reads what a version document at a commit is checked against, through git: the prompt's sample
 * file and the partials it reaches as that commit has them, so an old version shows exactly what
 * `promptops check` reports on a checkout of its commit. Each file is named by its own version URI,
 * so a problem in the old sample file opens that file at that commit.
 */
export function versionCheckContexts(history: PromptHistory): VersionContextLoader {
  return async (uri, model): Promise<VersionContext | undefined> => {
    const reference = parseVersionUri(uri);
    // Rendered documents are not prompts; in an untrusted workspace git is not run.
    if (!reference || reference.sampleSet !== undefined || reference.commit === 'WORKING' || !vscode.workspace.isTrusted) return undefined;
    const file = await history.file(reference.workingFile);
    const version = { kind: 'commit' as const, commit: reference.commit, path: reference.path };
    const uriAtCommit = (repositoryPath: string): string =>
      versionUri({ workingFile: path.join(file.repository.root, repositoryPath), commit: reference.commit, path: repositoryPath, title: reference.title }).toString();
    const find = partialFileAt(file, version);
    const partials = new Map<string, PartialAtVersion | undefined>();
    // The graph asks each name once and follows partials into partials, as the checker will.
    await resolveIncludeGraph(model.format.includes(model), (source) => model.format.includesOfIncluded(source), async (name) => {
      const found = await find(name);
      partials.set(name, found ? { path: uriAtCommit(found.path), text: found.text } : undefined);
      return found?.text;
    });
    const sample = await sampleFileAt(file, version);
    // A sample file that is not text at that commit has no sets, as check reads it.
    const samples = sample?.ok ? parseSampleFile(uriAtCommit(sample.path), sample.text) : undefined;
    return { samples, partials };
  };
}
