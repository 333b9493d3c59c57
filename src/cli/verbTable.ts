import type { Verb } from './verb';

/** Every verb of the CLI, in the order `promptops help` lists them. */
const table: readonly Verb[] = [];

export const verbs: ReadonlyMap<string, Verb> = new Map(table.map((verb) => [verb.name, verb]));
