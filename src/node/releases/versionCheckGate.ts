import { firstRenderBlockingError, renderProblemOf, type RenderProblem } from '../../core/rendering/checkedRender';
import { formatOfFile, parsePromptDocument } from '../../core/formats/promptFileKind';
import { readFileAtCommit } from '../git/gitObjects';
import type { GitCallOptions } from '../git/gitRepository';
import type { PromptFileInRepository } from '../promptFileInRepository';
import { decodeText, readRegularFile } from '../textFiles';
import { partialSourceAt, type VersionLocation } from '../versionPartialSource';

/**
 * The first error that keeps a version of a prompt from being released: what `check` reports on the
 * file as it is at that version (with the partials of that version) that would stop it from rendering
 * as written (front matter, template, helpers, partials; see `renderBlockingCodes`), at the file's own
 * line and column; undefined when the version passes. Prompty files are held to their front matter.
 * Promote, canary and registry pushes all ask this one question.
 */
export async function versionCheckError(file: PromptFileInRepository, version: VersionLocation, options: GitCallOptions = {}): Promise<RenderProblem | undefined> {
  const path = version.kind === 'working' ? file.path : version.path;
  const bytes = version.kind === 'working' ? readRegularFile(file.workingFile) : { ok: true as const, bytes: await readFileAtCommit(file.repository, version.commit, version.path, options) };
  if (!bytes.ok) return { file: path, range: startOfFile, message: bytes.problem };
  const text = decodeText(path, bytes.bytes);
  if (!text.ok) return { file: path, range: text.position ? { start: text.position, end: text.position } : startOfFile, message: text.problem };
  const format = formatOfFile(path);
  if (!format) return undefined;
  const blocking = await firstRenderBlockingError(parsePromptDocument(text.text, { path, format }), partialSourceAt(file, version));
  return blocking ? renderProblemOf(blocking) : undefined;
}

const startOfFile = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
