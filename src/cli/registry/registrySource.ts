import type { PromptRegistry, RegistryVersionSelector } from '../../core/registry/promptRegistry';
import { RegistryError } from '../../core/registry/registryError';
import { parseRegistryVersion } from '../../core/registry/registryLabels';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { GitError } from '../../node/git/gitError';
import { langfuseConnectionFromEnv } from '../../node/registries/langfuse/langfuseConnection';
import { LangfuseRegistry } from '../../node/registries/langfuse/langfuseRegistry';
import { defaultRetryPolicy } from '../../node/registries/registryRetries';
import { openRegistryWorkspace, type RegistryWorkspace } from '../../node/registries/registryWorkspace';
import { CliError, ExitCode, type CliIo } from '../cliIo';
import { releasesFileSetting } from '../promptFileArgument';

/** The registries `--source` names (DESIGN §5); `git` is the default and means none. */
const registrySources = ['langfuse'] as const;
export type RegistrySource = (typeof registrySources)[number];

/**
 * The registry a verb's `--source` option names, read before the verb parses its own options so a
 * git verb can hand its arguments to its registry flavour; undefined for `git` or no option.
 */
export function registrySourceOf(args: readonly string[]): RegistrySource | undefined {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const value = arg === '--source' ? args[index + 1] : arg.startsWith('--source=') ? arg.slice('--source='.length) : undefined;
    if (value === undefined) continue;
    if (value === 'git') return undefined;
    if ((registrySources as readonly string[]).includes(value)) return value as RegistrySource;
    throw new CliError(`--source must be git or ${registrySources.join(', ')}, not "${value}".`);
  }
  return undefined;
}

/** The registry options every registry flavour accepts. */
export const sourceOption = { source: { type: 'string' } } as const;

/** The registry the environment configures (LANGFUSE_HOST or LANGFUSE_BASE_URL, LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY). */
export function openRegistry(io: CliIo): PromptRegistry {
  const timeout = Number(io.env['PROMPTOPS_REGISTRY_TIMEOUT_MS']);
  const policy = Number.isInteger(timeout) && timeout > 0 ? { ...defaultRetryPolicy, timeoutMs: timeout } : defaultRetryPolicy;
  return new LangfuseRegistry(langfuseConnectionFromEnv(io.env), { policy });
}

/** The workspace of the current folder: its repository (if any), journal and manifest. */
export function openWorkspace(io: CliIo): Promise<RegistryWorkspace> {
  return openRegistryWorkspace(io.cwd, { gitPath: io.env['PROMPTOPS_GIT'], releasesFile: releasesFileSetting(io) });
}

/** Reads a VERSION argument of a registry verb, or stops with a usage error. */
export function registryVersionArgument(text: string): RegistryVersionSelector {
  const parsed = parseRegistryVersion(text);
  if (!parsed.ok) throw new CliError(parsed.problem);
  return parsed.selector;
}

/**
 * Runs a registry verb: refusals exit 1, registry answers that refuse the request (400) exit 1,
 * configuration, credentials, unknown prompts and an unreachable registry exit 2; each is one sentence.
 */
export async function withRegistryErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RegistryError) throw new CliError(error.message, error.kind === 'badRequest' ? ExitCode.findings : ExitCode.usage);
    if (error instanceof ReleaseRefusal) throw new CliError(error.message, ExitCode.findings, error.details);
    if (error instanceof GitError) throw new CliError(error.message);
    throw error;
  }
}
