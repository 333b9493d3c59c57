/** What a suite run adds to the totals line of `npm test`. */
export interface SuiteSummary {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
}
