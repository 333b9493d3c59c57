/** A release command refused for a reason the user can fix (exit code 1): one sentence, and nothing was written. */
export class ReleaseRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseRefusal';
  }
}
