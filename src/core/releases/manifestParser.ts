import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { createTextDocument, type Range, type TextDocument } from '../document/textDocument';
import { findConflictMarkers } from './conflictMarkers';
import { labelNameProblem } from './labelName';
import {
  emptyManifest,
  manifestFormatVersion,
  releaseActions,
  type CanaryTarget,
  type PromptReleases,
  type ReleaseAction,
  type ReleaseEvent,
  type ReleaseManifest,
  type ReleaseTarget,
} from './releaseManifest';

/** What kind of mistake a manifest problem is; stable, for editor diagnostics and tests. */
export type ManifestProblemCode =
  | 'manifest-merge-conflict'
  | 'manifest-yaml-syntax'
  | 'manifest-version'
  | 'manifest-structure'
  | 'manifest-label-name'
  | 'manifest-commit'
  | 'manifest-path'
  | 'manifest-sha256'
  | 'manifest-weight'
  | 'manifest-event'
  | 'manifest-unknown-key'
  | 'manifest-duplicate-key'
  | 'manifest-unexplained-label'
  | 'manifest-flag-key-collision';

/** A mistake in the manifest, with the exact range it is written at. */
export interface ManifestProblem {
  readonly code: ManifestProblemCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly range: Range;
}

/** A manifest text read into data, keeping the YAML document so a move can be applied without losing comments. */
export interface ParsedReleaseManifest {
  /** The text without BOM; every range refers to it. */
  readonly text: TextDocument;
  readonly yaml: Document.Parsed;
  /** The valid entries; an entry with a mistake is left out and reported in `problems`. */
  readonly manifest: ReleaseManifest;
  readonly problems: readonly ManifestProblem[];
  /** Set when nothing in the file can be trusted (conflict markers, a syntax error, a missing or unknown version). */
  readonly fatal: ManifestProblem | undefined;
}

const commitPattern = /^[0-9a-f]{40}$/;
const sha256Pattern = /^[0-9a-f]{64}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const targetKeys = ['commit', 'path', 'sha256'];
const eventKeys = ['at', 'by', 'action', 'prompt', 'label', 'from', 'to', 'sha256', 'note', 'weight', 'allowedError'];

/**
 * Parses and validates a release manifest (DESIGN §4): the `version` field, the `prompts` map with
 * label names, commits, paths, hashes and canary weights, and the shape of every event. Never throws.
 */
export function parseReleaseManifest(rawText: string): ParsedReleaseManifest {
  const text = createTextDocument(rawText);
  const reader = new ManifestReader(text);
  const markers = findConflictMarkers(text.text);
  if (markers.length > 0) {
    for (const { line, marker } of markers) {
      reader.problemAt(
        { start: { line, character: 0 }, end: { line, character: text.lineLength(line) } },
        'manifest-merge-conflict',
        `The release manifest has a merge-conflict marker (${marker}); resolve the conflict before changing a label.`,
      );
    }
    return reader.result(parseDocument(''), emptyManifest);
  }
  let yaml: Document.Parsed;
  try {
    // logLevel 'error' (not 'silent'): a second document must be an error, not silently ignored.
    yaml = parseDocument(text.text, { prettyErrors: false, logLevel: 'error' });
  } catch (error) {
    // Nesting deep enough to overflow the stack is the one way the parser throws.
    reader.problemAt(text.rangeAt(0, 0), 'manifest-yaml-syntax', `The release manifest does not parse: ${error instanceof Error ? error.message : String(error)}.`);
    return reader.result(parseDocument(''), emptyManifest);
  }
  for (const error of yaml.errors) {
    if (error.code === 'MULTIPLE_DOCS') {
      // Whatever follows the first document would never be read: by export, by status, by review.
      reader.problemAt(reader.offsets(error.pos[0], error.pos[0] + 3), 'manifest-yaml-syntax', 'The release manifest holds more than one YAML document (another starts here); keep one, since only the first would be read.');
      continue;
    }
    const message = (error.message.split('\n')[0] ?? error.message).trim().replace(/\.?$/, '.');
    reader.problemAt(reader.offsets(error.pos[0], error.pos[1]), 'manifest-yaml-syntax', `The release manifest does not parse: ${message}`);
  }
  for (const warning of yaml.warnings) {
    reader.problemAt(reader.offsets(warning.pos[0], warning.pos[1]), 'manifest-yaml-syntax', (warning.message.split('\n')[0] ?? warning.message).replace(/\.?$/, '.'), 'warning');
  }
  if (yaml.errors.length > 0) return reader.result(yaml, emptyManifest);
  reader.duplicateKeys(yaml);
  return reader.result(yaml, reader.readRoot(yaml.contents));
}

