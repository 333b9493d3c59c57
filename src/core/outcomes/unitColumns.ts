/**
 * Per-unit sums and counts of one metric in one arm, in typed arrays indexed by the unit's number, so
 * a million rows cost a few bytes per unit rather than an object per row.
 */
export class UnitColumns {
  private sums = new Float64Array(1024);
  private counts = new Uint32Array(1024);

  add(unit: number, value: number): void {
    if (unit >= this.sums.length) this.grow(unit);
    this.sums[unit] = (this.sums[unit] ?? 0) + value;
    this.counts[unit] = (this.counts[unit] ?? 0) + 1;
  }

  /** Calls `visit` with the mean of each unit that has values, among the first `units` units. */
  forEachUnitMean(units: number, visit: (mean: number) => void): void {
    const limit = Math.min(units, this.sums.length);
    for (let unit = 0; unit < limit; unit++) {
      const count = this.counts[unit] ?? 0;
      if (count > 0) visit((this.sums[unit] ?? 0) / count);
    }
  }

  private grow(unit: number): void {
    let size = this.sums.length;
    while (size <= unit) size *= 2;
    const sums = new Float64Array(size);
    sums.set(this.sums);
    const counts = new Uint32Array(size);
    counts.set(this.counts);
    this.sums = sums;
    this.counts = counts;
  }
}
