/**
 * Holm's step-down adjustment of p-values for testing several metrics at once (as R's
 * `p.adjust(method = "holm")`): the i-th smallest of m is multiplied by m − i + 1, kept monotone, capped at 1.
 * Undefined entries (metrics without a test) are left out of m and stay undefined.
 */
export function holmAdjusted(pValues: readonly (number | undefined)[]): (number | undefined)[] {
  const tested = pValues.flatMap((p, index) => (p === undefined ? [] : [{ p, index }])).sort((a, b) => a.p - b.p);
  const adjusted: (number | undefined)[] = pValues.map(() => undefined);
  let running = 0;
  tested.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (tested.length - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