/** The problems that stop a write: every error, fatal or not. */
export function manifestErrors(parsed: ParsedReleaseManifest): ManifestProblem[] {
  return parsed.problems.filter((problem) => problem.severity === 'error');
}

class ManifestReader {
  private readonly problems: ManifestProblem[] = [];
  private fatal: ManifestProblem | undefined;

  constructor(private readonly text: TextDocument) {}

  result(yaml: Document.Parsed, manifest: ReleaseManifest): ParsedReleaseManifest {
    const problems = [...this.problems].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { text: this.text, yaml, manifest, problems, fatal: this.fatal };
  }

  offsets(start: number, end: number): Range {
    let last = Math.max(start, end);
    while (last > start && /\s/.test(this.text.text.charAt(last - 1))) last--;
    return this.text.rangeAt(start, last === start ? Math.min(start + 1, this.text.text.length) : last);
  }

  rangeOf(node: Node | null | undefined, fallback?: Range): Range {
    if (!node?.range) return fallback ?? this.text.rangeAt(0, 0);
    return this.offsets(node.range[0], node.range[1]);
  }

  problemAt(range: Range, code: ManifestProblemCode, message: string, severity: 'error' | 'warning' = 'error'): void {
    const problem: ManifestProblem = { code, severity, message, range };
    this.problems.push(problem);
    // Only the whole-file problems make the manifest unreadable; they come first.
    if (severity === 'error' && this.fatal === undefined && (code === 'manifest-merge-conflict' || code === 'manifest-yaml-syntax' || code === 'manifest-version' || code === 'manifest-structure')) {
      this.fatal = problem;
    }
  }

  problem(node: Node | null | undefined, code: ManifestProblemCode, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push({ code, severity, message, range: this.rangeOf(node) });
  }

  /**
   * Keys that read as the same text in one map (`2024` and `"2024"`, which YAML tells apart but a
   * prompt id or label does not): only one of them would count, so which one is meant is unclear.
   */
  duplicateKeys(yaml: Document.Parsed): void {
    visit(yaml, {
      Map: (_key, map) => {
        const seen = new Set<string>();
        for (const pair of map.items) {
          const text = scalarText(pair.key);
          if (text === undefined) continue;
          if (seen.has(text)) this.problem(asNode(pair.key), 'manifest-duplicate-key', `"${text}" is written twice in this map; only the first would count, so keep one.`);
          seen.add(text);
        }
      },
    });
  }

  readRoot(root: unknown): ReleaseManifest {
    if (root === null || root === undefined) return emptyManifest;
    if (!isMap(root)) {
      this.problemAt(this.rangeOf(asNode(root)), 'manifest-structure', 'The release manifest must be a map with version, prompts and events.');
      return emptyManifest;
    }
    const version = pairOf(root, 'version');
    const versionText = scalarText(version?.value);
    if (!version) {
      this.problemAt(this.text.rangeAt(0, 0), 'manifest-version', `The release manifest has no version field; add "version: ${manifestFormatVersion}" at the top.`);
      return emptyManifest;
    }
    if (isQuotedNumber(version.value)) {
      this.problemAt(this.rangeOf(asNode(version.value)), 'manifest-version', `version must be the number ${manifestFormatVersion}, not the string "${versionText ?? ''}"; remove the quotes.`);
      return emptyManifest;
    }
    if (versionText !== String(manifestFormatVersion)) {
      this.problemAt(
        this.rangeOf(asNode(version.value), this.rangeOf(asNode(version.key))),
        'manifest-version',
        `The release manifest has version ${versionText ?? 'empty'}, but this PromptOps reads version ${manifestFormatVersion} only; upgrade PromptOps.`,
      );
      return emptyManifest;
    }
    for (const pair of root.items) {
      const key = scalarText(pair.key);
      if (key !== 'version' && key !== 'prompts' && key !== 'events') {
        this.problem(asNode(pair.key), 'manifest-unknown-key', `The release manifest has no field "${key ?? ''}"; it is kept but ignored.`, 'warning');
      }
    }
    return { prompts: this.readPrompts(pairOf(root, 'prompts')?.value), events: this.readEvents(pairOf(root, 'events')?.value) };
  }

