import * as fs from 'node:fs';

/** What a suite run adds to the totals line of `npm test`. */
export interface SuiteSummary {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
}

/** Adds a short note (a size, a version) to the suite's row in the totals of `npm test`, which names the file in $PROMPTOPS_TEST_NOTE. */
export function writeSuiteNote(note: string): void {
  const file = process.env['PROMPTOPS_TEST_NOTE'];
  if (file) fs.writeFileSync(file, note);
}
