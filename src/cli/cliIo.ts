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

/** A failure the user caused or the environment lacks: printed as one sentence, never with a stack. */
export class CliError extends Error {
  /** The message as the lines it was written in (one, unless a refusal lists findings); each is escaped on its own when printed. */
  readonly lines: readonly string[];

  constructor(message: string | readonly string[], readonly exitCode: ExitCode = ExitCode.usage) {
    const lines = typeof message === 'string' ? [message] : message;
    super(lines.join('\n'));
    this.lines = lines;
  }
}
