/** Why a registry call failed, so callers can tell a fix the user makes from a moment to wait. */
export type RegistryErrorKind =
  | 'configuration'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'badRequest'
  | 'rateLimited'
  | 'unavailable'
  | 'timeout'
  | 'unreachable'
  | 'malformed';

/** A registry call that failed, with one sentence for the user; it never contains a secret. */
export class RegistryError extends Error {
  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}
