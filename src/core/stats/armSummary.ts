/** One arm of a continuous metric: how many units, the mean of their values and its sample variance (n − 1). */
export interface ContinuousArm {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
}

/** One arm of a binary metric: how many units, and how many of them had the outcome. */
export interface BinaryArm {
  readonly n: number;
  readonly successes: number;
}

/** What a test says about canary − stable: the difference, its confidence interval at 1 − alpha, and the p-value. */
export interface TestResult {
  readonly difference: number;
  readonly ci: readonly [number, number];
  readonly pValue: number;
}
