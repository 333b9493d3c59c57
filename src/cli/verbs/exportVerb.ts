import * as fs from 'node:fs';
import * as path from 'node:path';
import { labelNameProblem } from '../../core/releases/labelName';
import { defaultLabel } from '../../core/releases/releaseManifest';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { checkWritable, writeFileAtomically, type AtomicWriteOptions } from '../../node/atomicWrite';
import { exportPromptBundle } from '../../node/releases/bundleExport';
import { openReleaseWorkspace } from '../../node/releases/releaseWorkspace';
import { CliError, ExitCode } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { releasesFileSetting } from '../promptFileArgument';
import { withReleaseErrors } from '../releaseErrors';
import type { Verb } from '../verb';

const usage = 'export [--label L]... [--out F [--mkdir]]';

/** `promptops export`: the promptops-bundle/1 JSON the application loads with promptops/runtime, every source checked against its sha256. */
export const exportVerb: Verb = {
  name: 'export',
  usage,
  summary: `Write the bundle of a label's prompts (default ${defaultLabel}; repeat --label for more) for promptops/runtime, each source verified against its sha256.`,
  run: (args, io) =>
    withReleaseErrors(async () => {
      const { values, positionals } = parseVerbArgs(args, { label: { type: 'string', multiple: true }, out: { type: 'string' }, mkdir: { type: 'boolean' } }, usage);
      if (positionals.length > 0) throw new CliError(`takes no arguments. Usage: promptops ${usage}`);
      if (values.mkdir === true && values.out === undefined) throw new CliError('--mkdir applies only with --out.');
      const labels = [...new Set(values.label ?? [defaultLabel])];
      for (const label of labels) {
        const problem = labelNameProblem(label);
        if (problem) throw new ReleaseRefusal(problem);
      }
      const workspace = await openReleaseWorkspace(io.cwd, { gitPath: io.env['PROMPTOPS_GIT'], releasesFile: releasesFileSetting(io) });
      // The output is checked before anything is exported: a bad path wastes no work and writes nothing.
      const output = values.out === undefined ? undefined : exportOutput(values.out, io.cwd, values.mkdir === true, workspace.manifestFile);
      const bundle = await exportPromptBundle(workspace, labels);
      const json = `${JSON.stringify(bundle, null, 2)}\n`;
      if (output === undefined) {
        io.out(json);
      } else {
        writeFileAtomically(output.file, json, output.options);
        const count = Object.keys(bundle.prompts).length;
        io.out(`Exported ${count === 1 ? '1 prompt' : `${count} prompts`} (${labels.join(', ')}) to ${output.options.displayName}.\n`);
      }
      return ExitCode.ok;
    }),
};

/**
 * Where `--out` writes: a regular file (new or replaced through temp + rename), never a link, a
 * folder, a pipe or device, or the release manifest; its folder must exist unless `--mkdir`.
 */
function exportOutput(given: string, cwd: string, mkdir: boolean, manifestFile: string): { file: string; options: AtomicWriteOptions & { displayName: string } } {
  const file = path.resolve(cwd, given);
  const options = { links: 'refuse', createParentFolders: mkdir, displayName: given } as const;
  checkWritable(file, options);
  if (isSameFile(file, manifestFile)) throw new CliError(`${given} is the release manifest; write the bundle to another file.`);
  return { file, options };
}

/** Whether two paths name one file (the same path, or the same file through links). */
function isSameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [first, second] = [fs.statSync(a, { throwIfNoEntry: false }), fs.statSync(b, { throwIfNoEntry: false })];
  return first !== undefined && second !== undefined && first.dev === second.dev && first.ino === second.ino;
}
