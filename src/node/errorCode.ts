/** The `code` Node puts on system and worker errors (`ENOENT`, `ERR_WORKER_OUT_OF_MEMORY`); undefined for anything else. */
export function errorCode(error: unknown): unknown {
  return error instanceof Error ? Reflect.get(error, 'code') : undefined;
}
