import * as assert from 'node:assert/strict';
import { anyShape, describeShape, describeShapeWithArticle, type SchemaShape } from '../../../src/core/schema/schemaShape';

const object = (nullable: boolean): SchemaShape => ({ kind: 'object', properties: new Map(), additional: 'unspecified', nullable });

describe('describing a shape in words', () => {
  it('names each kind for hovers and messages', () => {
    const cases: [SchemaShape, string, string][] = [
      [object(false), 'object', 'an object'],
      [object(true), 'object or null', 'an object'],
      [{ kind: 'array', items: anyShape, nullable: false }, 'array', 'a list'],
      [{ kind: 'array', items: { kind: 'scalar', types: ['string'] }, nullable: true }, 'array of string or null', 'a list'],
      [{ kind: 'array', items: { kind: 'array', items: object(false), nullable: false }, nullable: false }, 'array of array of object', 'a list'],
      [{ kind: 'scalar', types: ['integer', 'null'] }, 'integer or null', 'an integer'],
      [{ kind: 'scalar', types: ['string', 'boolean'] }, 'string or boolean', 'a string or a boolean'],
      [{ kind: 'scalar', types: ['null'] }, 'null', 'always null'],
      [{ kind: 'scalar', types: [] }, 'nothing', 'always null'],
      [{ kind: 'enum', values: ['low', 2, null] }, 'one of "low", 2, null', 'one of "low", 2, null'],
      [anyShape, 'any', 'anything'],
    ];
    for (const [shape, words, withArticle] of cases) {
      assert.equal(describeShape(shape), words);
      assert.equal(describeShapeWithArticle(shape), withArticle, words);
    }
  });
});
