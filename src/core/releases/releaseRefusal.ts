/**
 * A release command refused for a reason the user can fix (exit code 1): one sentence, and nothing
 * was written. A refusal that names several places (each `file:line:col`) gives them as `details`,
 * printed one per line before the sentence, each escaped on its own so data cannot forge a line.
 */
export class ReleaseRefusal extends Error {
  constructor(message: string, readonly details: readonly string[] = []) {
    super(message);
    this.name = 'ReleaseRefusal';
  }
}
