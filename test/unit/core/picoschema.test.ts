import * as assert from 'node:assert/strict';
import { picoschema } from 'dotprompt';
import fc from 'fast-check';
import { listDeclaredVariables } from '../../../src/core/schema/declaredVariables';
import { convertSchema } from '../../../src/core/formats/dotprompt/picoschema';
import { parsePromptDocument } from '../../../src/core/formats/promptFileKind';
import { plainSchemaView } from '../../../src/core/schema/schemaNodeView';
import { describeShape } from '../../../src/core/schema/schemaShape';
import { lines, span, withCode } from './diagnosticExpectations';

function json(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

async function sameAsDotprompt(schema: unknown): Promise<void> {
  const ours = convertSchema(plainSchemaView(schema));
  const theirs: unknown = await picoschema(schema);
  assert.deepEqual(json(ours?.json), json(theirs), JSON.stringify(schema));
}

const scalar = fc.constantFrom('string', 'number', 'integer', 'boolean', 'null', 'any');
const described = fc.tuple(scalar, fc.option(fc.constantFrom('the name', 'with, comma', ' spaced'), { nil: undefined })).map(([type, text]) =>
  text === undefined ? type : `${type}, ${text}`,
);
const names = fc.constantFrom('name', 'age', 'tags', 'user_id', 'camelCase', 'ünï');

type Pico = string | { [key: string]: Pico | unknown[] };

const picoObject: fc.Arbitrary<Pico> = fc.letrec<{ object: Pico; field: [string, Pico | unknown[]] }>((tie) => ({
  object: fc.array(tie('field'), { maxLength: 4 }).map((fields) => Object.fromEntries(fields)),
  field: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(names, fc.boolean(), described).map(([name, optional, type]): [string, Pico] => [`${name}${optional ? '?' : ''}`, type]),
    fc.tuple(names, fc.boolean(), fc.option(fc.constantFrom('a list', 'x, y'), { nil: undefined }), fc.oneof(described, tie('object'))).map(
      ([name, optional, text, items]): [string, Pico] => [`${name}${optional ? '?' : ''}(array${text ? `, ${text}` : ''})`, items],
    ),
    fc.tuple(names, fc.boolean(), tie('object')).map(([name, optional, object]): [string, Pico] => [`${name}${optional ? '?' : ''}(object)`, object]),
    fc.tuple(names, fc.boolean(), fc.array(fc.constantFrom('a', 'b', 1, null), { minLength: 1, maxLength: 3 })).map(
      ([name, optional, values]): [string, unknown[]] => [`${name}${optional ? '?' : ''}(enum)`, values],
    ),
    fc.tuple(names, tie('object')).map(([name, object]): [string, Pico] => [name, object]),
    described.map((type): [string, Pico] => ['(*)', type]),
  ),
})).object;

