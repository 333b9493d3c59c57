import { firstRenderBlockingError, renderProblemOf, type RenderProblem } from '../../core/rendering/checkedRender';
import { formatOfFile, parsePromptDocument } from '../../core/formats/promptFileKind';
import { readFileAtCommit } from '../git/gitObjects';
import type { GitCallOptions } from '../git/gitRepository';
import type { PromptFileInRepository } from '../promptFileInRepository';
import { decodeText } from '../textFiles';
import { partialSourceAt } from '../versionPartialSource';

/** A committed version of a prompt: only a commit can be released. */
export interface CommittedVersion {
  readonly commit: string;
  readonly path: string;
}

/**
 * The first error that keeps a committed version of a prompt from being released: what `check` reports on the
 * file as it is at that commit (with the partials of that version) that would stop it from rendering
 * as written (front matter, template, helpers, partials; see `renderBlockingCodes`), at the file's own
 * line and column; undefined when the version passes. Prompty files are held to their front matter.
 * Promote and canary ask this question (registry pushes ask `firstRenderBlockingError` of the text they push).
 */
export async function versionCheckError(file: PromptFileInRepository, version: CommittedVersion, options: GitCallOptions = {}): Promise<RenderProblem | undefined> {
  const { path } = version;
  const text = decodeText(path, await readFileAtCommit(file.repository, version.commit, path, options));
  if (!text.ok) return { file: path, range: text.position ? { start: text.position, end: text.position } : startOfFile, message: text.problem };
  const format = formatOfFile(path);
  if (!format) return undefined;
  const blocking = await firstRenderBlockingError(parsePromptDocument(text.text, { path, format }), partialSourceAt(file, { kind: 'commit', ...version }));
  return blocking ? renderProblemOf(blocking) : undefined;
}

const startOfFile = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
