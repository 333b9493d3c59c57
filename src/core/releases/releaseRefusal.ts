/** A release command refused for a reason the user can fix (exit code 1): one sentence, and nothing was written. */
export class ReleaseRefusal extends Error {
  /** The message as the lines it was written in; each is escaped on its own when printed, so data cannot add a line. */
  readonly lines: readonly string[];

  constructor(message: string | readonly string[]) {
    const lines = typeof message === 'string' ? [message] : message;
    super(lines.join('\n'));
    this.name = 'ReleaseRefusal';
    this.lines = lines;
  }
}
