import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requireSharedSpecsVariable, skipWithoutSharedSpec } from './sharedSpecs';

describe('Suites that read ../shared/specs', () => {
  const absent = path.join(os.tmpdir(), 'promptops-no-such-specs', 'dotprompt');
  const saved = process.env[requireSharedSpecsVariable];
  afterEach(() => {
    if (saved === undefined) delete process.env[requireSharedSpecsVariable];
    else process.env[requireSharedSpecsVariable] = saved;
  });

  /** Runs the helper against a missing folder with console.log captured; says what the suite did. */
  function outcome(): { printed: string[]; result: string } {
    const printed: string[] = [];
    let result = 'ran';
    const context = { skip: () => void (result = 'skipped') };
    const log = console.log;
    console.log = (...args: unknown[]) => printed.push(args.join(' '));
    try {
      skipWithoutSharedSpec(context, absent, 'dotprompt spec check');
    } catch (error) {
      result = `failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      console.log = log;
    }
    return { printed, result };
  }

  it('say "skipped" in one line when the folder is absent, as on a developer machine without ../shared', () => {
    delete process.env[requireSharedSpecsVariable];
    assert.deepEqual(outcome(), { printed: [`    dotprompt spec check skipped: ${absent} is absent`], result: 'skipped' });
  });

  it('fail instead of skipping when PROMPTOPS_REQUIRE_SHARED_SPECS=1, as .ci/run sets it', () => {
    process.env[requireSharedSpecsVariable] = '1';
    assert.deepEqual(outcome(), { printed: [], result: `failed: dotprompt spec check cannot run: ${absent} is absent, and PROMPTOPS_REQUIRE_SHARED_SPECS=1 requires it.` });
  });

  it('.ci/run sets PROMPTOPS_REQUIRE_SHARED_SPECS=1 before npm test', () => {
    const script = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '.ci', 'run'), 'utf8');
    assert.match(script, /^export PROMPTOPS_REQUIRE_SHARED_SPECS=1\n(?:.*\n)*npm test$/m);
  });
});
