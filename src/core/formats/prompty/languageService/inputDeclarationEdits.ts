import { isMap, isSeq } from 'yaml';
import type { PromptDocument } from '../../../document/promptDocument';
import { isParsedNode, yamlMapGet, yamlNodeOffsets } from '../../../document/yamlSource';
import type { InferredType } from '../../../languageService/inferredSchema';
import { yamlKey } from '../../../languageService/inferredSchema';
import { lineBreakOf, type FileEdits, type TextEdit } from '../../../languageService/textEdits';
import { appendSeqValue, deleteMapEntry, deleteSeqItem, insertMapEntry } from '../../../languageService/yamlEdits';
import type { SampleFile } from '../../../samples/sampleSets';
import type { VariableToDeclare } from '../../promptFormat';

/** The Prompty input kind for a type guessed from sample values. */
function kindOf(type: InferredType): string {
  if (type.kind === 'scalar') return type.type;
  return type.kind === 'any' ? 'string' : type.kind;
}

/**
 * Edits that declare variables as Prompty inputs, in the file's own form (a list of `name`/`kind`
 * items or a map by name), adding `inputs` when there is none; undefined when the front matter
 * cannot be edited safely.
 */
export function declareInputsEdits(document: PromptDocument, variables: readonly VariableToDeclare[]): TextEdit[] | undefined {
  const frontMatter = document.frontMatter;
  if (!frontMatter?.valid) return undefined;
  const source = frontMatter.yaml;
  const root = source.yaml.contents;
  if (!isParsedNode(root) || !isMap(root)) return undefined;
  const inputs = yamlMapGet(root, 'inputs')?.value;
  const fields = (variable: VariableToDeclare): string[] => [`kind: ${kindOf(variable.type)}`, ...(variable.optional ? [] : ['required: true'])];
  if (!inputs) {
    const lines = [{ level: 0, text: 'inputs:' }, ...variables.flatMap((variable) => [{ level: 1, text: `- name: ${yamlKey(variable.name)}` }, ...fields(variable).map((text) => ({ level: 1, text: `  ${text}` }))])];
    const edit = insertMapEntry(source, root, { block: lines, flow: `inputs: [${variables.map((variable) => `{name: ${yamlKey(variable.name)}, ${fields(variable).join(', ')}}`).join(', ')}]` });
    return edit ? [edit] : undefined;
  }
  const edits: TextEdit[] = [];
  if (isSeq(inputs) && inputs.flow === true) {
    // One edit for all: edits at the same point of an empty `[]` would not be separated by commas.
    const edit = appendSeqValue(source, inputs, variables.map((variable) => `{name: ${yamlKey(variable.name)}, ${fields(variable).join(', ')}}`).join(', '));
    return edit ? [edit] : undefined;
  }
  if (isSeq(inputs)) {
    const [first] = inputs.items;
    const column = isParsedNode(first) ? source.document.positionAt(yamlNodeOffsets(source, first).start).character : 2;
    const eol = lineBreakOf(source.document);
    for (const variable of variables) {
      const text = [`name: ${yamlKey(variable.name)}`, ...fields(variable)].join(`${eol}${' '.repeat(column)}`);
      const edit = appendSeqValue(source, inputs, text);
      if (!edit) return undefined;
      edits.push(edit);
    }
    return edits;
  }
  if (!isMap(inputs)) return undefined;
  for (const variable of variables) {
    const edit = insertMapEntry(source, inputs, {
      block: [{ level: 0, text: `${yamlKey(variable.name)}:` }, ...fields(variable).map((text) => ({ level: 1, text }))],
      flow: `${yamlKey(variable.name)}: {${fields(variable).join(', ')}}`,
    });
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

/** Edits that remove an input's declaration (its list item or map entry) and its keys in the sample sets. */
export function removeInputEdits(document: PromptDocument, samples: SampleFile | undefined, name: string): FileEdits[] | undefined {
  const frontMatter = document.frontMatter;
  const root = frontMatter?.yaml.yaml.contents;
  if (!frontMatter?.valid || !isParsedNode(root)) return undefined;
  const source = frontMatter.yaml;
  const inputs = yamlMapGet(root, 'inputs')?.value;
  let removal: TextEdit | undefined;
  if (isSeq(inputs)) {
    const index = inputs.items.findIndex((item) => isParsedNode(item) && yamlMapGet(item, 'name')?.value?.toJSON() === name);
    removal = deleteSeqItem(source, inputs, index);
  } else if (isMap(inputs)) removal = deleteMapEntry(source, inputs, name);
  if (!removal) return undefined;
  const files: FileEdits[] = [{ path: document.path, edits: [removal] }];
  const sampleEdits = (samples?.sets ?? []).flatMap((set) => {
    const edit = set.values.keys.has(name) ? deleteMapEntry(set.values.source, set.values.node, name) : undefined;
    return edit ? [edit] : [];
  });
  if (samples && sampleEdits.length > 0) files.push({ path: samples.path, edits: sampleEdits });
  return files;
}
