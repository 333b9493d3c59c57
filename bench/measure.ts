import { performance } from 'node:perf_hooks';

/** The median of a list of numbers (the list must not be empty). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Median wall time in milliseconds of `runs` calls after `warmup` unmeasured ones. */
export async function medianMs(task: () => unknown, runs: number, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** How a ratio is sampled: `runs` samples of `batch` calls each, after `warmup` unmeasured calls of both. */
export interface Sampling {
  readonly runs: number;
  readonly batch?: number;
  readonly warmup?: number;
}

/**
 * Measures a task against its baseline interleaved (A, B, A, B…) so that load on a shared machine
 * hits both alike, and returns both medians and their ratio (per call). Batches of several calls
 * spread garbage-collection pauses over both sides instead of charging them to whichever call
 * happens to trigger one.
 */
export async function ratioAgainstBaseline(task: () => unknown, baseline: () => unknown, sampling: number | Sampling): Promise<{ taskMs: number; baselineMs: number; ratio: number }> {
  const { runs, batch = 1, warmup = 2 } = typeof sampling === 'number' ? { runs: sampling } : sampling;
  for (let i = 0; i < warmup; i++) {
    await baseline();
    await task();
  }
  const timeBatch = async (work: () => unknown): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < batch; i++) await work();
    return (performance.now() - start) / batch;
  };
  const taskTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    baselineTimes.push(await timeBatch(baseline));
    taskTimes.push(await timeBatch(task));
  }
  const taskMs = median(taskTimes);
  const baselineMs = median(baselineTimes);
  return { taskMs, baselineMs, ratio: taskMs / baselineMs };
}

/** One line of the benchmark report: what was measured, the ratio, and the target it must meet. */
export function reportRatio(title: string, result: { taskMs: number; baselineMs: number; ratio: number }, target: number): boolean {
  const ok = result.ratio <= target;
  console.log(
    `${ok ? 'meets ' : 'MISSES'} ${title}: ${result.ratio.toFixed(2)}x (target ≤ ${target}x; ${result.taskMs.toFixed(1)} ms vs baseline ${result.baselineMs.toFixed(1)} ms)`,
  );
  return ok;
}
