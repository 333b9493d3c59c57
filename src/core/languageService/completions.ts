import type { PromptDocument } from '../document/promptDocument';
import type { Range } from '../document/textDocument';
import type { SampleFile } from '../samples/sampleSets';
import type { DeclaredVariable } from '../schema/declaredVariables';
import type { DeclaredProperty } from '../schema/schemaShape';

/** What a completion entry names, so the editor can pick an icon. */
export type CompletionKind = 'variable' | 'property' | 'block-parameter' | 'data-variable' | 'helper' | 'partial' | 'keyword';

/** One suggestion inside a template tag. */
export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  /** A type (`string`, `array of object`) or what the entry is (`helper`, `filter`). */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** What the entry replaces: the part of the name typed so far (empty at the cursor when nothing is typed). */
  readonly range: Range;
  /** Orders variables before data variables before helpers. */
  readonly sortText: string;
}

/** What completion needs beyond the prompt: helper names, sample values, the partials there are. */
export interface CompletionOptions {
  /** Extra helper names the application registers. */
  readonly helpers?: readonly string[];
  /** The sample input whose values to follow through blocks. */
  readonly sampleInput?: Readonly<Record<string, unknown>>;
  /** Names of the partials the prompt could include (`_name.prompt` files the caller found). */
  readonly partialNames?: () => readonly string[];
  /** The sample file, whose keys are offered as variables when the prompt has no input schema. */
  readonly samples?: SampleFile;
}

/** The documentation of a declared variable: its description, whether it is required, and its default. */
export function describeVariable(variable: Pick<DeclaredVariable, 'required' | 'description' | 'default'>): string {
  const parts: string[] = [];
  if (variable.description) parts.push(variable.description);
  parts.push(variable.required ? 'Required.' : 'Optional.');
  if (variable.default) parts.push(`Default: \`${JSON.stringify(variable.default.value) ?? 'null'}\``);
  return parts.join('\n\n');
}

/** The documentation of a declared property of an object. */
export function propertyDocs(property: DeclaredProperty): string {
  return describeVariable({ required: property.required, ...(property.description !== undefined ? { description: property.description } : {}) });
}

/** Collects entries that replace one range, each label once, in the order added. */
export class CompletionCollector {
  readonly entries: CompletionEntry[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly range: Range) {}

  add(label: string, kind: CompletionKind, order: number, detail?: string, documentation?: string): void {
    if (label === '' || this.seen.has(label)) return;
    this.seen.add(label);
    this.entries.push({
      label,
      kind,
      range: this.range,
      sortText: `${order}-${label}`,
      ...(detail !== undefined ? { detail } : {}),
      ...(documentation !== undefined && documentation !== '' ? { documentation } : {}),
    });
  }
}

/**
 * Suggestions at an offset of a prompt, inside template tags only: variables with their types,
 * properties after `.`, loop and block variables, helpers or filters, partial names. Works while
 * the template does not parse; never throws.
 */
export function completionsAt(document: PromptDocument, offset: number, options: CompletionOptions = {}): CompletionEntry[] {
  try {
    return document.format.languageService.completionsAt(document, offset, options);
  } catch {
    return [];
  }
}
