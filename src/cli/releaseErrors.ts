import { ReleaseRefusal } from '../core/releases/releaseRefusal';
import { ManifestLockTimeout } from '../node/releases/manifestLock';
import { CliError, ExitCode } from './cliIo';
import { withGitErrorsAsUsageErrors } from './promptFileArgument';

/** Runs a releases verb: refusals exit 1, git and lock problems exit 2, each as one sentence (DESIGN §5). */
export async function withReleaseErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await withGitErrorsAsUsageErrors(work);
  } catch (error) {
    if (error instanceof ReleaseRefusal) throw new CliError(error.message, ExitCode.findings, error.details);
    if (error instanceof ManifestLockTimeout) throw new CliError(error.message, ExitCode.usage);
    throw error;
  }
}
