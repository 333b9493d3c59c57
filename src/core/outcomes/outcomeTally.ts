import { UnitColumns } from './unitColumns';

/** Which rows belong to the experiment: one prompt and label, split between two commits. */
export interface OutcomeExperiment {
  readonly prompt: string;
  readonly label: string;
  readonly stableCommit: string;
  readonly canaryCommit: string;
  /** The metrics to keep; undefined keeps every metric the rows have. */
  readonly metrics?: readonly string[] | undefined;
}

export type Arm = 'stable' | 'canary';

/** A row that could not be used, for the report: where it is and what is wrong with it. */
export interface OutcomeProblem {
  readonly line: number;
  readonly detail: string;
}

/** How many rows of each kind were seen, with the first few problems of each kind. */
export interface OutcomeRowCounts {
  /** Non-blank lines or records read. */
  readonly read: number;
  /** Rows of other prompts or labels, which are ignored. */
  readonly otherPrompts: number;
  readonly used: number;
  readonly malformed: number;
  /** Rows whose arm says one thing and whose commit the other. */
  readonly armMismatch: number;
  /** Rows naming a commit that is neither the stable nor the canary version. */
  readonly unknownCommit: number;
}

/** A metric's per-unit values in one arm: units measured, the mean and sample variance of the unit means. */
export interface ArmValues {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
  /** Units whose value is 1, when every unit's value is exactly 0 or 1; else undefined. */
  readonly successes: number | undefined;
}

/** One metric over both arms. */
export interface MetricValues {
  readonly name: string;
  /** Every row value was true, false, 0 or 1. */
  readonly binary: boolean;
  readonly stable: ArmValues;
  readonly canary: ArmValues;
}

/** Everything read from an outcome file about one experiment. */
export interface OutcomeSummary {
  readonly rows: OutcomeRowCounts;
  readonly problems: { readonly malformed: readonly OutcomeProblem[]; readonly armMismatch: readonly OutcomeProblem[]; readonly unknownCommit: readonly OutcomeProblem[] };
  /** Distinct units per arm (a unit in both arms, after a weight change, counts in each). */
  readonly units: { readonly stable: number; readonly canary: number };
  /** In the order the rows first named them (only those asked for, when some were). */
  readonly metrics: readonly MetricValues[];
  /** Metrics the rows have that were not asked for (the first few), to name them when an asked-for one is missing. */
  readonly otherMetrics: readonly string[];
}

const keptProblems = 3;

class ArmUnits {
  readonly index = new Map<string, number>();

  numberOf(unit: string): number {
    let number = this.index.get(unit);
    if (number === undefined) {
      number = this.index.size;
      this.index.set(unit, number);
    }
    return number;
  }
}

class MetricTally {
  binary = true;
  readonly stable = new UnitColumns();
  readonly canary = new UnitColumns();

  constructor(readonly name: string) {}
}

/**
 * Reads outcome rows one at a time (DESIGN §9: `{prompt, label, arm, commit, unit, metrics}`) and
 * keeps per-unit sums only, so a file of any length streams through it. Rows of other prompts or
 * labels are ignored; malformed rows, rows whose arm disagrees with their commit and rows of unknown
 * commits are counted and never used.
 */
export class OutcomeTally {
  private read = 0;
  private otherPrompts = 0;
  private used = 0;
  private readonly malformed: OutcomeProblem[] = [];
  private malformedCount = 0;
  private readonly armMismatch: OutcomeProblem[] = [];
  private armMismatchCount = 0;
  private readonly unknownCommit: OutcomeProblem[] = [];
  private unknownCommitCount = 0;
  private readonly units = { stable: new ArmUnits(), canary: new ArmUnits() };
  private readonly metrics = new Map<string, MetricTally>();
  private readonly otherMetrics = new Set<string>();
  private readonly wanted: ReadonlySet<string> | undefined;
  private readonly stableCommit: string;
  private readonly canaryCommit: string;

  constructor(private readonly experiment: OutcomeExperiment) {
    this.wanted = experiment.metrics ? new Set(experiment.metrics) : undefined;
    this.stableCommit = experiment.stableCommit.toLowerCase();
    this.canaryCommit = experiment.canaryCommit.toLowerCase();
    for (const name of experiment.metrics ?? []) this.metrics.set(name, new MetricTally(name));
  }

