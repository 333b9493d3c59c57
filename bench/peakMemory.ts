/** The marker of the stderr line on which peakMemoryReporter.ts prints a process's peak resident set, in kilobytes. */
export const peakMemoryMarker = 'promptops-bench-peak-rss-kb';

/** Reads the peak resident set size (kilobytes) that peakMemoryReporter.ts printed on stderr. */
export function peakMemoryKb(stderr: string): number {
  const match = new RegExp(`^${peakMemoryMarker} (\\d+)$`, 'm').exec(stderr);
  if (!match?.[1]) throw new Error(`The measured process printed no peak memory line:\n${stderr}`);
  return Number(match[1]);
}
