import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

/** Set to 1 by .ci/run, whose checkout always has ../shared beside it: there a suite that would skip for lack of it fails instead. */
export const requireSharedSpecsVariable = 'PROMPTOPS_REQUIRE_SHARED_SPECS';

/** Whether third-party test data in ../shared/specs must be present ($PROMPTOPS_REQUIRE_SHARED_SPECS=1). */
export function sharedSpecsRequired(): boolean {
  return process.env[requireSharedSpecsVariable] === '1';
}

/**
 * For a suite's `before` hook: when `file` (under ../shared/specs) is absent, prints one line saying
 * `what` is skipped and skips the suite, or fails it when the specs are required.
 */
export function skipWithoutSharedSpec(context: { skip(): void }, file: string, what: string): void {
  if (fs.existsSync(file)) return;
  if (sharedSpecsRequired()) assert.fail(`${what} cannot run: ${file} is absent, and ${requireSharedSpecsVariable}=1 requires it.`);
  console.log(`    ${what} skipped: ${file} is absent`);
  context.skip();
}
