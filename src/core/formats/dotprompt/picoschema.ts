/**
 * Picoschema to JSON Schema, synchronously. dotprompt exports `picoschema()` but it is async
 * (named schemas resolve through an async resolver) and keeps no source positions, so this is a
 * synchronous re-implementation of dotprompt 1.1.2's `PicoschemaParser` over YAML nodes that
 * also builds the checker's shape with declaration ranges. Its JSON output is compared with
 * dotprompt's own converter in the unit tests, quirks included.
 */
import { plainSchemaView, type SchemaNodeView } from '../../schema/schemaNodeView';
import { jsonSchemaShape } from '../../schema/jsonSchemaShape';
import { anyShape, type DeclaredProperty, type ScalarType, type SchemaShape } from '../../schema/schemaShape';
import type { Range } from '../../document/textDocument';

/** A mistake in a schema, found while converting it. */
export interface SchemaProblem {
  readonly range: Range | undefined;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** A schema converted to JSON Schema plus the shape the checker reasons with. */
export interface ConvertedSchema {
  /** How the schema was written. */
  readonly form: 'picoschema' | 'json-schema' | 'type-name';
  /** The JSON Schema dotprompt produces for this input. */
  readonly json: unknown;
  readonly shape: SchemaShape;
  readonly problems: readonly SchemaProblem[];
}

/**
 * Resolves a named schema (Genkit's `defineSchema`) to JSON Schema; undefined when unknown.
 * Without a resolver, type names are accepted with a warning since the application may register them.
 */
export type NamedSchemaResolver = (name: string) => unknown;

const picoScalarTypes: ReadonlySet<string> = new Set(['any', 'boolean', 'integer', 'null', 'number', 'string']);
const jsonSchemaTypes: ReadonlySet<string> = new Set([...picoScalarTypes, 'object', 'array']);
const wildcard = '(*)';

type JsonObject = Record<string, unknown>;

function extractDescription(input: string): [string, string | null] {
  if (!input.includes(',')) return [input, null];
  const match = /(.*?), *(.*)$/.exec(input);
  if (!match) return [input, null];
  return [match[1] ?? input, match[2] ?? null];
}

function scalarShape(type: string, optional: boolean): SchemaShape {
  if (type === 'any') return anyShape;
  const types: ScalarType[] = [type === 'string' || type === 'number' || type === 'integer' || type === 'boolean' ? type : 'null'];
  if (optional && !types.includes('null')) types.push('null');
  return { kind: 'scalar', types };
}

function withNull(shape: SchemaShape): SchemaShape {
  switch (shape.kind) {
    case 'object':
    case 'array':
      return { ...shape, nullable: true };
    case 'scalar':
      return shape.types.includes('null') ? shape : { kind: 'scalar', types: [...shape.types, 'null'] };
    case 'enum':
      return shape.values.includes(null) ? shape : { kind: 'enum', values: [...shape.values, null] };
    case 'any':
      return shape;
  }
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Converter {
  readonly problems: SchemaProblem[] = [];

  constructor(private readonly resolveSchema: NamedSchemaResolver | undefined) {}

  problem(range: Range | undefined, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push({ range, message, severity });
  }

  /** dotprompt's `mustResolveSchema`: a type name that is not a scalar names a registered schema. */
  named(name: string, range: Range | undefined): { json: JsonObject; shape: SchemaShape } {
    if (!this.resolveSchema) {
      this.problem(
        range,
        `'${name}' is not a Picoschema type (string, number, integer, boolean, null, any), so it must be a schema the application registers.`,
        'warning',
      );
      return { json: {}, shape: anyShape };
    }
    let resolved: unknown;
    try {
      resolved = this.resolveSchema(name);
    } catch {
      resolved = undefined;
    }
    if (!isJsonObject(resolved)) {
      this.problem(range, `'${name}' is neither a Picoschema type nor a known schema.`);
      return { json: {}, shape: anyShape };
    }
    return { json: resolved, shape: jsonSchemaShape(plainSchemaView(resolved)) };
  }

  /** dotprompt's `PicoschemaParser.parse`: decides between JSON Schema, a type string and Picoschema. */
  top(view: SchemaNodeView): ConvertedSchema | undefined {
    const plain = view.plain();
    if (!plain) return undefined;
    if (view.kind === 'string' && typeof view.scalar === 'string') {
      const [type, description] = extractDescription(view.scalar);
      if (picoScalarTypes.has(type)) {
        // dotprompt keeps `{type: 'any'}` at the top level, unlike inside objects.
        const json: JsonObject = description ? { type, description } : { type };
        return { form: 'type-name', json, shape: scalarShape(type, false), problems: this.problems };
      }
      const named = this.named(type, view.range);
      return { form: 'type-name', json: description ? { ...named.json, description } : named.json, shape: named.shape, problems: this.problems };
    }
    if (view.kind === 'map') {
      const type = view.get('type');
      const properties = view.get('properties');
      if (typeof type?.scalar === 'string' && jsonSchemaTypes.has(type.scalar)) {
        return { form: 'json-schema', json: plain, shape: jsonSchemaShape(view), problems: this.problems };
      }
      if (properties && (properties.kind === 'map' || properties.kind === 'seq' || properties.kind === 'null')) {
        const json = isJsonObject(plain) ? { ...plain, type: 'object' } : plain;
        return { form: 'json-schema', json, shape: jsonSchemaShape(view), problems: this.problems };
      }
    } else if (view.kind === 'seq') {
      this.problem(view.range, 'A schema must be a map of fields or a type name, not a list.');
    } else {
      this.problem(view.range, `A schema must be a map of fields or a type name, not ${describeKind(view)}.`);
      return { form: 'picoschema', json: {}, shape: anyShape, problems: this.problems };
    }
    const converted = this.pico(view);
    return { form: 'picoschema', json: converted.json, shape: converted.shape, problems: this.problems };
  }

  /** dotprompt's `parsePico`. */
  pico(view: SchemaNodeView): { json: JsonObject; shape: SchemaShape } {
    if (view.kind === 'string' && typeof view.scalar === 'string') {
      const [type, description] = extractDescription(view.scalar);
      if (!picoScalarTypes.has(type)) {
        const named = this.named(type, view.range);
        return { json: description ? { ...named.json, description } : named.json, shape: named.shape };
      }
      if (type === 'any') return { json: description ? { description } : {}, shape: anyShape };
      return { json: description ? { type, description } : { type }, shape: scalarShape(type, false) };
    }
    if (view.kind !== 'map' && view.kind !== 'seq' && view.kind !== 'null') {
      this.problem(view.range, `A Picoschema field type must be a type name or a map of fields, not ${describeKind(view)}.`);
      return { json: {}, shape: anyShape };
    }
    if (view.kind === 'seq') this.problem(view.range, 'A Picoschema object must be a map of fields, not a list.');

    const properties: JsonObject = {};
    const required: string[] = [];
    const declared = new Map<string, DeclaredProperty>();
    let additionalJson: unknown = false;
    let additional: SchemaShape | 'forbidden' = 'forbidden';
    const entries =
      view.kind === 'seq'
        ? view.items().map((item, index) => ({ key: String(index), keyRange: item.range, value: item, declarationOf: () => undefined }))
        : view.entries();

    for (const entry of entries) {
      const { key, value } = entry;
      if (key === wildcard) {
        const converted = this.pico(value);
        additionalJson = converted.json;
        additional = converted.shape;
        continue;
      }
      const [name = '', typeInfo] = key.split('(');
      const optional = name.endsWith('?');
      const propertyName = optional ? name.slice(0, -1) : name;
      if (!optional) required.push(propertyName);
      const declaration = entry.declarationOf(propertyName);
      let json: JsonObject;
      let shape: SchemaShape;
      let description: string | null = null;

      if (!typeInfo) {
        if (value.kind === 'null') {
          this.problem(
            entry.keyRange,
            `Field '${propertyName}' has no type, so dotprompt reads it as an empty object; give it a type such as string.`,
            'warning',
          );
        }
        const converted = this.pico(value);
        json = { ...converted.json };
        shape = converted.shape;
        if (optional && typeof json['type'] === 'string') {
          json['type'] = [json['type'], 'null'];
          shape = withNull(shape);
        } else if (optional && shape.kind !== 'any') {
          shape = withNull(shape);
        }
        if (typeof json['description'] === 'string') description = json['description'];
      } else {
        const [type, typeDescription] = extractDescription(typeInfo.substring(0, typeInfo.length - 1));
        description = typeDescription;
        if (type === 'array') {
          const items = this.pico(value);
          json = { type: optional ? ['array', 'null'] : 'array', items: items.json };
          shape = { kind: 'array', items: items.shape, nullable: optional };
        } else if (type === 'object') {
          const converted = this.pico(value);
          json = { ...converted.json };
          if (optional) json['type'] = [json['type'], 'null'];
          shape = optional ? withNull(converted.shape) : converted.shape;
        } else if (type === 'enum') {
          const values = value.plain();
          if (!Array.isArray(values)) {
            this.problem(value.range ?? entry.keyRange, `The values of enum field '${propertyName}' must be a list.`);
            json = { enum: values };
            shape = anyShape;
          } else {
            const list: unknown[] = [...values];
            if (optional && !list.includes(null)) list.push(null);
            json = { enum: list };
            shape = { kind: 'enum', values: list };
          }
        } else {
          this.problem(
            entry.keyRange,
            `'${type}' cannot be used in parentheses; Picoschema allows (object), (array) and (enum) there.`,
          );
          json = {};
          shape = anyShape;
        }
        if (description) json['description'] = description;
      }
      properties[propertyName] = json;
      declared.set(propertyName, {
        name: propertyName,
        required: !optional,
        shape,
        ...(description ? { description } : {}),
        ...(declaration ? { declaration } : {}),
      });
    }

    const json: JsonObject = { type: 'object', properties, additionalProperties: additionalJson };
    if (required.length > 0) json['required'] = required;
    return { json, shape: { kind: 'object', properties: declared, additional, nullable: false } };
  }
}

function describeKind(view: SchemaNodeView): string {
  switch (view.kind) {
    case 'map':
      return 'a map';
    case 'seq':
      return 'a list';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'null':
      return 'empty';
    case 'other':
      return 'this value';
  }
}

/** Converts an input or output schema (Picoschema, JSON Schema or a type name) as dotprompt does; undefined when empty. */
export function convertSchema(view: SchemaNodeView, resolveSchema?: NamedSchemaResolver): ConvertedSchema | undefined {
  return new Converter(resolveSchema).top(view);
}
