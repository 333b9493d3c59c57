import { promptSourceProblem, rendersPromptFile } from '../core/rendering/promptRendering';

/** The bundle format `promptops export` writes and this runtime reads. */
export const bundleFormat = 'promptops-bundle/1';

/** A partial a bundled prompt includes (`{{> name}}`), as it was in the prompt's commit. */
export interface BundledPartialJson {
  readonly path: string;
  readonly sha256: string;
  readonly source: string;
}

/** One version of a prompt in a bundle: the manifest's commit, path and sha256, plus the file's text. */
export interface BundledVersionJson {
  readonly commit: string;
  readonly path: string;
  readonly sha256: string;
  readonly source: string;
  /** The partials the source includes, by name. */
  readonly partials: Readonly<Record<string, BundledPartialJson>>;
}

/** The canary arm of a label: another version and the percentage of units it serves. */
export interface BundledCanaryJson extends BundledVersionJson {
  readonly weight: number;
}

/** A prompt id's labels and canaries, shaped like its entry in `prompt-releases.yaml`. */
export interface BundledPromptJson {
  readonly labels: Readonly<Record<string, BundledVersionJson>>;
  readonly canary?: Readonly<Record<string, BundledCanaryJson>>;
  /**
   * The other versions its published flags may name (the labels' recent rollback targets), by
   * commit, so that a rollback is a flag change only. Older bundles lack it; older runtimes ignore it.
   */
  readonly versions?: Readonly<Record<string, BundledVersionJson>>;
}

/** A bundle as JSON: `{format, labels, prompts: {id: {labels: {label: version}, canary: {label: version + weight}}}}`. */
export interface PromptBundleJson {
  readonly format: typeof bundleFormat;
  /** The labels exported. */
  readonly labels: readonly string[];
  readonly prompts: Readonly<Record<string, BundledPromptJson>>;
}

/** A bundled version with its partials as a map. */
export interface BundledVersion {
  readonly commit: string;
  readonly path: string;
  readonly sha256: string;
  readonly source: string;
  readonly partials: ReadonlyMap<string, BundledPartialJson>;
}

export interface BundledCanary extends BundledVersion {
  readonly weight: number;
}

export interface BundledPrompt {
  readonly labels: ReadonlyMap<string, BundledVersion>;
  readonly canaries: ReadonlyMap<string, BundledCanary>;
  /** Rollback targets a flag may name, by commit (empty for bundles without them). */
  readonly versions: ReadonlyMap<string, BundledVersion>;
}

/** A loaded, validated bundle; maps rather than objects, so an id such as `constructor` is just an id. */
export interface PromptBundle {
  readonly format: typeof bundleFormat;
  readonly labels: readonly string[];
  readonly prompts: ReadonlyMap<string, BundledPrompt>;
}

/** A bundle that cannot be used, or a prompt or label it does not have; the message is one sentence. */
export class PromptBundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromptBundleError';
  }
}

const hex40 = /^[0-9a-f]{40}$/;
const hex64 = /^[0-9a-f]{64}$/;

/**
 * Loads a bundle from its JSON text or the parsed object, checking its format, every field, and that
 * every dotprompt source parses (front matter and template); throws PromptBundleError naming the
 * prompt, label and commit of the first entry that does not.
 */
export function loadPromptBundle(input: string | unknown): PromptBundle {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new PromptBundleError(`The prompt bundle is not JSON: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }
  const bundle = record(value, 'The prompt bundle');
  if (bundle['format'] !== bundleFormat) {
    throw new PromptBundleError(`This is not a ${bundleFormat} bundle (format is ${JSON.stringify(bundle['format']) ?? 'missing'}); export it again with this version of promptops.`);
  }
  const labels = bundle['labels'];
  if (!Array.isArray(labels) || !labels.every((label): label is string => typeof label === 'string')) throw new PromptBundleError('The bundle\'s "labels" must be a list of label names.');
  const prompts = new Map<string, BundledPrompt>();
  for (const [id, entry] of Object.entries(record(bundle['prompts'], 'The bundle\'s "prompts"'))) {
    const prompt = record(entry, `Prompt ${id}`);
    const promptLabels = new Map<string, BundledVersion>();
    for (const [label, version] of Object.entries(record(prompt['labels'], `The labels of ${id}`))) {
      promptLabels.set(label, bundledVersion(version, `${id} ${label}`));
    }
    const canaries = new Map<string, BundledCanary>();
    for (const [label, version] of Object.entries(prompt['canary'] === undefined ? {} : record(prompt['canary'], `The canary of ${id}`))) {
      const what = `The canary of ${id} ${label}`;
      const weight = record(version, what)['weight'];
      if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 1 || weight > 99) throw new PromptBundleError(`${what} needs a weight from 1 to 99.`);
      if (!promptLabels.has(label)) throw new PromptBundleError(`${what} has no ${label} label to split traffic with.`);
      canaries.set(label, { ...bundledVersion(version, what), weight });
    }
    const versions = new Map<string, BundledVersion>();
    for (const [commit, version] of Object.entries(prompt['versions'] === undefined ? {} : record(prompt['versions'], `The versions of ${id}`))) {
      const loaded = bundledVersion(version, `${id} version ${commit.slice(0, 7)}`);
      if (loaded.commit !== commit) throw new PromptBundleError(`${id} version ${JSON.stringify(commit)} holds commit ${loaded.commit.slice(0, 7)}, not the one its key names; export it again.`);
      versions.set(commit, loaded);
    }
    prompts.set(id, { labels: promptLabels, canaries, versions });
  }
  return { format: bundleFormat, labels: [...labels], prompts };
}

function bundledVersion(value: unknown, what: string): BundledVersion {
  const version = record(value, what);
  const commit = text(version, 'commit', what, (field) => hex40.test(field));
  const path = text(version, 'path', what, (field) => field !== '');
  const sha256 = text(version, 'sha256', what, (field) => hex64.test(field));
  const source = text(version, 'source', what, () => true);
  // Refused now rather than on the first request that renders it, with what names the version.
  const problem = rendersPromptFile(path) ? promptSourceProblem(path, source) : undefined;
  if (problem) {
    const { line, character } = problem.position;
    throw new PromptBundleError(`${what} (${commit.slice(0, 7)}) does not parse: ${path}:${line + 1}:${character + 1}: ${problem.message}`);
  }
  const partials = new Map<string, BundledPartialJson>();
  for (const [name, partial] of Object.entries(version['partials'] === undefined ? {} : record(version['partials'], `The partials of ${what}`))) {
    const fields = record(partial, `Partial ${name} of ${what}`);
    const partialWhat = `Partial ${name} of ${what}`;
    partials.set(name, { path: text(fields, 'path', partialWhat, () => true), sha256: text(fields, 'sha256', partialWhat, (field) => hex64.test(field)), source: text(fields, 'source', partialWhat, () => true) });
  }
  return { commit, path, sha256, source, partials };
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PromptBundleError(`${what} must be an object.`);
  return value as Record<string, unknown>;
}

function text(fields: Record<string, unknown>, name: string, what: string, valid: (value: string) => boolean): string {
  const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
  if (typeof value !== 'string' || !valid(value)) throw new PromptBundleError(`${what} has no valid ${name}.`);
  return value;
}
