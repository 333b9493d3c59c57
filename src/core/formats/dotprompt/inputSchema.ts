import { checkJsonSchema } from '../../schema/jsonSchemaValidation';
import { convertSchema, type NamedSchemaResolver } from './picoschema';
import type { PromptSchema } from '../../schema/promptSchema';
import { createDiagnostic, type PromptDiagnostic } from '../../document/promptDiagnostic';
import { schemaViewAt, yamlSchemaView } from '../../schema/schemaNodeView';
import { yamlNodeRange, type YamlEntry, type YamlSource } from '../../document/yamlSource';

const jsonSchemaKeywords = new Set([
  'type', 'properties', 'required', 'items', 'additionalProperties', 'description', 'title', 'enum', 'const', '$ref',
  '$schema', '$id', '$defs', 'definitions', 'default', 'examples', 'anyOf', 'oneOf', 'allOf', 'not', 'format',
  'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems',
  'maxItems', 'uniqueItems', 'patternProperties', 'propertyNames', 'minProperties', 'maxProperties', 'nullable',
  'if', 'then', 'else', 'dependencies', 'dependentRequired', 'dependentSchemas', 'contains', 'prefixItems',
  'additionalItems', 'readOnly', 'writeOnly', 'deprecated', 'multipleOf', 'contentMediaType', 'contentEncoding',
  '$comment',
]);

/** Converts `input.schema` or `output.schema` and reports its mistakes as `front-matter-schema` diagnostics. */
export function readPromptSchema(
  source: YamlSource,
  entry: YamlEntry,
  label: 'input' | 'output',
  resolveSchema: NamedSchemaResolver | undefined,
): { schema: PromptSchema | undefined; diagnostics: PromptDiagnostic[] } {
  const diagnostics: PromptDiagnostic[] = [];
  const view = yamlSchemaView(source, entry.value);
  const range = yamlNodeRange(source, entry.value ?? entry.keyNode);
  const keyRange = yamlNodeRange(source, entry.keyNode);
  const converted = convertSchema(view, resolveSchema);
  if (!converted) return { schema: undefined, diagnostics };
  for (const problem of converted.problems) {
    diagnostics.push(
      createDiagnostic(source.file, problem.range ?? range, 'front-matter-schema', problem.message, { severity: problem.severity }),
    );
  }
  if (converted.form === 'json-schema') {
    for (const failure of checkJsonSchema(converted.json)) {
      const at = schemaViewAt(view, failure.instancePath);
      diagnostics.push(
        createDiagnostic(
          source.file,
          at.range ?? range,
          'front-matter-schema',
          `'${label}.schema' is not a valid JSON Schema: ${failure.instancePath || 'the schema'} ${failure.message}.`,
        ),
      );
    }
    const typeEntry = view.entries().find((candidate) => candidate.key === 'type');
    const fieldLike = view.entries().filter((candidate) => !jsonSchemaKeywords.has(candidate.key) && !candidate.key.startsWith('x-'));
    if (typeEntry && typeof typeEntry.value.scalar === 'string' && typeEntry.value.scalar !== 'object' && fieldLike.length > 0) {
      diagnostics.push(
        createDiagnostic(
          source.file,
          typeEntry.keyRange ?? range,
          'front-matter-schema',
          `Because of this 'type: ${typeEntry.value.scalar}' key dotprompt reads the schema as JSON Schema and ignores fields such as '${fieldLike[0]?.key ?? ''}'; a field cannot be named type in Picoschema.`,
          { severity: 'warning' },
        ),
      );
    }
  }
  return { schema: { form: converted.form, json: converted.json, shape: converted.shape, range, keyRange }, diagnostics };
}