describe('Picoschema conversion', () => {
  it('produces the JSON Schema dotprompt produces for typical schemas', async () => {
    await sameAsDotprompt({ name: 'string', 'age?': 'integer, years old', 'tags(array, labels)': 'string' });
    await sameAsDotprompt({ 'address?(object)': { street: 'string', 'zip?': 'string' }, 'kind(enum)': ['a', 'b'], 'mode?(enum)': ['x'] });
    await sameAsDotprompt({ meta: { '(*)': 'string' }, anything: 'any', 'maybe?': 'any, whatever' });
    await sameAsDotprompt('string, a plain string');
    await sameAsDotprompt('any');
    await sameAsDotprompt({ type: 'object', properties: { a: { type: 'string' } } });
    await sameAsDotprompt({ properties: { a: { type: 'string' } } });
    await sameAsDotprompt({ empty: null });
  });

  it('reads keys with stray or repeated parentheses as dotprompt does (the name, then the type up to the next one)', async () => {
    for (const key of ['tags(array)(extra)', 'tags(array(x)', 'list(array, with (parens))', 'odd(', '(array)', 'why?(array)(', 'a(b)c']) {
      // dotprompt throws on some of these; where it converts, the JSON Schema must be its own.
      const theirs = await picoschema({ [key]: 'string' }).then(
        (converted: unknown) => ({ ok: true, converted }),
        () => ({ ok: false }),
      );
      if (theirs.ok) await sameAsDotprompt({ [key]: 'string' });
      else assert.ok(convertSchema(plainSchemaView({ [key]: 'string' }))?.problems.some((problem) => problem.severity === 'error'), key);
    }
  });

  it('matches dotprompt on generated Picoschema', async () => {
    await fc.assert(fc.asyncProperty(picoObject, sameAsDotprompt), { numRuns: 300 });
  });

  it('reports what dotprompt would refuse instead of throwing', async () => {
    for (const schema of [{ 'a(string)': 'x' }, { a: 5 }, { 'a(enum)': 'x' }]) {
      const converted = convertSchema(plainSchemaView(schema));
      assert.ok(converted?.problems.some((problem) => problem.severity === 'error'), JSON.stringify(schema));
    }
    await assert.rejects(picoschema({ 'a(string)': 'x' }));
    await assert.rejects(picoschema({ a: 5 }));
  });

  it('resolves named schemas through the resolver the caller gives', () => {
    const person = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };
    const converted = convertSchema(plainSchemaView({ owner: 'Person, the owner' }), (name) => (name === 'Person' ? person : undefined));
    assert.deepEqual(json(converted?.json), json({ type: 'object', properties: { owner: { ...person, description: 'the owner' } }, required: ['owner'], additionalProperties: false }));
    assert.deepEqual(converted?.problems, []);
    const unknown = convertSchema(plainSchemaView({ owner: 'Persn' }), () => undefined);
    assert.equal(unknown?.problems[0]?.severity, 'error');
    for (const resolved of ['string', ['a'], null, 5]) {
      const notASchema = convertSchema(plainSchemaView({ owner: 'Person' }), () => resolved);
      assert.deepEqual(notASchema?.problems.map((problem) => [problem.severity, problem.message]), [['error', "'Person' is neither a Picoschema type nor a known schema."]], JSON.stringify(resolved));
    }
    const throwing = convertSchema(plainSchemaView({ owner: 'Person' }), () => {
      throw new Error('registry down');
    });
    assert.deepEqual(throwing?.problems.map((problem) => problem.message), ["'Person' is neither a Picoschema type nor a known schema."], 'a resolver that throws reads as an unknown schema');
  });

  it('describes declared types for hovers', () => {
    const converted = convertSchema(plainSchemaView({ 'a?': 'string', 'b(array)': { c: 'number' }, 'e(enum)': ['x', 'y'] }));
    const shape = converted?.shape;
    assert.equal(shape?.kind, 'object');
    if (shape?.kind !== 'object') return;
    assert.equal(describeShape(shape.properties.get('a')?.shape ?? shape), 'string or null');
    assert.equal(describeShape(shape.properties.get('b')?.shape ?? shape), 'array of object');
    assert.equal(describeShape(shape.properties.get('e')?.shape ?? shape), 'one of "x", "y"');
  });

  it('keeps where each input variable is declared, without the ? and the parenthesised type', () => {
    const document = parsePromptDocument(
      lines('---', 'input:', '  schema:', '    name?: string, who', '    items?(array, things):', '      title: string', '    "quoted": number', '---', '{{name}}'),
    );
    const shape = document.inputSchema?.shape;
    assert.equal(shape?.kind, 'object');
    if (shape?.kind !== 'object') return;
    assert.deepEqual(shape.properties.get('name')?.declaration, { nameRange: span(3, 4, 3, 8), keyRange: span(3, 4, 3, 9) });
    assert.equal(shape.properties.get('name')?.description, 'who');
    assert.equal(shape.properties.get('name')?.required, false);
    assert.deepEqual(shape.properties.get('items')?.declaration?.nameRange, span(4, 4, 4, 9));
    assert.equal(shape.properties.get('items')?.description, 'things');
    assert.deepEqual(shape.properties.get('quoted')?.declaration?.nameRange, span(6, 5, 6, 11));
    const items = shape.properties.get('items')?.shape;
    assert.equal(items?.kind === 'array' && items.items.kind === 'object' ? items.items.properties.get('title')?.declaration?.nameRange.start.line : -1, 5);
  });

  it('lists input variables with type, description, default and where each is declared', () => {
    const document = parsePromptDocument(lines('---', 'input:', '  schema:', '    city: string, where to go', '    days?: integer', '  default:', '    days: 3', '---', '{{city}} {{days}}'));
    assert.deepEqual(listDeclaredVariables(document), [
      {
        name: 'city',
        required: true,
        type: 'string',
        shape: { kind: 'scalar', types: ['string'] },
        description: 'where to go',
        declaration: { nameRange: span(3, 4, 3, 8), keyRange: span(3, 4, 3, 8) },
      },
      {
        name: 'days',
        required: false,
        type: 'integer or null',
        shape: { kind: 'scalar', types: ['integer', 'null'] },
        declaration: { nameRange: span(4, 4, 4, 8), keyRange: span(4, 4, 4, 9) },
        default: { value: 3, keyRange: span(6, 4, 6, 8), valueRange: span(6, 10, 6, 11) },
      },
    ]);
  });

  it('understands JSON Schema input with its property declarations', () => {
    const document = parsePromptDocument(
      lines('---', 'input:', '  schema:', '    type: object', '    properties:', '      city: {type: string}', '    required: [city]', '---', '{{city}}'),
    );
    assert.equal(document.inputSchema?.form, 'json-schema');
    const shape = document.inputSchema?.shape;
    assert.ok(shape?.kind === 'object');
    assert.deepEqual(shape.properties.get('city')?.declaration?.nameRange, span(5, 6, 5, 10));
    assert.equal(shape.properties.get('city')?.required, true);
    assert.equal(shape.additional, 'unspecified');
  });

  it('warns when a Picoschema field named type makes dotprompt read the schema as JSON Schema', () => {
    const document = parsePromptDocument(lines('---', 'input:', '  schema:', '    type: string', '    name: string', '---', 'x'));
    const [warning] = withCode(document.diagnostics, 'front-matter-schema');
    assert.equal(warning?.severity, 'warning');
    assert.deepEqual(warning?.range, span(3, 4, 3, 8));
  });

  it('says what a schema that is neither a map nor a type name is', () => {
    const cases: [unknown, string][] = [
      [['topic', 'tone'], 'A schema must be a map of fields or a type name, not a list.'],
      [5, 'A schema must be a map of fields or a type name, not a number.'],
      [true, 'A schema must be a map of fields or a type name, not a boolean.'],
    ];
    for (const [schema, message] of cases) {
      const converted = convertSchema(plainSchemaView(schema));
      assert.deepEqual(converted?.problems.map((problem) => [problem.severity, problem.message]), [['error', message]], JSON.stringify(schema));
      assert.deepEqual(json(converted?.json), {}, 'a schema it cannot read accepts any input rather than a made-up one');
    }
  });
});
