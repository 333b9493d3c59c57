/** The columns every outcome CSV needs; every other column is a metric (a `metrics.` prefix is dropped). */
export const outcomeCsvColumns = ['prompt', 'label', 'arm', 'commit', 'unit'] as const;

/** How a CSV header maps onto outcome rows. */
export interface OutcomeCsvHeader {
  readonly fields: readonly string[];
  /** Metric names by column index; undefined for the row fields. */
  readonly metrics: readonly (string | undefined)[];
}

/** Reads a CSV header, or returns the sentence saying which required columns it lacks. */
export function outcomeCsvHeader(cells: readonly string[]): OutcomeCsvHeader | string {
  const fields = cells.map((cell) => cell.trim());
  const missing = outcomeCsvColumns.filter((column) => !fields.includes(column));
  if (missing.length > 0) return `The CSV header has no ${missing.map((column) => `"${column}"`).join(', ')} column${missing.length === 1 ? '' : 's'}; it needs ${outcomeCsvColumns.join(', ')} and one column per metric.`;
  const rowFields = new Set<string>(outcomeCsvColumns);
  return { fields, metrics: fields.map((field) => (rowFields.has(field) ? undefined : field.replace(/^metrics\./, ''))) };
}

/**
 * Turns one CSV record into the row object JSON Lines would hold: empty cells are unmeasured,
 * `true`/`false` are booleans, numbers are numbers, and anything else stays text (and so is malformed).
 */
export function outcomeCsvRecord(header: OutcomeCsvHeader, cells: readonly string[]): { readonly row: Record<string, unknown> } | { readonly problem: string } {
  if (cells.length !== header.fields.length) return { problem: `${cells.length} cells under a header of ${header.fields.length}` };
  const row: Record<string, unknown> = {};
  const metrics: Record<string, unknown> = {};
  cells.forEach((cell, index) => {
    const metric = header.metrics[index];
    const field = header.fields[index] ?? '';
    if (metric === undefined) {
      row[field] = cell;
      return;
    }
    const text = cell.trim();
    if (text === '') return;
    if (text === 'true' || text === 'false') metrics[metric] = text === 'true';
    else metrics[metric] = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : text;
  });
  row['metrics'] = metrics;
  return { row };
}
