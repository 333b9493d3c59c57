import * as path from 'node:path';
import { labelNameProblem } from '../../core/releases/labelName';
import { defaultLabel } from '../../core/releases/releaseManifest';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { writeFileAtomically } from '../../node/atomicWrite';
import { exportPromptBundle } from '../../node/releases/bundleExport';
import { openReleaseWorkspace } from '../../node/releases/releaseWorkspace';
import { CliError, ExitCode } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { releasesFileSetting } from '../promptFileArgument';
import { withReleaseErrors } from '../releaseErrors';
import type { Verb } from '../verb';

const usage = 'export [--label L]... [--out F]';

/** `promptops export`: the promptops-bundle/1 JSON the application loads with promptops/runtime, every source checked against its sha256. */
export const exportVerb: Verb = {
  name: 'export',
  group: 'releases',
  usage,
  summary: "Write the bundle of a label's prompts that promptops/runtime loads.",
  details: `The label defaults to ${defaultLabel} (repeat --label for more); every source is read from git and verified against its sha256.`,
  example: 'promptops export --label production --out build/prompts.json',
  run: (args, io) =>
    withReleaseErrors(async () => {
      const { values, positionals } = parseVerbArgs(args, { label: { type: 'string', multiple: true }, out: { type: 'string' } }, usage);
      if (positionals.length > 0) throw new CliError(`takes no arguments. Usage: promptops ${usage}`);
      const labels = [...new Set(values.label ?? [defaultLabel])];
      for (const label of labels) {
        const problem = labelNameProblem(label);
        if (problem) throw new ReleaseRefusal(problem);
      }
      const workspace = await openReleaseWorkspace(io.cwd, { gitPath: io.env['PROMPTOPS_GIT'], releasesFile: releasesFileSetting(io) });
      const bundle = await exportPromptBundle(workspace, labels);
      const json = `${JSON.stringify(bundle, null, 2)}\n`;
      if (values.out === undefined) {
        io.out(json);
      } else {
        const out = path.resolve(io.cwd, values.out);
        writeFileAtomically(out, json);
        const count = Object.keys(bundle.prompts).length;
        io.out(`Exported ${count === 1 ? '1 prompt' : `${count} prompts`} (${labels.join(', ')}) to ${values.out}.\n`);
      }
      return ExitCode.ok;
    }),
};
