import type { CliIo, ExitCode } from './cliIo';

/** A CLI verb: its usage line and one-line summary for help, and what it does. */
export interface Verb {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}
