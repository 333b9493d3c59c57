import type { Range } from '../document/textDocument';

/** A JSON Schema scalar type name. */
export type ScalarType = 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** What the checker knows about a value: enough to resolve template paths and describe types. */
export type SchemaShape = ObjectShape | ArrayShape | ScalarShape | EnumShape | AnyShape;

/** An object with declared properties. */
export interface ObjectShape {
  readonly kind: 'object';
  readonly properties: ReadonlyMap<string, DeclaredProperty>;
  /**
   * Properties beyond the declared ones: `forbidden` (Picoschema, or `additionalProperties: false`),
   * `unspecified` (JSON Schema without `additionalProperties`), or the shape every extra property has.
   */
  readonly additional: 'forbidden' | 'unspecified' | SchemaShape;
  readonly nullable: boolean;
}

/** A list whose items share one shape. */
export interface ArrayShape {
  readonly kind: 'array';
  readonly items: SchemaShape;
  readonly nullable: boolean;
}

/** A string, number, integer, boolean or null (or a union of them). */
export interface ScalarShape {
  readonly kind: 'scalar';
  readonly types: readonly ScalarType[];
}

/** One of a fixed list of values. */
export interface EnumShape {
  readonly kind: 'enum';
  readonly values: readonly unknown[];
}

/** Anything: `any` in Picoschema, or a schema the checker cannot see into (a named schema, `anyOf`, ...). */
export interface AnyShape {
  readonly kind: 'any';
}

/** Where a property is declared in the front matter. */
export interface Declaration {
  /** The property name inside the key (`name` in `name?(string, desc)`). */
  readonly nameRange: Range;
  /** The whole key as written. */
  readonly keyRange: Range;
}

/** A property of an object schema, top-level ones being the prompt's input variables. */
export interface DeclaredProperty {
  readonly name: string;
  readonly required: boolean;
  readonly shape: SchemaShape;
  readonly description?: string;
  /** Absent for properties that come from a resolved named schema rather than this file. */
  readonly declaration?: Declaration;
}

/** The shape of values the checker knows nothing about. */
export const anyShape: AnyShape = { kind: 'any' };

/** Describes a shape for messages and hovers, e.g. `string`, `array of object`, `enum (a, b)`. */
export function describeShape(shape: SchemaShape): string {
  switch (shape.kind) {
    case 'object':
      return shape.nullable ? 'object or null' : 'object';
    case 'array': {
      const items = shape.items.kind === 'any' ? '' : ` of ${describeShape(shape.items)}`;
      return `array${items}${shape.nullable ? ' or null' : ''}`;
    }
    case 'scalar':
      return shape.types.length === 0 ? 'nothing' : shape.types.join(' or ');
    case 'enum':
      return `one of ${shape.values.map((value) => JSON.stringify(value) ?? String(value)).join(', ')}`;
    case 'any':
      return 'any';
  }
}

/** Describes a shape as a noun phrase for sentences: `a string`, `a list`, `an object`. */
export function describeShapeWithArticle(shape: SchemaShape): string {
  switch (shape.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'scalar': {
      const words = shape.types.filter((type) => type !== 'null').map((type) => (type === 'integer' ? 'an integer' : `a ${type}`));
      return words.length > 0 ? words.join(' or ') : 'always null';
    }
    case 'enum':
      return describeShape(shape);
    case 'any':
      return 'anything';
  }
}

/** Returns a property's shape in an object shape, including what `additionalProperties` allows. */
export function lookupProperty(
  shape: ObjectShape,
  name: string,
): { readonly property?: DeclaredProperty; readonly shape: SchemaShape } | undefined {
  const property = shape.properties.get(name);
  if (property) return { property, shape: property.shape };
  if (typeof shape.additional === 'object') return { shape: shape.additional };
  return undefined;
}
