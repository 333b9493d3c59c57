/**
 * Picoschema to JSON Schema, synchronously. dotprompt exports `picoschema()` but it is async
 * (named schemas resolve through an async resolver) and keeps no source positions, so this is a
 * synchronous re-implementation of dotprompt 1.1.2's `PicoschemaParser` over YAML nodes that
 * also builds the checker's shape with declaration ranges. Its JSON output is compared with
 * dotprompt's own converter in the unit tests, quirks included.
 */
import { plainSchemaView, type SchemaEntryView, type SchemaNodeView } from '../../schema/schemaNodeView';
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

/** A type converted both ways: the JSON Schema dotprompt produces and the checker's shape. */
interface ConvertedType {
  readonly json: JsonObject;
  readonly shape: SchemaShape;
}

/** A field of a Picoschema object, converted, with what its declaration says about it. */
interface ConvertedField extends ConvertedType {
  readonly name: string;
  readonly optional: boolean;
  readonly description: string | null;
  readonly declaration: ReturnType<SchemaEntryView['declarationOf']>;
}

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
  named(name: string, range: Range | undefined): ConvertedType {
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
    if (view.kind === 'string' && typeof view.scalar === 'string') return this.topTypeName(view.scalar, view.range);
    if (view.kind === 'map') {
      const jsonSchema = this.jsonSchemaOf(view, plain);
      if (jsonSchema) return jsonSchema;
    } else {
      // One sentence for the whole schema: converting a list's items as fields would add a second
      // error for the same mistake and a warning per item.
      this.problem(view.range, `A schema must be a map of fields or a type name, not ${describeKind(view)}.`);
      return { form: 'picoschema', json: {}, shape: anyShape, problems: this.problems };
    }
    const converted = this.pico(view);
    return { form: 'picoschema', json: converted.json, shape: converted.shape, problems: this.problems };
  }

  /** A whole schema written as one type name (`string, the user's question` or a registered schema's name). */
  private topTypeName(written: string, range: Range | undefined): ConvertedSchema {
    const [type, description] = extractDescription(written);
    if (picoScalarTypes.has(type)) {
      // dotprompt keeps `{type: 'any'}` at the top level, unlike inside objects.
      const json: JsonObject = description ? { type, description } : { type };
      return { form: 'type-name', json, shape: scalarShape(type, false), problems: this.problems };
    }
    const named = this.named(type, range);
    return { form: 'type-name', json: description ? { ...named.json, description } : named.json, shape: named.shape, problems: this.problems };
  }

  /** A map that is JSON Schema rather than Picoschema: it has a JSON Schema `type`, or `properties`; undefined otherwise. */
  private jsonSchemaOf(view: SchemaNodeView, plain: unknown): ConvertedSchema | undefined {
    const type = view.get('type');
    const properties = view.get('properties');
    if (typeof type?.scalar === 'string' && jsonSchemaTypes.has(type.scalar)) {
      return { form: 'json-schema', json: plain, shape: jsonSchemaShape(view), problems: this.problems };
    }
    if (properties && (properties.kind === 'map' || properties.kind === 'seq' || properties.kind === 'null')) {
      const json = isJsonObject(plain) ? { ...plain, type: 'object' } : plain;
      return { form: 'json-schema', json, shape: jsonSchemaShape(view), problems: this.problems };
    }
    return undefined;
  }

  /** dotprompt's `parsePico`. */
  pico(view: SchemaNodeView): ConvertedType {
    if (view.kind === 'string' && typeof view.scalar === 'string') return this.picoTypeName(view.scalar, view.range);
    if (view.kind !== 'map' && view.kind !== 'seq' && view.kind !== 'null') {
      this.problem(view.range, `A Picoschema field type must be a type name or a map of fields, not ${describeKind(view)}.`);
      return { json: {}, shape: anyShape };
    }
    if (view.kind === 'seq') this.problem(view.range, 'A Picoschema object must be a map of fields, not a list.');
    return this.picoObject(view);
  }

  /** A field's type written as a name: a Picoschema scalar, else a registered schema. */
  private picoTypeName(written: string, range: Range | undefined): ConvertedType {
    const [type, description] = extractDescription(written);
    if (!picoScalarTypes.has(type)) {
      const named = this.named(type, range);
      return { json: description ? { ...named.json, description } : named.json, shape: named.shape };
    }
    if (type === 'any') return { json: description ? { description } : {}, shape: anyShape };
    return { json: description ? { type, description } : { type }, shape: scalarShape(type, false) };
  }

  /** A map of fields (a list or nothing is read as dotprompt reads it): an object with its properties, required ones and `(*)`. */
  private picoObject(view: SchemaNodeView): ConvertedType {
    const properties: JsonObject = {};
    const required: string[] = [];
    const declared = new Map<string, DeclaredProperty>();
    let additionalJson: unknown = false;
    let additional: SchemaShape | 'forbidden' = 'forbidden';
    for (const entry of fieldEntries(view)) {
      if (entry.key === wildcard) {
        const converted = this.pico(entry.value);
        additionalJson = converted.json;
        additional = converted.shape;
        continue;
      }
      const field = this.picoField(entry);
      if (!field.optional) required.push(field.name);
      properties[field.name] = field.json;
      const property: { -readonly [K in keyof DeclaredProperty]: DeclaredProperty[K] } = { name: field.name, required: !field.optional, shape: field.shape };
      if (field.description) property.description = field.description;
      if (field.declaration) property.declaration = field.declaration;
      declared.set(field.name, property);
    }
    const json: JsonObject = { type: 'object', properties, additionalProperties: additionalJson };
    if (required.length > 0) json['required'] = required;
    return { json, shape: { kind: 'object', properties: declared, additional, nullable: false } };
  }

  /** One field: `name`, `name?`, with an optional `(object|array|enum, description)` after it. */
  private picoField(entry: SchemaEntryView): ConvertedField {
    // dotprompt splits the key at every '(' and reads the first two parts: the name, and the type
    // up to the next '(' (or the end). Slicing reads the same parts without building an array, and
    // the result is written out field by field: spreading two objects into one takes V8's slow path,
    // and this runs for every field of every front matter.
    const key = entry.key;
    const open = key.indexOf('(');
    const name = open < 0 ? key : key.slice(0, open);
    const next = open < 0 ? -1 : key.indexOf('(', open + 1);
    const typeInfo = open < 0 ? '' : key.slice(open + 1, next < 0 ? key.length : next);
    const optional = name.endsWith('?');
    const propertyName = optional ? name.slice(0, -1) : name;
    const declaration = entry.declarationOf(propertyName);
    if (!typeInfo) {
      const plain = this.plainField(entry, propertyName, optional);
      return { name: propertyName, optional, declaration, json: plain.json, shape: plain.shape, description: plain.description };
    }
    const [type, description] = extractDescription(typeInfo.substring(0, typeInfo.length - 1));
    const converted = this.parenthesizedField(entry, propertyName, optional, type);
    if (description) converted.json['description'] = description;
    return { name: propertyName, optional, declaration, json: converted.json, shape: converted.shape, description };
  }

  /** A field without parentheses: its value is its type; `?` makes it nullable. */
  private plainField(entry: SchemaEntryView, propertyName: string, optional: boolean): ConvertedType & { description: string | null } {
    if (entry.value.kind === 'null') {
      this.problem(entry.keyRange, `Field '${propertyName}' has no type, so dotprompt reads it as an empty object; give it a type such as string.`, 'warning');
    }
    const converted = this.pico(entry.value);
    const json = { ...converted.json };
    let shape = converted.shape;
    if (optional && typeof json['type'] === 'string') {
      json['type'] = [json['type'], 'null'];
      shape = withNull(shape);
    } else if (optional && shape.kind !== 'any') {
      shape = withNull(shape);
    }
    return { json, shape, description: typeof json['description'] === 'string' ? json['description'] : null };
  }

  /** A field written `name(array)`, `name(object)` or `name(enum)`; anything else in parentheses is a mistake. */
  private parenthesizedField(entry: SchemaEntryView, propertyName: string, optional: boolean, type: string): ConvertedType {
    switch (type) {
      case 'array': {
        const items = this.pico(entry.value);
        return { json: { type: optional ? ['array', 'null'] : 'array', items: items.json }, shape: { kind: 'array', items: items.shape, nullable: optional } };
      }
      case 'object': {
        const converted = this.pico(entry.value);
        const json = { ...converted.json };
        if (optional) json['type'] = [json['type'], 'null'];
        return { json, shape: optional ? withNull(converted.shape) : converted.shape };
      }
      case 'enum':
        return this.enumField(entry, propertyName, optional);
      default:
        this.problem(entry.keyRange, `'${type}' cannot be used in parentheses; Picoschema allows (object), (array) and (enum) there.`);
        return { json: {}, shape: anyShape };
    }
  }

  /** `name(enum): [a, b]`: the listed values, with null added when the field is optional. */
  private enumField(entry: SchemaEntryView, propertyName: string, optional: boolean): ConvertedType {
    const values = entry.value.plain();
    if (!Array.isArray(values)) {
      this.problem(entry.value.range ?? entry.keyRange, `The values of enum field '${propertyName}' must be a list.`);
      return { json: { enum: values }, shape: anyShape };
    }
    const list: unknown[] = [...values];
    if (optional && !list.includes(null)) list.push(null);
    return { json: { enum: list }, shape: { kind: 'enum', values: list } };
  }
}

/** The fields of a Picoschema object; a list's items are read as fields named by their index, as dotprompt does. */
function fieldEntries(view: SchemaNodeView): readonly SchemaEntryView[] {
  if (view.kind !== 'seq') return view.entries();
  return view.items().map((item, index) => ({ key: String(index), keyRange: item.range, value: item, declarationOf: () => undefined }));
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
