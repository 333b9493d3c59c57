import * as assert from 'node:assert/strict';
import { inferType, jsonSchemaEntry, picoschemaEntry, yamlKey } from '../../../../src/core/languageService/inferredSchema';

describe('a schema inferred from sample values', () => {
  it('infers the type every present value shares', () => {
    assert.deepEqual(inferType(['a', null, 'b']), { kind: 'scalar', type: 'string' });
    assert.deepEqual(inferType([true, false]), { kind: 'scalar', type: 'boolean' });
    assert.deepEqual(inferType([1, 2, undefined]), { kind: 'scalar', type: 'integer' });
    assert.deepEqual(inferType([1, 2.5]), { kind: 'scalar', type: 'number' });
    assert.deepEqual(inferType(['1', 1]), { kind: 'any' }, 'text and a number share no type');
    assert.deepEqual(inferType([null, undefined]), undefined);
    assert.deepEqual(inferType([]), undefined);
    assert.deepEqual(inferType([['a'], ['b', 'c']]), { kind: 'array', items: { kind: 'scalar', type: 'string' } });
    assert.deepEqual(inferType([[], []]), { kind: 'array', items: { kind: 'any' } });
    assert.deepEqual(inferType([{ name: 'Ana', age: 3 }, { name: 'Bo', age: null }, { name: 'Cy' }]), {
      kind: 'object',
      properties: [
        { name: 'name', type: { kind: 'scalar', type: 'string' }, optional: false },
        { name: 'age', type: { kind: 'scalar', type: 'integer' }, optional: true },
      ],
    });
    assert.deepEqual(inferType([{ a: 1 }, ['x']]), { kind: 'any' }, 'a map and a list');
  });

  it('stops at a depth of 8 nested values', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 10; level++) deep = [deep];
    let type = inferType([deep]);
    let depth = 0;
    while (type?.kind === 'array') {
      type = type.items;
      depth++;
    }
    assert.deepEqual([depth, type], [9, { kind: 'any' }]);
  });

  it('writes a Picoschema field in block and flow style, quoting keys YAML would misread', () => {
    const person = inferType([{ name: 'Ana', tags: ['x'], 'odd key': 1 }]);
    assert.ok(person);
    assert.deepEqual(picoschemaEntry('owner', person, true), {
      block: [
        { level: 0, text: 'owner?(object):' },
        { level: 1, text: 'name: string' },
        { level: 1, text: 'tags(array): string' },
        { level: 1, text: '"odd key": integer' },
      ],
      flow: 'owner?(object): {name: string, tags(array): string, "odd key": integer}',
    });
    const rows = inferType([[{ id: 1 }]]);
    assert.ok(rows);
    assert.deepEqual(picoschemaEntry('rows', rows, false), { block: [{ level: 0, text: 'rows(array):' }, { level: 1, text: 'id: integer' }], flow: 'rows(array): {id: integer}' });
    assert.deepEqual(picoschemaEntry('list', { kind: 'array', items: { kind: 'any' } }, false), { block: [{ level: 0, text: 'list(array): any' }], flow: 'list(array): any' });
    assert.deepEqual(picoschemaEntry('empty', { kind: 'object', properties: [] }, false), { block: [{ level: 0, text: 'empty: any' }], flow: 'empty: any' });
    assert.deepEqual(picoschemaEntry('x', { kind: 'any' }, true), { block: [{ level: 0, text: 'x?: any' }], flow: 'x?: any' });
    assert.deepEqual(picoschemaEntry('1st', { kind: 'scalar', type: 'boolean' }, false), { block: [{ level: 0, text: '"1st": boolean' }], flow: '"1st": boolean' });
  });

  it('writes a JSON Schema property with required fields for the ones every sample has', () => {
    const person = inferType([{ name: 'Ana', age: 3 }, { name: 'Bo' }]);
    assert.ok(person);
    const text = 'person: {type: object, properties: {name: {type: string}, age: {type: integer}}, required: [name]}';
    assert.deepEqual(jsonSchemaEntry('person', person), { block: [{ level: 0, text }], flow: text });
    assert.equal(jsonSchemaEntry('tags', { kind: 'array', items: { kind: 'any' } }).flow, 'tags: {type: array, items: {}}');
    assert.equal(jsonSchemaEntry('o', { kind: 'object', properties: [{ name: 'a b', type: { kind: 'any' }, optional: true }] }).flow, 'o: {type: object, properties: {"a b": {}}}');
  });

  it('quotes a key only when YAML needs it', () => {
    assert.deepEqual(['name', '_x-1', 'a b', '1st', 'é', ''].map(yamlKey), ['name', '_x-1', '"a b"', '"1st"', '"é"', '""']);
  });
});
