// The arithmetic of `npm run mutation:sample` (scripts/mutationSample.mjs): which mutants a seeded
// uniform sample picks, how a picked mutant is told to Stryker and found again in its report, and the
// score with its 95% confidence interval. Kept apart from the Stryker run so that it is unit-tested.

/** A position as Stryker's instrumenter gives it: line and column both counted from 0. */
export interface InstrumenterPosition {
  readonly line: number;
  readonly column: number;
}

/** A mutant as the instrumenter lists it, before any test runs. */
export interface ListedMutant {
  readonly fileName: string;
  readonly mutatorName: string;
  readonly replacement: string;
  readonly location: { readonly start: InstrumenterPosition; readonly end: InstrumenterPosition };
}

/** A mutant in Stryker's mutation.json report, where lines and columns count from 1. */
export interface ReportedMutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: InstrumenterPosition; readonly end: InstrumenterPosition };
}

export interface MutationReport {
  readonly files: Readonly<Record<string, { readonly mutants: readonly ReportedMutant[] }>>;
}

/** `size` mutants drawn without replacement, each equally likely, from a list in a stable order. */
export function sampleMutants<T>(mutants: readonly T[], size: number, uniform: () => number): T[] {
  const pool = [...mutants];
  const count = Math.min(size, pool.length);
  // A partial Fisher–Yates shuffle: the first `count` places end up a uniform sample.
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(uniform() * (pool.length - i));
    const picked = pool[j] as T;
    pool[j] = pool[i] as T;
    pool[i] = picked;
  }
  return pool.slice(0, count);
}

