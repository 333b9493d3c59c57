import type { SchemaShape } from '../schema/schemaShape';
import { yamlKey } from './inferredSchema';

/**
 * A value of a declared type written in YAML flow style, for a sample set that lacks a variable:
 * `""` for strings, `0` for numbers, `false`, `[]`, the first enum value, and objects with their
 * required properties filled in, so the new value passes the schema check until someone edits it.
 */
export function placeholderYaml(shape: SchemaShape, depth = 0): string {
  switch (shape.kind) {
    case 'scalar': {
      const type = shape.types.find((candidate) => candidate !== 'null') ?? shape.types[0];
      if (type === 'string') return '""';
      if (type === 'number' || type === 'integer') return '0';
      if (type === 'boolean') return 'false';
      return 'null';
    }
    case 'enum': {
      const value = shape.values.find((candidate) => candidate !== null) ?? shape.values[0];
      return value === undefined ? 'null' : (JSON.stringify(value) ?? 'null');
    }
    case 'array':
      return '[]';
    case 'object': {
      if (depth > 8) return '{}';
      const required = [...shape.properties.values()].filter((property) => property.required);
      return `{${required.map((property) => `${yamlKey(property.name)}: ${placeholderYaml(property.shape, depth + 1)}`).join(', ')}}`;
    }
    case 'any':
      return '""';
  }
}
