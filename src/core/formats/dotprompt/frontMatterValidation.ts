import { isMap, isScalar, isSeq, type ParsedNode } from 'yaml';
import { createDiagnostic, type PromptDiagnostic } from '../../document/promptDiagnostic';
import { describeYamlNode, isParsedNode, yamlMapEntries, yamlNodeRange, type YamlEntry, type YamlSource } from '../../document/yamlSource';

/** The front matter entries the rest of the engine reads, once their shape is known to be right. */
export interface FrontMatterFields {
  readonly inputSchema?: YamlEntry;
  readonly inputDefault?: YamlEntry;
  readonly outputSchema?: YamlEntry;
}

const stringFields = ['name', 'variant', 'version', 'description', 'model'];
const inputKeys = new Set(['schema', 'default']);

function isString(node: ParsedNode | null): boolean {
  return isScalar(node) && typeof node.value === 'string';
}

function isEmpty(node: ParsedNode | null): boolean {
  return node === null || (isScalar(node) && (node.value === null || node.value === undefined));
}

/**
 * Checks the front matter against dotprompt's metadata shape (`PromptMetadata`). Keys with a dot
 * are extension fields and other unknown top-level keys are kept in `raw` by dotprompt (Genkit
 * reads some, like `maxTurns`), so neither is reported.
 */
export function validateFrontMatter(source: YamlSource): { diagnostics: PromptDiagnostic[]; fields: FrontMatterFields } {
  const diagnostics: PromptDiagnostic[] = [];
  const fields: { inputSchema?: YamlEntry; inputDefault?: YamlEntry; outputSchema?: YamlEntry } = {};
  const root = source.yaml.contents;
  const problem = (node: ParsedNode | null, message: string, severity?: 'warning'): void => {
    diagnostics.push(createDiagnostic(source.file, yamlNodeRange(source, node), 'front-matter-schema', message, severity ? { severity } : {}));
  };
  if (isEmpty(root)) return { diagnostics, fields };
  if (!isMap(root)) {
    problem(root, `The front matter must be a map of fields such as model and input, not ${describeYamlNode(root)}.`);
    return { diagnostics, fields };
  }

  for (const entry of yamlMapEntries(root)) {
    const { key, value } = entry;
    const at = value ?? entry.keyNode;
    if (stringFields.includes(key)) {
      if (!isString(value)) problem(at, `'${key}' must be a string, not ${describeYamlNode(value)}.`);
    } else if (key === 'config') {
      if (!isMap(value) && !isEmpty(value)) problem(at, `'config' must be a map of model settings, not ${describeYamlNode(value)}.`);
    } else if (key === 'tools') {
      if (isSeq(value)) {
        for (const item of value.items) {
          if (isParsedNode(item) && !isString(item)) problem(item, `Each entry of 'tools' must be a tool name, not ${describeYamlNode(item)}.`);
        }
      } else if (!isEmpty(value)) {
        problem(at, `'tools' must be a list of tool names, not ${describeYamlNode(value)}.`);
      }
    } else if (key === 'toolDefs') {
      if (!isSeq(value) && !isEmpty(value)) problem(at, `'toolDefs' must be a list of tool definitions, not ${describeYamlNode(value)}.`);
    } else if (key === 'input') {
      validateInput(entry, problem, fields);
    } else if (key === 'output') {
      if (isMap(value)) {
        for (const child of yamlMapEntries(value)) {
          if (child.key === 'format' && !isString(child.value)) {
            problem(child.value ?? child.keyNode, `'output.format' must be a string such as json or text, not ${describeYamlNode(child.value)}.`);
          } else if (child.key === 'schema') {
            if (isMap(child.value) || isString(child.value)) fields.outputSchema = child;
            else if (!isEmpty(child.value)) problem(child.value ?? child.keyNode, `'output.schema' must be a Picoschema map, a JSON Schema or a type name, not ${describeYamlNode(child.value)}.`);
          }
        }
      } else if (!isEmpty(value)) {
        problem(at, `'output' must be a map with format and schema, not ${describeYamlNode(value)}.`);
      }
    }
  }
  return { diagnostics, fields };
}

function validateInput(
  entry: YamlEntry,
  problem: (node: ParsedNode | null, message: string, severity?: 'warning') => void,
  fields: { inputSchema?: YamlEntry; inputDefault?: YamlEntry },
): void {
  const { value } = entry;
  if (isEmpty(value)) return;
  if (!isMap(value)) {
    problem(value, `'input' must be a map with schema and default, not ${describeYamlNode(value)}.`);
    return;
  }
  for (const child of yamlMapEntries(value)) {
    if (!inputKeys.has(child.key)) {
      problem(child.keyNode, `'input.${child.key}' is not a dotprompt field and is ignored; input takes schema and default.`, 'warning');
    } else if (child.key === 'schema') {
      if (isMap(child.value) || isString(child.value)) fields.inputSchema = child;
      else if (!isEmpty(child.value)) {
        problem(child.value, `'input.schema' must be a Picoschema map, a JSON Schema or a type name, not ${describeYamlNode(child.value)}.`);
      }
    } else if (isMap(child.value)) {
      fields.inputDefault = child;
    } else if (!isEmpty(child.value)) {
      problem(child.value, `'input.default' must be a map from variable name to value, not ${describeYamlNode(child.value)}.`);
    }
  }
}
