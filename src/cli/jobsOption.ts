import { CliError } from './cliIo';

/** What `--jobs` does, for the help of the verbs that take it. */
export const jobsHelp = '--jobs N works on N threads at once, this one and N-1 workers (default: one per core when there are thousands of files); --jobs 1 works in one thread.';

/** Reads `--jobs N`, a whole number of threads from 1; undefined leaves the choice to the run (see workersFor). */
export function jobsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliError(`--jobs must be a whole number of threads from 1, not "${value}".`);
  return Number(value);
}
