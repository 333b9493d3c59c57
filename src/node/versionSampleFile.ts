import { sampleFileCandidates } from '../core/samples/sampleFilePaths';
import { blobsAtCommit, readBlob } from './git/gitObjects';
import type { GitCallOptions } from './git/gitRepository';
import type { PromptFileInRepository } from './promptFileInRepository';
import { decodeText } from './textFiles';
import type { VersionLocation } from './versionPartialSource';

/** A prompt's sample file as a commit has it: its repository-relative path and its text, or why it is not text. */
export type SampleFileAtCommit =
  | { readonly ok: true; readonly path: string; readonly text: string }
  | { readonly ok: false; readonly path: string; readonly problem: string };

/**
 * The sidecar sample file of a prompt as it was in a commit (`trip.samples.yaml`, `.yml`, then `.json`
 * beside the prompt's path in that commit), read through git in one `ls-tree` and one blob read;
 * undefined when that commit has none. Old versions are checked against it, as `check` on a checkout would.
 */
export async function sampleFileAt(file: PromptFileInRepository, version: Extract<VersionLocation, { kind: 'commit' }>, options: GitCallOptions = {}): Promise<SampleFileAtCommit | undefined> {
  const candidates = sampleFileCandidates(version.path);
  const blobs = await blobsAtCommit(file.repository, version.commit, candidates, options);
  const found = candidates.find((candidate) => blobs.has(candidate));
  const blob = found === undefined ? undefined : blobs.get(found);
  if (found === undefined || blob === undefined) return undefined;
  const text = decodeText(found, await readBlob(file.repository, blob, options));
  return text.ok ? { ok: true, path: found, text: text.text } : { ok: false, path: found, problem: text.problem };
}
