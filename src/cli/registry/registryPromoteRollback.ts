import { escapeControlCharacters } from '../../core/document/controlCharacters';
import { defaultLabel } from '../../core/releases/releaseManifest';
import { promoteRegistryVersion, rollbackRegistryLabel, type RegistryMoveOutcome } from '../../node/registries/registryLabelMoves';
import { CliError, ExitCode, type CliIo } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { openRegistry, openWorkspace, registryVersionArgument, sourceOption, withRegistryErrors } from './registrySource';

const promoteUsage = 'promote NAME VERSION --source langfuse [--label L] [--note T]';
const rollbackUsage = 'rollback NAME --source langfuse [--label L] [--to VERSION] [--note T]';

function moveText(outcome: RegistryMoveOutcome, verb: 'Promoted' | 'Rolled back', location: string): string {
  if (outcome.kind === 'unchanged') return `${outcome.message} Nothing to do.\n`;
  const from = outcome.from === undefined ? 'a new label' : `v${outcome.from}`;
  const what = verb === 'Promoted' ? `Promoted ${escapeControlCharacters(outcome.name)} to ${outcome.label}` : `Rolled back ${escapeControlCharacters(outcome.name)} ${outcome.label}`;
  return `${what} in Langfuse (${location}): ${from} → v${outcome.to.version}.\n`;
}

/** `promptops promote NAME VERSION --source langfuse`: moves a Langfuse label to a version (a number or another label's) and journals it. */
export function registryPromote(args: readonly string[], io: CliIo): Promise<ExitCode> {
  return withRegistryErrors(async () => {
    const { values, positionals } = parseVerbArgs(args, { ...sourceOption, label: { type: 'string' }, note: { type: 'string' } }, promoteUsage);
    const [name, versionArgument, ...extra] = positionals;
    if (name === undefined || versionArgument === undefined || extra.length > 0) throw new CliError(`expects NAME and VERSION. Usage: promptops ${promoteUsage}`);
    const selector = registryVersionArgument(versionArgument);
    const registry = openRegistry(io);
    const outcome = await promoteRegistryVersion(await openWorkspace(io), registry, { name, selector, label: values.label ?? defaultLabel, note: values.note });
    io.out(moveText(outcome, 'Promoted', registry.location));
    return ExitCode.ok;
  });
}

/** `promptops rollback NAME --source langfuse`: moves a Langfuse label back one step in PromptOps' journal of its moves, or to --to. */
export function registryRollback(args: readonly string[], io: CliIo): Promise<ExitCode> {
  return withRegistryErrors(async () => {
    const { values, positionals } = parseVerbArgs(args, { ...sourceOption, label: { type: 'string' }, to: { type: 'string' }, note: { type: 'string' } }, rollbackUsage);
    const [name, ...extra] = positionals;
    if (name === undefined || extra.length > 0) throw new CliError(`expects one prompt NAME. Usage: promptops ${rollbackUsage}`);
    const registry = openRegistry(io);
    let to: number | undefined;
    if (values.to !== undefined) {
      const selector = registryVersionArgument(values.to);
      to = 'version' in selector ? selector.version : (await registry.getVersion(name, selector)).version;
    }
    const outcome = await rollbackRegistryLabel(await openWorkspace(io), registry, { name, label: values.label ?? defaultLabel, to, note: values.note });
    io.out(moveText(outcome, 'Rolled back', registry.location));
    return ExitCode.ok;
  });
}
