import * as assert from 'node:assert/strict';
import { parsePromptDocument } from '../../../src/core/formats/promptFileKind';
import type { Range } from '../../../src/core/document/textDocument';
import { checkJsonSchema, compileJsonSchema, validateWithSchema } from '../../../src/core/schema/jsonSchemaValidation';
import { lines, span, withCode } from './diagnosticExpectations';

describe('checking a JSON Schema input', () => {
  it('reports each mistake once, at the value in the file, through escaped and indexed pointers', () => {
    const document = parsePromptDocument(
      lines(
        '---',
        'input:',
        '  schema:',
        '    type: object',
        '    properties:',
        '      "a/b": {type: 5}',
        '      "c~d": {minLength: -1}',
        '      list: {type: array, items: [{type: 7}]}',
        '---',
        '{{list}}',
      ),
      { path: 'p.prompt' },
    );
    const types = '"array", "boolean", "integer", "null", "number", "object", "string"';
    assert.deepEqual(
      withCode(document.diagnostics, 'front-matter-schema').map((diagnostic) => [diagnostic.message, diagnostic.range]),
      [
        [`'input.schema' is not a valid JSON Schema: /properties/a~1b/type must be one of ${types}.`, span(5, 20, 5, 21)],
        ["'input.schema' is not a valid JSON Schema: /properties/c~0d/minLength must be >= 0.", span(6, 25, 6, 27)],
        [`'input.schema' is not a valid JSON Schema: /properties/list/items/0/type must be one of ${types}.`, span(7, 41, 7, 42)],
      ],
    );
  });

  it('keeps failures at different places, and the outer one when nothing inside it failed', () => {
    assert.deepEqual(
      checkJsonSchema({ type: 'object', required: 'name', properties: { a: { type: 'string' } }, minProperties: 'x' }).map((failure) => [failure.instancePath, failure.message]),
      [
        ['/minProperties', 'must be integer'],
        ['/required', 'must be array'],
      ],
    );
    assert.deepEqual(checkJsonSchema({ type: 'object', properties: { a: { type: 'string' } } }), []);
    assert.deepEqual(checkJsonSchema(['not', 'a', 'schema']), [], 'a list is reported by the front matter check, not here');
  });
});

describe('a schema read as JSON Schema because of its type key', () => {
  function schemaFindings(...schemaLines: string[]): [string, string, Range][] {
    const document = parsePromptDocument(lines('---', ...schemaLines, '---', '{{name}}'), { path: 'p.prompt' });
    return withCode(document.diagnostics, 'front-matter-schema').map((diagnostic) => [diagnostic.severity, diagnostic.message, diagnostic.range]);
  }

  it('warns at the type key that fields beside a non-object type are ignored, naming the first field', () => {
    assert.deepEqual(schemaFindings('input:', '  schema:', '    type: integer', '    minimum: 1', '    count: number', '    age: number'), [
      [
        'warning',
        "Because of this 'type: integer' key dotprompt reads the schema as JSON Schema and ignores fields such as 'count'; a field cannot be named type in Picoschema.",
        span(3, 4, 3, 8),
      ],
    ]);
  });

  it('does not warn for an object type, nor when the other keys are JSON Schema keywords or x- extensions', () => {
    assert.deepEqual(schemaFindings('output:', '  schema:', '    type: object', '    name: string'), []);
    assert.deepEqual(schemaFindings('input:', '  schema:', '    type: string', '    x-name: string', '    description: hi', '    $comment: note'), []);
  });

  it('names the output schema in a JSON Schema mistake found in it', () => {
    assert.deepEqual(schemaFindings('output:', '  schema:', '    type: object', '    required: 5'), [
      ['error', "'output.schema' is not a valid JSON Schema: /required must be array.", span(4, 14, 4, 15)],
    ]);
  });
});

describe('compiling and applying a JSON Schema', () => {
  it('refuses a value that is not a schema object, and reports a reference it cannot resolve', () => {
    assert.deepEqual(compileJsonSchema(['a']), { error: 'the schema is not an object' });
    assert.deepEqual(compileJsonSchema(null), { error: 'the schema is not an object' });
    assert.equal(compileJsonSchema({ $ref: '#/definitions/missing' }).error, "can't resolve reference #/definitions/missing from id #");
  });

  it('compiles a schema naming a newer draft and an $id, as draft-07 without them', () => {
    const compiled = compileJsonSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'urn:example:one', type: 'string' });
    assert.equal(compiled.error, undefined);
    assert.ok(compiled.validate);
    assert.deepEqual(validateWithSchema(compiled.validate, 'text'), []);
    assert.deepEqual(validateWithSchema(compiled.validate, 3).map((failure) => [failure.keyword, failure.expected]), [['type', 'string']]);
  });

  it('names the missing or extra property, the allowed types and the allowed values of each failure', () => {
    const { validate } = compileJsonSchema({
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: { name: { type: 'string' }, age: { type: ['integer', 'null'] }, plan: { enum: ['free', 'pro'] } },
    });
    assert.ok(validate);
    assert.deepEqual(validateWithSchema(validate, { age: 'x', plan: 'gold', extra: 1 }), [
      { instancePath: '', keyword: 'required', message: "must have required property 'name'", property: 'name', expected: "must have required property 'name'" },
      { instancePath: '', keyword: 'additionalProperties', message: 'must NOT have additional properties', property: 'extra', expected: 'must NOT have additional properties' },
      { instancePath: '/age', keyword: 'type', message: 'must be integer,null', expected: 'integer or null' },
      { instancePath: '/plan', keyword: 'enum', message: 'must be equal to one of the allowed values', expected: 'one of "free", "pro"' },
    ]);
  });

  it('keeps the last 64 schemas compiled and compiles an older one anew', () => {
    const schemas = Array.from({ length: 64 }, (_, index) => ({ type: 'object', title: `cached ${index}` }));
    const first = schemas.map((schema) => compileJsonSchema(schema));
    assert.equal(compileJsonSchema({ type: 'object', title: 'cached 0' }), first[0], 'still cached');
    compileJsonSchema({ type: 'object', title: 'one more' });
    assert.notEqual(compileJsonSchema({ type: 'object', title: 'cached 0' }), first[0], 'the oldest was dropped');
    assert.equal(compileJsonSchema({ type: 'object', title: 'cached 63' }), first[63]);
  });
});