  /** Adds one line of a JSON Lines file; blank lines are skipped. */
  addJsonLine(text: string, line: number): void {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return this.addMalformed(line, 'not valid JSON');
    }
    this.addRecord(value, line);
  }

  /** Adds one row already parsed (from JSON or CSV). */
  addRecord(value: unknown, line: number): void {
    this.read++;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.problem('malformed', line, 'not a JSON object');
    const row = value as Record<string, unknown>;
    const { prompt, label } = row;
    if (typeof prompt !== 'string' || typeof label !== 'string') return this.problem('malformed', line, 'no "prompt" and "label" strings');
    if (prompt !== this.experiment.prompt || label !== this.experiment.label) {
      this.otherPrompts++;
      return;
    }
    const { arm, commit, unit, metrics } = row;
    if (arm !== 'stable' && arm !== 'canary') return this.problem('malformed', line, '"arm" is neither "stable" nor "canary"');
    if (typeof commit !== 'string') return this.problem('malformed', line, 'no "commit" string');
    if ((typeof unit !== 'string' || unit === '') && typeof unit !== 'number') return this.problem('malformed', line, 'no "unit" key');
    if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics)) return this.problem('malformed', line, '"metrics" is not an object');
    const values = metrics as Record<string, unknown>;
    for (const name in values) {
      const metric = values[name];
      if (metric !== null && typeof metric !== 'number' && typeof metric !== 'boolean') return this.problem('malformed', line, `metric "${name}" is neither a number nor true/false`);
    }
    const lowered = commit.toLowerCase();
    const commitArm = lowered === this.stableCommit ? 'stable' : lowered === this.canaryCommit ? 'canary' : undefined;
    if (commitArm === undefined) return this.problem('unknownCommit', line, `commit ${commit}`);
    if (commitArm !== arm) return this.problem('armMismatch', line, `arm "${arm}" with the ${commitArm} commit`);
    this.used++;
    const unitNumber = this.units[arm].numberOf(String(unit));
    for (const name in values) {
      const metric = values[name];
      if (metric === null || metric === undefined) continue;
      let tally = this.metrics.get(name);
      if (tally === undefined) {
        if (this.wanted) {
          if (this.otherMetrics.size < 20) this.otherMetrics.add(name);
          continue;
        }
        tally = new MetricTally(name);
        this.metrics.set(name, tally);
      }
      const number = typeof metric === 'number' ? metric : metric === true ? 1 : 0;
      if (tally.binary && number !== 0 && number !== 1) tally.binary = false;
      tally[arm].add(unitNumber, number);
    }
  }

  /** Counts a record that could not be read at all (a CSV row of the wrong width, say). */
  addMalformed(line: number, detail: string): void {
    this.read++;
    this.problem('malformed', line, detail);
  }

  /** What was read so far. */
  summary(): OutcomeSummary {
    return {
      rows: { read: this.read, otherPrompts: this.otherPrompts, used: this.used, malformed: this.malformedCount, armMismatch: this.armMismatchCount, unknownCommit: this.unknownCommitCount },
      problems: { malformed: this.malformed, armMismatch: this.armMismatch, unknownCommit: this.unknownCommit },
      units: { stable: this.units.stable.index.size, canary: this.units.canary.index.size },
      metrics: [...this.metrics.values()].map((tally) => ({
        name: tally.name,
        binary: tally.binary,
        stable: armValues(tally.stable, this.units.stable.index.size),
        canary: armValues(tally.canary, this.units.canary.index.size),
      })),
      otherMetrics: [...this.otherMetrics],
    };
  }

  private problem(kind: 'malformed' | 'armMismatch' | 'unknownCommit', line: number, detail: string): void {
    if (kind === 'malformed') this.malformedCount++;
    else if (kind === 'armMismatch') this.armMismatchCount++;
    else this.unknownCommitCount++;
    const kept = this[kind];
    if (kept.length < keptProblems) kept.push({ line, detail });
  }
}

/** The mean and variance of the per-unit means (two passes, so equal data give exactly equal means), and the successes when every unit mean is 0 or 1. */
function armValues(columns: UnitColumns, units: number): ArmValues {
  let n = 0;
  let sum = 0;
  let successes = 0;
  let allBinary = true;
  columns.forEachUnitMean(units, (value) => {
    n++;
    sum += value;
    if (value === 1) successes++;
    else if (value !== 0) allBinary = false;
  });
  const mean = n === 0 ? Number.NaN : sum / n;
  let squares = 0;
  if (n >= 2) columns.forEachUnitMean(units, (value) => (squares += (value - mean) ** 2));
  return { n, mean, variance: n < 2 ? Number.NaN : squares / (n - 1), successes: allBinary ? successes : undefined };
}
