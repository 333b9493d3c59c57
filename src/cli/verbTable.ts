import type { Verb } from './verb';

// Verbs load when they run (or when help lists them), so a command starts without the code of the others.
const table: readonly (readonly [string, () => Promise<Verb>])[] = [
  ['check', async () => (await import('./verbs/checkVerb')).checkVerb],
  ['render', async () => (await import('./verbs/renderVerb')).renderVerb],
  ['test', async () => (await import('./verbs/testVerb')).testVerb],
  ['versions', async () => (await import('./verbs/versionsVerb')).versionsVerb],
  ['show', async () => (await import('./verbs/showVerb')).showVerb],
  ['diff', async () => (await import('./verbs/diffVerb')).diffVerb],
  ['promote', async () => (await import('./verbs/promoteVerb')).promoteVerb],
  ['rollback', async () => (await import('./verbs/rollbackVerb')).rollbackVerb],
  ['canary', async () => (await import('./verbs/canaryVerb')).canaryVerb],
  ['status', async () => (await import('./verbs/statusVerb')).statusVerb],
  ['log', async () => (await import('./verbs/logVerb')).logVerb],
  ['export', async () => (await import('./verbs/exportVerb')).exportVerb],
  ['publish', async () => (await import('./verbs/publishVerb')).publishVerb],
  ['push', async () => (await import('./verbs/pushVerb')).pushVerb],
  ['pull', async () => (await import('./verbs/pullVerb')).pullVerb],
  ['sync', async () => (await import('./verbs/syncVerb')).syncVerb],
  ['compare', async () => (await import('./verbs/compareVerb')).compareVerb],
  ['which', async () => (await import('./verbs/whichVerb')).whichVerb],
];

/** Every verb of the CLI by name, in the order `promptops help` lists them. */
export const verbLoaders: ReadonlyMap<string, () => Promise<Verb>> = new Map(table);

/** Every verb, loaded, in the order `promptops help` lists them. */
export function loadAllVerbs(): Promise<Verb[]> {
  return Promise.all([...verbLoaders.values()].map((load) => load()));
}
