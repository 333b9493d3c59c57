import * as fs from 'node:fs';
import * as path from 'node:path';

/** One arm of a generated canary: how many units, and each unit's metric values by its index. */
export interface ArmSpec {
  readonly units: number;
  readonly commit: string;
  /** Metric values of unit `i`'s row `row` (each unit logs `rowsPerUnit` rows). */
  readonly metrics: (i: number, row: number) => Record<string, number | boolean | null>;
}

export interface OutcomeSpec {
  readonly prompt?: string;
  readonly label?: string;
  readonly rowsPerUnit?: number;
  readonly stable: ArmSpec;
  readonly canary: ArmSpec;
}

/** Outcome rows as an application logs them next to the runtime's provenance, units interleaved as traffic would be. */
export function outcomeRows(spec: OutcomeSpec): Record<string, unknown>[] {
  const prompt = spec.prompt ?? 'support/summarize';
  const label = spec.label ?? 'production';
  const rows: Record<string, unknown>[] = [];
  const rowsPerUnit = spec.rowsPerUnit ?? 1;
  for (let row = 0; row < rowsPerUnit; row++) {
    for (let i = 0; i < Math.max(spec.stable.units, spec.canary.units); i++) {
      if (i < spec.stable.units) rows.push({ prompt, label, arm: 'stable', commit: spec.stable.commit, unit: `s${i}`, metrics: spec.stable.metrics(i, row) });
      if (i < spec.canary.units) rows.push({ prompt, label, arm: 'canary', commit: spec.canary.commit, unit: `c${i}`, metrics: spec.canary.metrics(i, row) });
    }
  }
  return rows;
}

/** Writes rows as JSON Lines and returns the file's path relative to `root`. */
export function writeJsonLines(root: string, file: string, rows: readonly unknown[], extraLines: readonly string[] = []): string {
  fs.writeFileSync(path.join(root, file), [...rows.map((row) => JSON.stringify(row)), ...extraLines].join('\n') + '\n');
  return file;
}

/** Writes rows as CSV with one column per metric. */
export function writeCsv(root: string, file: string, rows: readonly Record<string, unknown>[], metricNames: readonly string[]): string {
  const quote = (value: unknown): string => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [['prompt', 'label', 'arm', 'commit', 'unit', ...metricNames].join(',')];
  for (const row of rows) {
    const metrics = row['metrics'] as Record<string, unknown>;
    lines.push([row['prompt'], row['label'], row['arm'], row['commit'], row['unit'], ...metricNames.map((name) => metrics[name])].map(quote).join(','));
  }
  fs.writeFileSync(path.join(root, file), `${lines.join('\n')}\n`);
  return file;
}
