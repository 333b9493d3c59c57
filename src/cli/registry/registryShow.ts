import { ExitCode, CliError, type CliIo } from '../cliIo';
import { parseVerbArgs } from '../parseVerbArgs';
import { registryVersionText } from '../../node/registries/registryVersionText';
import { openRegistry, openWorkspace, registryVersionArgument, sourceOption, withRegistryErrors } from './registrySource';

const usage = 'show NAME VERSION --source langfuse';

/** `promptops show NAME VERSION --source langfuse`: a registry version as a `.prompt` file (the pushed file itself when Git still has it). */
export function registryShow(args: readonly string[], io: CliIo): Promise<ExitCode> {
  return withRegistryErrors(async () => {
    const { positionals } = parseVerbArgs(args, sourceOption, usage);
    const [name, versionArgument, ...extra] = positionals;
    if (name === undefined || versionArgument === undefined || extra.length > 0) throw new CliError(`expects NAME and VERSION. Usage: promptops ${usage}`);
    const selector = registryVersionArgument(versionArgument);
    const [registry, workspace] = [openRegistry(io), await openWorkspace(io)];
    const version = await registry.getVersion(name, selector);
    io.out((await registryVersionText(version, workspace.repository)).text);
    return ExitCode.ok;
  });
}