  private readPrompts(node: unknown): Map<string, PromptReleases> {
    const prompts = new Map<string, PromptReleases>();
    if (isEmptyValue(node)) return prompts;
    if (!isMap(node)) {
      this.problem(asNode(node), 'manifest-structure', '"prompts" must be a map from prompt id to its labels.');
      return prompts;
    }
    for (const pair of node.items) {
      const id = scalarText(pair.key);
      const keyNode = asNode(pair.key);
      if (id === undefined || id.trim() === '') {
        this.problem(keyNode, 'manifest-structure', 'A prompt id must be a non-empty name such as support/summarize.');
        continue;
      }
      if (!isMap(pair.value)) {
        this.problem(asNode(pair.value) ?? keyNode, 'manifest-structure', `The entry of ${id} must be a map with "labels" and optionally "canary".`);
        continue;
      }
      for (const entry of pair.value.items) {
        const key = scalarText(entry.key);
        if (key !== 'labels' && key !== 'canary') this.problem(asNode(entry.key), 'manifest-unknown-key', `A prompt entry has no field "${key ?? ''}"; it is kept but ignored.`, 'warning');
      }
      const labels = this.readTargets(id, pairOf(pair.value, 'labels')?.value, 'labels');
      const canaries = new Map<string, CanaryTarget>();
      const canaryPair = pairOf(pair.value, 'canary');
      for (const [label, target] of this.readTargets(id, canaryPair?.value, 'canary')) {
        if (!isCanaryTarget(target)) continue;
        if (!labels.has(label)) {
          this.problemAt(target.ranges?.key ?? this.rangeOf(keyNode), 'manifest-structure', `The canary of ${label} needs a ${label} label of ${id} to split traffic with.`);
          continue;
        }
        canaries.set(label, target);
      }
      prompts.set(id, { labels, canaries, keyRange: this.rangeOf(keyNode) });
    }
    return prompts;
  }

  private readTargets(id: string, node: unknown, section: 'labels' | 'canary'): Map<string, ReleaseTarget | CanaryTarget> {
    const targets = new Map<string, ReleaseTarget | CanaryTarget>();
    if (isEmptyValue(node)) return targets;
    if (!isMap(node)) {
      this.problem(asNode(node), 'manifest-structure', `"${section}" of ${id} must be a map from label name to a version.`);
      return targets;
    }
    for (const pair of node.items) {
      const label = scalarText(pair.key) ?? '';
      const keyNode = asNode(pair.key);
      const nameProblem = labelNameProblem(label);
      if (nameProblem) {
        this.problem(keyNode, 'manifest-label-name', nameProblem);
        continue;
      }
      const target = this.readTarget(`${section === 'canary' ? 'The canary of ' : 'Label '}${label} of ${id}`, keyNode, pair.value, section === 'canary');
      if (target) targets.set(label, target);
    }
    return targets;
  }

