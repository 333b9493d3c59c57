import * as fs from 'node:fs';

/** What a suite run adds to the totals line of `npm test`. */
export interface SuiteSummary {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
}

/**
 * Why a finished suite run counts as failed, in one sentence, or undefined when it passed: a
 * non-zero exit, a failed test, or no test executed at all (a run that checked nothing is not green).
 */
export function suiteRunProblem(exitCode: number, summary: SuiteSummary, grep?: string): string | undefined {
  if (summary.failed > 0) return `${summary.failed} test${summary.failed === 1 ? '' : 's'} failed.`;
  if (summary.passed === 0) {
    const why = grep ? `PROMPTOPS_TEST_GREP=${grep} matched no test title` : 'it found no test to run';
    return `The suite executed no test (${why}${summary.pending > 0 ? `; ${summary.pending} pending` : ''}), so it checked nothing.`;
  }
  if (exitCode !== 0) return `The suite exited with code ${exitCode}.`;
  return undefined;
}

/** Adds a short note (a size, a version) to the suite's row in the totals of `npm test`, which names the file in $PROMPTOPS_TEST_NOTE. */
export function writeSuiteNote(note: string): void {
  const file = process.env['PROMPTOPS_TEST_NOTE'];
  if (file) fs.writeFileSync(file, note);
}
