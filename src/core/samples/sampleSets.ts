import { isMap } from 'yaml';
import { readInputValues, type InputValues } from '../document/inputValues';
import { createDiagnostic, type PromptDiagnostic } from '../document/promptDiagnostic';
import type { PromptDocument } from '../document/promptDocument';
import { createTextDocument, type Range, type TextDocument } from '../document/textDocument';
import { describeYamlNode, isParsedNode, parseYamlSource, yamlMapEntries, yamlNodeRange, type YamlSource } from '../document/yamlSource';

/** One named set of sample inputs from the sidecar file. */
export interface SampleSet {
  readonly name: string;
  /** The set's name in the sample file. */
  readonly nameRange: Range;
  /** The set's own values (before `input.default` is merged under them). */
  readonly values: InputValues;
}

/** A parsed `<prompt>.samples.yaml` / `.samples.json`; parse it once per change of that file. */
export interface SampleFile {
  readonly path: string;
  readonly text: TextDocument;
  readonly yaml: YamlSource;
  /** The sets in file order; empty when the file does not parse. */
  readonly sets: readonly SampleSet[];
  /** `yaml-syntax` and shape (`sample-type-mismatch`) problems of the file itself. */
  readonly diagnostics: readonly PromptDiagnostic[];
}

/** A sample set as the renderer uses it: `input.default` merged under the set's values. */
export interface ResolvedSampleSet {
  readonly name: string;
  readonly input: Readonly<Record<string, unknown>>;
  /** `samples` for sets from the sidecar, `default` for the set made of `input.default` alone. */
  readonly origin: 'samples' | 'default';
}

/** Name of the set built from `input.default`. */
export const defaultSetName = 'default';

/**
 * Parses a sample file (YAML, or JSON, which YAML 1.2 reads too, with ranges) into sets; never throws.
 * Returns the sets in file order with the range of every set name and key.
 */
export function parseSampleFile(path: string, rawText: string): SampleFile {
  const text = createTextDocument(typeof rawText === 'string' ? rawText : '');
  const yaml = parseYamlSource(path, text, 0, text.text);
  const diagnostics: PromptDiagnostic[] = [...yaml.diagnostics];
  const sets: SampleSet[] = [];
  const root = yaml.yaml.contents;
  if (yaml.hasErrors || root === null || (!isMap(root) && describeYamlNode(root) === 'empty')) {
    return { path, text, yaml, sets, diagnostics };
  }
  if (!isMap(root)) {
    diagnostics.push(
      createDiagnostic(path, yamlNodeRange(yaml, root), 'sample-type-mismatch', `A sample file must map set names to input objects, not ${describeYamlNode(root)}.`),
    );
    return { path, text, yaml, sets, diagnostics };
  }
  for (const entry of yamlMapEntries(root)) {
    const nameRange = yamlNodeRange(yaml, entry.keyNode);
    if (!isParsedNode(entry.value) || !isMap(entry.value)) {
      diagnostics.push(
        createDiagnostic(
          path,
          yamlNodeRange(yaml, entry.value ?? entry.keyNode),
          'sample-type-mismatch',
          `Sample set '${entry.key}' must be a map from variable name to value, not ${describeYamlNode(entry.value)}.`,
        ),
      );
      continue;
    }
    const values = readInputValues(yaml, entry.value);
    if (values.conversionError !== undefined) {
      diagnostics.push(createDiagnostic(path, nameRange, 'yaml-syntax', `Sample set '${entry.key}' cannot be read: ${values.conversionError}.`));
      continue;
    }
    sets.push({ name: entry.key, nameRange, values });
  }
  return { path, text, yaml, sets, diagnostics };
}

/**
 * Lists the sample sets a prompt renders with: each sidecar set over `input.default`, or, when the
 * sidecar has no sets, a `default` set made of `input.default` alone.
 */
export function resolveSampleSets(document: PromptDocument, samples: SampleFile | undefined): ResolvedSampleSet[] {
  const defaults = document.inputDefaults?.value ?? {};
  if (samples && samples.sets.length > 0) {
    return samples.sets.map((set) => ({ name: set.name, input: { ...defaults, ...set.values.value }, origin: 'samples' }));
  }
  return document.inputDefaults ? [{ name: defaultSetName, input: { ...defaults }, origin: 'default' }] : [];
}
