import * as assert from 'node:assert/strict';
import { parsePromptDocument } from '../../../src/core/formats/promptFileKind';
import { checkJsonSchema } from '../../../src/core/schema/jsonSchemaValidation';
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