/** The stable order a sample is drawn from, so a seed always picks the same mutants of the same code. */
export function compareListedMutants(a: ListedMutant, b: ListedMutant): number {
  return (
    compareText(a.fileName, b.fileName) ||
    a.location.start.line - b.location.start.line ||
    a.location.start.column - b.location.start.column ||
    a.location.end.line - b.location.end.line ||
    a.location.end.column - b.location.end.column ||
    compareText(a.mutatorName, b.mutatorName) ||
    compareText(a.replacement, b.replacement)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The `mutate` pattern that makes Stryker generate this mutant: its file with the range it covers
 * (Stryker reads the lines of a range from 1 and its columns from 0). Stryker also generates every
 * mutant nested inside that range unless the sample run ignores it (scripts/mutationSampleIgnorer.mjs).
 */
export function mutatePattern(mutant: ListedMutant): string {
  const { start, end } = mutant.location;
  return `${mutant.fileName}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`;
}

/** One key for a mutant whether it comes from the instrumenter's list or from the report. */
export function listedKey(mutant: ListedMutant): string {
  const { start, end } = mutant.location;
  return keyOf(mutant.fileName, start.line, start.column, end.line, end.column, mutant.mutatorName, mutant.replacement);
}

function reportedKey(fileName: string, mutant: ReportedMutant): string {
  const { start, end } = mutant.location;
  return keyOf(fileName, start.line - 1, start.column - 1, end.line - 1, end.column - 1, mutant.mutatorName, mutant.replacement ?? '');
}

function keyOf(fileName: string, startLine: number, startColumn: number, endLine: number, endColumn: number, mutator: string, replacement: string): string {
  return JSON.stringify([fileName, startLine, startColumn, endLine, endColumn, mutator, replacement]);
}

/** How a report's statuses count toward the score, as Stryker counts them. */
function statusClass(status: string): 'detected' | 'undetected' | 'invalid' {
  if (status === 'Killed' || status === 'Timeout') return 'detected';
  if (status === 'Survived' || status === 'NoCoverage') return 'undetected';
  // CompileError, RuntimeError and Ignored (static) mutants are left out of the score.
  return 'invalid';
}

export interface SampledMutantResult {
  readonly mutant: ListedMutant;
  readonly status: string;
}

export interface SampleTally {
  readonly detected: number;
  readonly undetected: number;
  readonly invalid: number;
  /** Sampled mutants the report does not hold (the code changed between listing and running). */
  readonly missing: readonly ListedMutant[];
  readonly undetectedMutants: readonly SampledMutantResult[];
}

/** Counts the sampled mutants' outcomes in a report, ignoring every other mutant it holds. */
export function tallySample(sample: readonly ListedMutant[], report: MutationReport): SampleTally {
  const statuses = new Map<string, string>();
  for (const [fileName, file] of Object.entries(report.files)) {
    for (const mutant of file.mutants) statuses.set(reportedKey(fileName, mutant), mutant.status);
  }
  let detected = 0;
  let undetected = 0;
  let invalid = 0;
  const missing: ListedMutant[] = [];
  const undetectedMutants: SampledMutantResult[] = [];
  for (const mutant of sample) {
    const status = statuses.get(listedKey(mutant));
    if (status === undefined) {
      missing.push(mutant);
      continue;
    }
    const kind = statusClass(status);
    if (kind === 'detected') detected++;
    else if (kind === 'invalid') invalid++;
    else {
      undetected++;
      undetectedMutants.push({ mutant, status });
    }
  }
  return { detected, undetected, invalid, missing, undetectedMutants };
}

export interface ScoreInterval {
  readonly score: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The Wilson score interval for `detected` out of `valid` at the normal quantile `z` (1.96 for 95%):
 * it stays inside [0, 1] and keeps its coverage near 0% and 100%, where the plain normal interval fails.
 */
export function wilsonInterval(detected: number, valid: number, z: number): ScoreInterval {
  if (valid === 0) return { score: Number.NaN, low: 0, high: 1 };
  const p = detected / valid;
  const z2 = z * z;
  const denominator = 1 + z2 / valid;
  const centre = (p + z2 / (2 * valid)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / valid + z2 / (4 * valid * valid))) / denominator;
  return { score: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A node's place as Babel gives it while Stryker instruments: lines counted from 1, columns from 0. */
export interface BabelLocation {
  readonly start: InstrumenterPosition;
  readonly end: InstrumenterPosition;
}

/** The sampled mutants' places, by file, for `holdsSampledPlace`. */
export function sampledPlaces(sample: readonly ListedMutant[]): ReadonlyMap<string, readonly ListedMutant['location'][]> {
  const places = new Map<string, ListedMutant['location'][]>();
  for (const mutant of sample) {
    const list = places.get(mutant.fileName) ?? [];
    list.push(mutant.location);
    places.set(mutant.fileName, list);
  }
  return places;
}

/**
 * Whether Stryker must still generate mutants at a node: only where the node is a sampled mutant's
 * own place or contains one. Any other node inside a sampled range only holds nested mutants, each a
 * test run that the estimate does not count, so the sample run ignores it with all it contains.
 */
export function holdsSampledPlace(places: ReadonlyMap<string, readonly ListedMutant['location'][]>, fileName: string, node: BabelLocation): boolean {
  const start = { line: node.start.line - 1, column: node.start.column };
  const end = { line: node.end.line - 1, column: node.end.column };
  return (places.get(fileName) ?? []).some((place) => !isBefore(place.start, start) && !isBefore(end, place.end));
}

function isBefore(a: InstrumenterPosition, b: InstrumenterPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/** One line of the file scripts/mutationRecord.mjs appends to: a tested mutant as mutation.json has it. */
export interface RecordedMutant extends ReportedMutant {
  readonly fileName: string;
}

/** The recorded mutants as a report, so that a stopped run is tallied as a finished one would be. */
export function reportFromRecords(records: readonly RecordedMutant[]): MutationReport {
  const files: Record<string, { mutants: ReportedMutant[] }> = {};
  for (const { fileName, ...mutant } of records) (files[fileName] ??= { mutants: [] }).mutants.push(mutant);
  return { files };
}

export interface FileScore {
  readonly fileName: string;
  readonly detected: number;
  readonly undetected: number;
  readonly invalid: number;
}

/** Detected, undetected and left-out mutants per file of a report, files in name order, as Stryker scores them. */
export function scoreByFile(report: MutationReport): FileScore[] {
  return Object.keys(report.files)
    .sort(compareText)
    .map((fileName) => {
      const counts = { detected: 0, undetected: 0, invalid: 0 };
      for (const mutant of report.files[fileName]?.mutants ?? []) counts[statusClass(mutant.status)]++;
      return { fileName, ...counts };
    });
}
