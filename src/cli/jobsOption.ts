import { CliError } from './cliIo';
import { defaultJobs } from './fileTaskThreads';

/** What `--jobs` does, for the help of the verbs that take it. */
export const jobsHelp = '--jobs N works on up to N threads at once (default: one per core); --jobs 1 works in one thread.';

/** Reads `--jobs N`: a whole number of threads from 1; the default is one per core. */
export function jobsOption(value: string | undefined): number {
  if (value === undefined) return defaultJobs();
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliError(`--jobs must be a whole number of threads from 1, not "${value}".`);
  return Number(value);
}
