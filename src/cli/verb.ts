import type { CliIo, ExitCode } from './cliIo';

/** The groups `promptops help` lists verbs under, in this order; a new group is one more entry. */
export const verbGroups = [
  { id: 'authoring', title: 'Authoring' },
  { id: 'versions', title: 'Versions' },
  { id: 'releases', title: 'Releases' },
  { id: 'registry', title: 'Registry' },
] as const;

export type VerbGroup = (typeof verbGroups)[number]['id'];

/** A CLI verb: what `promptops help` says about it, and what it does. */
export interface Verb {
  readonly name: string;
  readonly group: VerbGroup;
  /** The arguments and options after `promptops`, starting with the verb's name. */
  readonly usage: string;
  /** One short sentence for the overview. */
  readonly summary: string;
  /** More sentences for `promptops help VERB`, when the summary does not say everything. */
  readonly details?: string;
  /** A complete command line, starting with `promptops`, as a user would type it. */
  readonly example: string;
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}
