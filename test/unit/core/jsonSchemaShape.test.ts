import * as assert from 'node:assert/strict';
import { jsonSchemaShape } from '../../../src/core/schema/jsonSchemaShape';
import { plainSchemaView } from '../../../src/core/schema/schemaNodeView';
import type { SchemaShape } from '../../../src/core/schema/schemaShape';

/** A shape as plain data: properties as `name` or `name?` keys, so expectations read like schemas. */
function plain(shape: SchemaShape): unknown {
  switch (shape.kind) {
    case 'object':
      return {
        object: Object.fromEntries([...shape.properties.values()].map((property) => [`${property.name}${property.required ? '' : '?'}`, plain(property.shape)])),
        additional: typeof shape.additional === 'string' ? shape.additional : plain(shape.additional),
        ...(shape.nullable ? { nullable: true } : {}),
      };
    case 'array':
      return { array: plain(shape.items), ...(shape.nullable ? { nullable: true } : {}) };
    case 'scalar':
      return shape.types.join('|');
    case 'enum':
      return { enum: shape.values };
    case 'any':
      return 'any';
  }
}

const shapeOf = (schema: unknown): unknown => plain(jsonSchemaShape(plainSchemaView(schema)));

describe('the shape of a JSON Schema input', () => {
  it('follows local $refs into $defs and definitions, with ~1 and ~0 escapes and list indexes', () => {
    const schema = {
      type: 'object',
      required: ['owner'],
      properties: {
        owner: { $ref: '#/$defs/Person' },
        pair: { $ref: '#/$defs/a~1b' },
        tilde: { $ref: '#/definitions/c~0d' },
        second: { $ref: '#/$defs/choices/1' },
      },
      $defs: {
        Person: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false },
        'a/b': { type: 'integer' },
        choices: [{ type: 'string' }, { type: 'boolean' }],
      },
      definitions: { 'c~d': { type: 'number' } },
    };
    assert.deepEqual(shapeOf(schema), {
      object: { owner: { object: { name: 'string' }, additional: 'forbidden' }, 'pair?': 'integer', 'tilde?': 'number', 'second?': 'boolean' },
      additional: 'unspecified',
    });
  });

  it('gives any for a $ref it cannot follow: another document, a missing definition, a cycle', () => {
    const schema = {
      type: 'object',
      properties: {
        remote: { $ref: 'https://example.test/person.json' },
        missing: { $ref: '#/$defs/Nobody' },
        through: { $ref: '#/$defs/Person/properties/age' },
        loop: { $ref: '#/$defs/Loop' },
      },
      $defs: { Loop: { $ref: '#/$defs/Loop' }, Person: { type: 'object', properties: { age: { type: 'integer' } } } },
    };
    assert.deepEqual(shapeOf(schema), {
      object: { 'remote?': 'any', 'missing?': 'any', 'through?': 'integer', 'loop?': 'any' },
      additional: 'unspecified',
    });
  });

  it('follows a recursive $ref once per level, then stops instead of overflowing', () => {
    const schema = { type: 'object', properties: { child: { $ref: '#' } } };
    assert.deepEqual(shapeOf(schema), { object: { 'child?': { object: { 'child?': 'any' }, additional: 'unspecified' } }, additional: 'unspecified' });
    const chain = (length: number) => ({
      $ref: '#/$defs/d0',
      $defs: Object.fromEntries(Array.from({ length }, (_, index) => [`d${index}`, index === length - 1 ? { type: 'string' } : { $ref: `#/$defs/d${index + 1}` }])),
    });
    assert.deepEqual(shapeOf(chain(32)), 'string', 'a chain of 32 refs is followed to its end');
    assert.deepEqual(shapeOf(chain(33)), 'any', 'past 32 refs the checker stops following');
  });

  it('reads enum and const as a list of values, type lists with null as nullable', () => {
    assert.deepEqual(shapeOf({ enum: ['low', 'high', 3] }), { enum: ['low', 'high', 3] });
    assert.deepEqual(shapeOf({ const: 'fixed' }), { enum: ['fixed'] });
    assert.deepEqual(shapeOf({ type: ['string', 'null'] }), 'string|null');
    assert.deepEqual(shapeOf({ type: ['object', 'null'], properties: { a: { type: 'string' } } }), { object: { 'a?': 'string' }, additional: 'unspecified', nullable: true });
    assert.deepEqual(shapeOf({ type: ['array', 'null'], items: { type: 'number' } }), { array: 'number', nullable: true });
    assert.deepEqual(shapeOf({ type: ['string', 'object'] }), 'any', 'a union of an object and a scalar is not a shape the checker can follow');
  });

  it('infers objects and arrays from properties and items when type is absent', () => {
    assert.deepEqual(shapeOf({ properties: { a: { type: 'boolean' } } }), { object: { 'a?': 'boolean' }, additional: 'unspecified' });
    assert.deepEqual(shapeOf({ items: { type: 'string' } }), { array: 'string' });
    assert.deepEqual(shapeOf({ type: 'array' }), { array: 'any' });
    assert.deepEqual(shapeOf({ anyOf: [{ type: 'string' }] }), 'any');
    assert.deepEqual(shapeOf('string'), 'any', 'not a map: the checker cannot see into it');
  });

  it('reads additionalProperties and patternProperties', () => {
    assert.deepEqual(shapeOf({ type: 'object', additionalProperties: true }), { object: {}, additional: 'any' });
    assert.deepEqual(shapeOf({ type: 'object', additionalProperties: { type: 'integer' } }), { object: {}, additional: 'integer' });
    assert.deepEqual(shapeOf({ type: 'object', additionalProperties: false, patternProperties: { '^x-': {} } }), { object: {}, additional: 'any' });
  });
});