  private readTarget(what: string, keyNode: Node | undefined, node: unknown, withWeight: boolean): ReleaseTarget | CanaryTarget | undefined {
    const key = this.rangeOf(keyNode);
    if (!isMap(node)) {
      this.problem(asNode(node) ?? keyNode, 'manifest-structure', `${what} must be a map with commit, path and sha256${withWeight ? ' and weight' : ''}.`);
      return undefined;
    }
    for (const pair of node.items) {
      const name = scalarText(pair.key);
      if (name === undefined || !(targetKeys.includes(name) || (withWeight && name === 'weight'))) {
        this.problem(asNode(pair.key), 'manifest-unknown-key', `${what} has no field "${name ?? ''}"; it is kept but ignored.`, 'warning');
      }
    }
    const commit = this.readField(node, 'commit', what, keyNode, 'manifest-commit', (value) => commitPattern.test(value), (value) => `"${value}" is not a commit: write its full 40-character SHA in lowercase hex.`);
    // No file name holds a NUL byte, and git could not be asked about one.
    const path = this.readField(node, 'path', what, keyNode, 'manifest-path', (value) => value.trim() !== '' && !value.startsWith('/') && !value.includes('\u0000'), (value) =>
      value.includes('\u0000') ? 'path holds a NUL byte (\\0), which no file name can.' : 'path must be the prompt file\'s path relative to the repository root.',
    );
    const sha256 = this.readField(node, 'sha256', what, keyNode, 'manifest-sha256', (value) => sha256Pattern.test(value), (value) => `"${value}" is not a SHA-256: write 64 lowercase hex characters.`);
    let weight: number | undefined;
    if (withWeight) {
      const weightPair = pairOf(node, 'weight');
      weight = this.readWeight(weightPair, what, keyNode);
    }
    if (!commit || !path || !sha256 || (withWeight && weight === undefined)) return undefined;
    const ranges = { key, commit: this.rangeOf(commit.node), path: this.rangeOf(path.node), sha256: this.rangeOf(sha256.node) };
    const target: ReleaseTarget = { commit: commit.value, path: path.value, sha256: sha256.value, ranges };
    if (weight === undefined) return target;
    return { ...target, weight, ranges: { ...ranges, weight: this.rangeOf(asNode(pairOf(node, 'weight')?.value)) } };
  }

  private readField(
    map: YAMLMap,
    name: string,
    what: string,
    keyNode: Node | undefined,
    code: ManifestProblemCode,
    valid: (value: string) => boolean,
    invalid: (value: string) => string,
  ): { value: string; node: Node | undefined } | undefined {
    const pair = pairOf(map, name);
    const value = scalarText(pair?.value);
    if (!pair || value === undefined) {
      this.problem(asNode(pair?.key) ?? keyNode, code, `${what} has no ${name}; every version needs commit, path and sha256.`);
      return undefined;
    }
    if (!valid(value)) {
      this.problem(asNode(pair.value), code, invalid(value));
      return undefined;
    }
    return { value, node: asNode(pair.value) };
  }

  private readWeight(pair: Pair | undefined, what: string, keyNode: Node | undefined): number | undefined {
    const text = scalarText(pair?.value);
    if (!pair || text === undefined) {
      this.problem(keyNode, 'manifest-weight', `${what} has no weight; give the percentage of traffic it serves, from 1 to 99.`);
      return undefined;
    }
    if (isQuotedNumber(pair.value)) {
      this.problem(asNode(pair.value), 'manifest-weight', `A canary weight is a number, not the string "${text}"; remove the quotes.`);
      return undefined;
    }
    const weight = /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
    if (!(weight >= 1 && weight <= 99)) {
      this.problem(asNode(pair.value), 'manifest-weight', `A canary weight is a whole percentage from 1 to 99, not ${text}.`);
      return undefined;
    }
    return weight;
  }

  private readEvents(node: unknown): ReleaseEvent[] {
    const events: ReleaseEvent[] = [];
    if (isEmptyValue(node)) return events;
    if (!isSeq(node)) {
      this.problem(asNode(node), 'manifest-structure', '"events" must be a list of audit events, oldest first.');
      return events;
    }
    node.items.forEach((item, index) => {
      const event = this.readEvent(asNode(item), index + 1);
      if (event) events.push(event);
    });
    return events;
  }

