import type { Verb } from './verb';
import { checkVerb } from './verbs/checkVerb';
import { renderVerb } from './verbs/renderVerb';
import { testVerb } from './verbs/testVerb';
import { diffVerb } from './verbs/diffVerb';
import { showVerb } from './verbs/showVerb';
import { versionsVerb } from './verbs/versionsVerb';
import { promoteVerb } from './verbs/promoteVerb';
import { rollbackVerb } from './verbs/rollbackVerb';
import { canaryVerb } from './verbs/canaryVerb';
import { statusVerb } from './verbs/statusVerb';
import { logVerb } from './verbs/logVerb';
import { exportVerb } from './verbs/exportVerb';
import { publishVerb } from './verbs/publishVerb';
import { pushVerb } from './verbs/pushVerb';
import { pullVerb } from './verbs/pullVerb';
import { syncVerb } from './verbs/syncVerb';

import { compareVerb } from './verbs/compareVerb';
import { whichVerb } from './verbs/whichVerb';

/** Every verb of the CLI, in the order `promptops help` lists them. */
const table: readonly Verb[] = [checkVerb, renderVerb, testVerb, versionsVerb, showVerb, diffVerb, promoteVerb, rollbackVerb, canaryVerb, statusVerb, logVerb, exportVerb, publishVerb, pushVerb, pullVerb, syncVerb, compareVerb, whichVerb];

export const verbs: ReadonlyMap<string, Verb> = new Map(table.map((verb) => [verb.name, verb]));
