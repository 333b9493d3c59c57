/** Where a CLI run writes and where it runs; tests pass an in-memory one. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes of DESIGN §5. */
export const ExitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A failure the user caused or the environment lacks: printed as one sentence, never with a stack;
 * `details` are lines printed before it (places such as `file:line:col: …`), each escaped on its own.
 */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: ExitCode = ExitCode.usage, readonly details: readonly string[] = []) {
    super(message);
  }
}
