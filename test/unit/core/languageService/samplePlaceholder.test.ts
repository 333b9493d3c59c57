import * as assert from 'node:assert/strict';
import { placeholderYaml } from '../../../../src/core/languageService/samplePlaceholder';
import type { DeclaredProperty, ObjectShape, SchemaShape } from '../../../../src/core/schema/schemaShape';

function property(name: string, shape: SchemaShape, required = true): DeclaredProperty {
  return { name, required, shape };
}

function object(...properties: DeclaredProperty[]): ObjectShape {
  return { kind: 'object', properties: new Map(properties.map((entry) => [entry.name, entry])), additional: 'forbidden', nullable: false };
}

describe('Placeholder values for a sample set that lacks a variable', () => {
  it('writes an empty value of the declared scalar type, skipping null in a union', () => {
    assert.equal(placeholderYaml({ kind: 'scalar', types: ['null', 'string'] }), '""');
    assert.equal(placeholderYaml({ kind: 'scalar', types: ['integer'] }), '0');
    assert.equal(placeholderYaml({ kind: 'scalar', types: ['null', 'number'] }), '0');
    assert.equal(placeholderYaml({ kind: 'scalar', types: ['boolean', 'string'] }), 'false');
    assert.equal(placeholderYaml({ kind: 'scalar', types: ['null'] }), 'null');
    assert.equal(placeholderYaml({ kind: 'scalar', types: [] }), 'null');
  });

  it('writes the first enum value that is not null, as JSON', () => {
    assert.equal(placeholderYaml({ kind: 'enum', values: [null, 'low', 'high'] }), '"low"');
    assert.equal(placeholderYaml({ kind: 'enum', values: [3, 4] }), '3');
    assert.equal(placeholderYaml({ kind: 'enum', values: [null] }), 'null');
    assert.equal(placeholderYaml({ kind: 'enum', values: [] }), 'null');
    assert.equal(placeholderYaml({ kind: 'enum', values: [() => 1] }), 'null');
  });

  it('writes an empty list, and empty text for a value of any type', () => {
    assert.equal(placeholderYaml({ kind: 'array', items: { kind: 'scalar', types: ['string'] }, nullable: false }), '[]');
    assert.equal(placeholderYaml({ kind: 'any' }), '""');
  });

  it('fills in only the required properties of an object, quoting keys YAML would misread', () => {
    const shape = object(
      property('name', { kind: 'scalar', types: ['string'] }),
      property('note', { kind: 'scalar', types: ['string'] }, false),
      property('first name', { kind: 'scalar', types: ['integer'] }),
      property('address', object(property('city', { kind: 'any' }))),
    );
    assert.equal(placeholderYaml(shape), '{name: "", "first name": 0, address: {city: ""}}');
    assert.equal(placeholderYaml(object()), '{}');
  });

  it('stops filling in objects nested more than eight levels deep', () => {
    let shape: SchemaShape = { kind: 'scalar', types: ['boolean'] };
    for (let level = 0; level < 10; level++) shape = object(property(`l${level}`, shape));
    assert.equal(placeholderYaml(shape), '{l9: {l8: {l7: {l6: {l5: {l4: {l3: {l2: {l1: {}}}}}}}}}}');
  });
});
