import * as path from 'node:path';
import { describeRenderProblem } from '../../core/rendering/checkedRender';
import { promptLanguageOf } from '../../core/formats/promptFileKind';
import type { ReleaseManifest, ReleaseTarget } from '../../core/releases/releaseManifest';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { commitAbbreviator } from '../git/commitAbbreviations';
import { fileHistory } from '../git/fileHistory';
import type { GitCallOptions } from '../git/gitRepository';
import { isPartialFile, promptFilesWithId } from '../promptIdDeclarations';
import type { PromptFileInRepository } from '../promptFileInRepository';
import { nonRegularKind } from '../textFiles';
import { readManifestFile, refuseManifestWithErrors } from './manifestFile';
import { resolveReleaseTarget } from './releaseTarget';
import { versionCheckError } from './versionCheckGate';
import { lstatIfPresent } from '../presentStats';

export interface PreflightOptions extends GitCallOptions {
  /** Release a version that does not pass check (an emergency); the first error is recorded in the event. */
  readonly allowErrors?: boolean | undefined;
}

/** A version cleared for release: where it is, and the check error an `allowErrors` release went past. */
export interface ReleasePreflight {
  readonly target: ReleaseTarget;
  /** `file:line:col: sentence` of the first error, when the version fails check and errors were allowed. */
  readonly allowedError?: string;
}

/**
 * Everything that must hold before a label may point at VERSION of a prompt, checked before anyone
 * is asked anything and before anything is written (promote, canary, and the editor's confirmations):
 * the manifest has no errors; FILE is a prompt (not a folder, link, sample file or partial); VERSION
 * is a committed version of it; its id names this file only, in the working tree and in the
 * manifest; and the version passes check. Throws a ReleaseRefusal naming the first that does not.
 */
export async function releasePreflight(file: PromptFileInRepository, versionText: string, options: PreflightOptions = {}): Promise<ReleasePreflight> {
  const parsed = readManifestFile(file.manifestFile).parsed;
  refuseManifestWithErrors(file.releasesFile, parsed);
  refuseWhatIsNotAPrompt(file);
  const target = await resolveReleaseTarget(file, versionText, options);
  await refuseAmbiguousId(file, target, parsed.manifest, options);
  const problem = await versionCheckError(file, { commit: target.commit, path: target.path }, options);
  if (!problem) return { target };
  const described = describeRenderProblem(problem);
  if (options.allowErrors) return { target, allowedError: described };
  const short = await commitAbbreviator(file.repository, [target.commit], options);
  throw new ReleaseRefusal(
    `${short(target.commit)} does not pass check, so it is not released: ${described.replace(/\.$/, '')} (fix it in a new commit, or pass --allow-errors in an emergency).`,
  );
}

/** Only prompt files are released: not folders, links, pipes, files of other kinds, sample files or partials. */
function refuseWhatIsNotAPrompt(file: PromptFileInRepository): void {
  const stat = lstatIfPresent(file.workingFile);
  if (stat?.isDirectory()) throw new ReleaseRefusal(`${file.path} is a folder; name one .prompt or .prompty file in it.`);
  if (stat?.isSymbolicLink()) throw new ReleaseRefusal(`${file.path} is a symbolic link; git keeps the link, not the prompt, so release the file it points to.`);
  const kind = stat ? nonRegularKind(stat) : undefined;
  if (kind !== undefined) throw new ReleaseRefusal(`${file.path} is ${kind}, not a prompt file.`);
  const name = path.posix.basename(file.path);
  if (/\.samples\.(ya?ml|json)$/i.test(name)) throw new ReleaseRefusal(`${file.path} is a sample file, not a prompt: release the prompt it belongs to.`);
  if (promptLanguageOf(name) === undefined) throw new ReleaseRefusal(`${file.path} is not a prompt file: only .prompt and .prompty files are released.`);
  if (isPartialFile(name)) throw new ReleaseRefusal(`${file.path} is a partial: it is released inside the prompts that include it, never on its own.`);
}

/**
 * One id, one file: refuses when another prompt file in the working tree has the same id, or when the
 * manifest releases the id from a file that is not this one under an older name.
 */
async function refuseAmbiguousId(file: PromptFileInRepository, target: ReleaseTarget, manifest: ReleaseManifest, options: GitCallOptions): Promise<void> {
  const others = promptFilesWithId(file.repository.root, file.promptId).filter((other) => other !== file.path);
  if (others.length > 0) {
    throw new ReleaseRefusal(
      `${file.promptId} is also the id of ${others.join(', ')}, so a release could not tell which file it means; give one of them another name (promptops check reports duplicate-prompt-id).`,
    );
  }
  const releases = manifest.prompts.get(file.promptId);
  const released = new Set([...(releases?.labels.values() ?? []), ...(releases?.canaries.values() ?? [])].map((existing) => existing.path));
  released.delete(file.path);
  released.delete(target.path);
  if (released.size === 0) return;
  // Paths the prompt had before renames are its own; any other path is another file.
  for await (const version of fileHistory(file.repository, file.path, options)) released.delete(version.path);
  const [foreign] = released;
  if (foreign !== undefined) {
    throw new ReleaseRefusal(`${file.promptId} is released from ${foreign}; ${file.path} declares the same id, so it cannot be released under it; give it another name.`);
  }
}