  private readEvent(node: Node | undefined, number: number): ReleaseEvent | undefined {
    const what = `Event ${number}`;
    if (!isMap(node)) {
      this.problem(node, 'manifest-event', `${what} must be a map with at, by, action, prompt, label, from, to, sha256 and note.`);
      return undefined;
    }
    for (const pair of node.items) {
      const name = scalarText(pair.key);
      if (name === undefined || !eventKeys.includes(name)) this.problem(asNode(pair.key), 'manifest-unknown-key', `${what} has no field "${name ?? ''}"; it is kept but ignored.`, 'warning');
    }
    let valid = true;
    const field = (name: string, check: (value: string) => string | undefined, optional = false): string | undefined => {
      const pair = pairOf(node, name);
      const value = scalarText(pair?.value);
      if (value === undefined) {
        if (!optional) {
          this.problem(asNode(pair?.key) ?? node, 'manifest-event', `${what} has no ${name}.`);
          valid = false;
        }
        return undefined;
      }
      const problem = check(value);
      if (problem) {
        this.problem(asNode(pair?.value), 'manifest-event', `${what}: ${problem}`);
        valid = false;
        return undefined;
      }
      return value;
    };
    const at = field('at', (value) => (isoDateTime.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : `at must be an ISO 8601 date and time, not "${value}".`));
    const by = field('by', (value) => (value.trim() === '' ? 'by must name who made the change.' : undefined));
    const action = field('action', (value) => ((releaseActions as readonly string[]).includes(value) ? undefined : `action must be one of ${releaseActions.join(', ')}, not "${value}".`));
    const prompt = field('prompt', (value) => (value.trim() === '' ? 'prompt must be a prompt id.' : undefined));
    const label = field('label', (value) => labelNameProblem(value));
    const hasFrom = pairOf(node, 'from') !== undefined;
    const from = field('from', (value) => (commitPattern.test(value) ? undefined : `from must be a 40-character commit SHA or null, not "${value}".`), true);
    if (!hasFrom) {
      this.problem(node, 'manifest-event', `${what} has no from (write null when the label was new).`);
      valid = false;
    }
    const to = field('to', (value) => (commitPattern.test(value) ? undefined : `to must be a 40-character commit SHA, not "${value}".`));
    const sha256 = field('sha256', (value) => (sha256Pattern.test(value) ? undefined : `sha256 must be 64 lowercase hex characters, not "${value}".`));
    const note = field('note', () => undefined, true) ?? '';
    const allowedError = field('allowedError', (value) => (value.trim() === '' ? 'allowedError must name the check error that was allowed.' : undefined), true);
    const weightText = field(
      'weight',
      (value) => (isQuotedNumber(pairOf(node, 'weight')?.value) ? `weight is a number, not the string "${value}"; remove the quotes.` : /^\d{1,2}$/.test(value) && Number(value) >= 1 ? undefined : `weight must be a whole percentage from 1 to 99, not ${value}.`),
      true,
    );
    if (weightText !== undefined && action !== 'canary') {
      this.problem(asNode(pairOf(node, 'weight')?.key), 'manifest-event', `${what}: only canary events have a weight.`);
      valid = false;
    }
    if (!valid || at === undefined || by === undefined || action === undefined || prompt === undefined || label === undefined || to === undefined || sha256 === undefined) return undefined;
    return {
      at,
      by,
      action: action as ReleaseAction,
      prompt,
      label,
      from: from ?? null,
      to,
      sha256,
      note,
      ...(weightText !== undefined ? { weight: Number(weightText) } : {}),
      ...(allowedError !== undefined ? { allowedError } : {}),
      range: this.rangeOf(node),
    };
  }
}

function isCanaryTarget(target: ReleaseTarget | CanaryTarget): target is CanaryTarget {
  return 'weight' in target && typeof target.weight === 'number';
}

/** A number written as a string (`"10"`): YAML reads it as text, so whoever reads the manifest by its types sees no number. */
function isQuotedNumber(value: unknown): boolean {
  return isScalar(value) && typeof value.value === 'string' && value.type !== 'PLAIN' && /^-?\d+(\.\d+)?$/.test(value.value.trim());
}

function asNode(value: unknown): Node | undefined {
  return isMap(value) || isSeq(value) || isScalar(value) ? value : undefined;
}

function isEmptyValue(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** The pair of a map whose key reads as `key`, numbers included (a prompt id may be written `2024`). */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => scalarText(pair.key) === key);
}

/** A scalar's text as written: `commit: 1234` is the text "1234", not a number; null and non-scalars are undefined. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  return typeof node.source === 'string' ? node.source : String(node.value);
}
