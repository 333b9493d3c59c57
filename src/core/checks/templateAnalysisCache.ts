import type { PromptDocument } from '../document/promptDocument';
import type { CheckOptions } from './checkPrompt';
import type { TemplateAnalysis } from './templateAnalysis';

interface CachedAnalysis {
  readonly version: number;
  readonly analysis: TemplateAnalysis | undefined;
}

/** How many documents keep their analysis when none is closed: more than a window's open prompts. */
const defaultCapacity = 64;

/**
 * The template analysis of each document version, computed once and shared by the checks and every
 * language feature; bounded, the least recently read document is dropped first.
 */
export class TemplateAnalysisCache {
  /** In order of last read: a Map iterates in insertion order, so the first key is the oldest. */
  private readonly entries = new Map<string, CachedAnalysis>();

  constructor(private readonly capacity = defaultCapacity) {}

  /** The analysis of `document` at `version`, computed with `options` the first time this version is asked for. */
  analysisOf(key: string, version: number, document: PromptDocument, options: CheckOptions): TemplateAnalysis | undefined {
    const cached = this.entries.get(key);
    this.entries.delete(key);
    if (cached?.version === version) {
      this.entries.set(key, cached);
      return cached.analysis;
    }
    const analysis = document.format.analyze(document, options);
    this.entries.set(key, { version, analysis });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return analysis;
  }

  /** Forgets a document's analysis (it was closed, or what it includes is now known). */
  evict(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every analysis: a file the prompts include appeared, changed or went. */
  clear(): void {
    this.entries.clear();
  }

  /** How many documents have an analysis kept. */
  get size(): number {
    return this.entries.size;
  }
}
