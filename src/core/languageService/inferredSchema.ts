import type { YamlEntryText, YamlLine } from './yamlEdits';

/** A schema type guessed from example values, for declaring a variable the schema lacks. */
export type InferredType =
  | { readonly kind: 'scalar'; readonly type: 'string' | 'number' | 'integer' | 'boolean' }
  | { readonly kind: 'array'; readonly items: InferredType }
  | { readonly kind: 'object'; readonly properties: readonly InferredProperty[] }
  | { readonly kind: 'any' };

/** A property of an inferred object type. */
export interface InferredProperty {
  readonly name: string;
  readonly type: InferredType;
  /** Missing (or null) in some of the example objects. */
  readonly optional: boolean;
}

const anyType: InferredType = { kind: 'any' };
const maxDepth = 8;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Infers the type all the given values share; undefined when there are no (non-null) values. */
export function inferType(values: readonly unknown[], depth = 0): InferredType | undefined {
  const present = values.filter((value) => value !== null && value !== undefined);
  if (present.length === 0) return undefined;
  if (depth > maxDepth) return anyType;
  if (present.every((value) => typeof value === 'string')) return { kind: 'scalar', type: 'string' };
  if (present.every((value) => typeof value === 'boolean')) return { kind: 'scalar', type: 'boolean' };
  if (present.every((value) => typeof value === 'number')) {
    return { kind: 'scalar', type: present.every((value) => Number.isInteger(value)) ? 'integer' : 'number' };
  }
  if (present.every(Array.isArray)) {
    return { kind: 'array', items: inferType(present.flatMap((value) => (Array.isArray(value) ? value : [])), depth + 1) ?? anyType };
  }
  if (present.every(isRecord)) {
    const objects = present.filter(isRecord);
    const names = [...new Set(objects.flatMap((value) => Object.keys(value)))];
    return {
      kind: 'object',
      properties: names.map((name) => {
        const own = objects.map((value) => value[name]);
        return {
          name,
          type: inferType(own, depth + 1) ?? anyType,
          optional: own.some((value) => value === null || value === undefined),
        };
      }),
    };
  }
  return anyType;
}

/** Writes a map key plainly when YAML allows it, else quoted. */
export function yamlKey(name: string): string {
  return /^[A-Za-z_][\w-]*$/.test(name) ? name : JSON.stringify(name);
}

function picoKey(name: string, optional: boolean, typeInfo: string): string {
  // A Picoschema key holds the name, `?` and `(type)`, so it is quoted as a whole when needed.
  const plain = `${name}${optional ? '?' : ''}${typeInfo}`;
  return /^[A-Za-z_][\w-]*\??(\((array|object)\))?$/.test(plain) ? plain : JSON.stringify(plain);
}

/** The lines of a Picoschema field for a type, e.g. `count: integer` or `items(array):` with fields under it. */
function picoschemaLines(name: string, type: InferredType, optional: boolean, level: number): YamlLine[] {
  switch (type.kind) {
    case 'scalar':
      return [{ level, text: `${picoKey(name, optional, '')}: ${type.type}` }];
    case 'any':
      return [{ level, text: `${picoKey(name, optional, '')}: any` }];
    case 'array': {
      const items = type.items;
      if (items.kind === 'scalar') return [{ level, text: `${picoKey(name, optional, '(array)')}: ${items.type}` }];
      if (items.kind === 'object' && items.properties.length > 0) {
        return [{ level, text: `${picoKey(name, optional, '(array)')}:` }, ...items.properties.flatMap((property) => picoschemaLines(property.name, property.type, property.optional, level + 1))];
      }
      return [{ level, text: `${picoKey(name, optional, '(array)')}: any` }];
    }
    case 'object':
      if (type.properties.length === 0) return [{ level, text: `${picoKey(name, optional, '')}: any` }];
      return [{ level, text: `${picoKey(name, optional, '(object)')}:` }, ...type.properties.flatMap((property) => picoschemaLines(property.name, property.type, property.optional, level + 1))];
  }
}

/** A Picoschema value in flow style, for flow maps (`{name: string}`). */
function picoschemaFlow(name: string, type: InferredType, optional: boolean): string {
  switch (type.kind) {
    case 'scalar':
      return `${picoKey(name, optional, '')}: ${type.type}`;
    case 'any':
      return `${picoKey(name, optional, '')}: any`;
    case 'array':
      if (type.items.kind === 'scalar') return `${picoKey(name, optional, '(array)')}: ${type.items.type}`;
      if (type.items.kind === 'object' && type.items.properties.length > 0) {
        return `${picoKey(name, optional, '(array)')}: {${type.items.properties.map((property) => picoschemaFlow(property.name, property.type, property.optional)).join(', ')}}`;
      }
      return `${picoKey(name, optional, '(array)')}: any`;
    case 'object':
      if (type.properties.length === 0) return `${picoKey(name, optional, '')}: any`;
      return `${picoKey(name, optional, '(object)')}: {${type.properties.map((property) => picoschemaFlow(property.name, property.type, property.optional)).join(', ')}}`;
  }
}

/** A Picoschema field for a variable, in block and flow style. */
export function picoschemaEntry(name: string, type: InferredType, optional: boolean): YamlEntryText {
  return { block: picoschemaLines(name, type, optional, 0), flow: picoschemaFlow(name, type, optional) };
}

/** A JSON Schema for a type in YAML flow style, e.g. `{type: array, items: {type: string}}`. */
export function jsonSchemaFlow(type: InferredType): string {
  switch (type.kind) {
    case 'scalar':
      return `{type: ${type.type}}`;
    case 'any':
      return '{}';
    case 'array':
      return `{type: array, items: ${jsonSchemaFlow(type.items)}}`;
    case 'object': {
      const properties = type.properties.map((property) => `${yamlKey(property.name)}: ${jsonSchemaFlow(property.type)}`).join(', ');
      const required = type.properties.filter((property) => !property.optional).map((property) => yamlKey(property.name));
      return `{type: object, properties: {${properties}}${required.length > 0 ? `, required: [${required.join(', ')}]` : ''}}`;
    }
  }
}

/** A JSON Schema `properties` entry for a variable, in block and flow style. */
export function jsonSchemaEntry(name: string, type: InferredType): YamlEntryText {
  const text = `${yamlKey(name)}: ${jsonSchemaFlow(type)}`;
  return { block: [{ level: 0, text }], flow: text };
}
