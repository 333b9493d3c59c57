import type { PromptDocument } from '../document/promptDocument';
import type { CheckOptions } from './checkPrompt';
import type { TemplateAnalysis } from './templateAnalysis';

/** What the analysis was told about a file the prompt includes: whether it exists, or its text. */
type IncludeAnswer = { readonly asked: 'exists'; readonly name: string; readonly answer: boolean } | { readonly asked: 'source'; readonly name: string; readonly answer: string | undefined };

interface CachedAnalysis {
  readonly version: number;
  readonly analysis: TemplateAnalysis | undefined;
  /** The include lookups the analysis made; a different answer now means an included file changed. */
  readonly includes: readonly IncludeAnswer[];
}

/** The options with their include lookups recorded into `answers`. */
function recordingIncludes(options: CheckOptions, answers: IncludeAnswer[]): CheckOptions {
  const { partialExists, partialSource } = options;
  return {
    ...options,
    ...(partialExists
      ? {
          partialExists: (name: string): boolean => {
            const answer = partialExists(name);
            answers.push({ asked: 'exists', name, answer });
            return answer;
          },
        }
      : {}),
    ...(partialSource
      ? {
          partialSource: (name: string): string | undefined => {
            const answer = partialSource(name);
            answers.push({ asked: 'source', name, answer });
            return answer;
          },
        }
      : {}),
  };
}

/** Whether every file the analysis looked up is still as it was then. */
function includesUnchanged(includes: readonly IncludeAnswer[], options: CheckOptions): boolean {
  return includes.every((include) => (include.asked === 'exists' ? options.partialExists?.(include.name) : options.partialSource?.(include.name)) === include.answer);
}

/** How many documents keep their analysis when none is closed: more than a window's open prompts. */
const defaultCapacity = 64;

/**
 * The template analysis of each document version, computed once and shared by the checks and every
 * language feature; computed again when a file the template includes changes. Bounded: the least
 * recently read document is dropped first.
 */
export class TemplateAnalysisCache {
  /** In order of last read: a Map iterates in insertion order, so the first key is the oldest. */
  private readonly entries = new Map<string, CachedAnalysis>();

  constructor(private readonly capacity = defaultCapacity) {}

  /**
   * The analysis of `document` at `version`, computed with `options` the first time this version is
   * asked for, and again only when a file it includes now looks different through `options`.
   */
  analysisOf(key: string, version: number, document: PromptDocument, options: CheckOptions): TemplateAnalysis | undefined {
    const cached = this.entries.get(key);
    this.entries.delete(key);
    if (cached?.version === version && includesUnchanged(cached.includes, options)) {
      this.entries.set(key, cached);
      return cached.analysis;
    }
    const includes: IncludeAnswer[] = [];
    const analysis = document.format.analyze(document, recordingIncludes(options, includes));
    this.entries.set(key, { version, analysis, includes });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return analysis;
  }

  /** Forgets a document's analysis: it was closed. */
  evict(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every analysis (how included files are found changed). */
  clear(): void {
    this.entries.clear();
  }

  /** How many documents have an analysis kept. */
  get size(): number {
    return this.entries.size;
  }
}
