import type { Verb } from './verb';
import { checkVerb } from './verbs/checkVerb';
import { renderVerb } from './verbs/renderVerb';
import { testVerb } from './verbs/testVerb';
import { diffVerb } from './verbs/diffVerb';
import { showVerb } from './verbs/showVerb';
import { versionsVerb } from './verbs/versionsVerb';

/** Every verb of the CLI, in the order `promptops help` lists them. */
const table: readonly Verb[] = [checkVerb, renderVerb, testVerb, versionsVerb, showVerb, diffVerb];

export const verbs: ReadonlyMap<string, Verb> = new Map(table.map((verb) => [verb.name, verb]));
