import * as assert from 'node:assert/strict';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { findBreakingChanges } from '../../../../src/core/releases/breakingChanges';

/** A prompt with the given Picoschema (or JSON Schema) lines under `input.schema`, and optional defaults. */
function prompt(schema: string, defaults = ''): string {
  const indented = schema.split('\n').map((line) => `    ${line}`).join('\n');
  const defaultBlock = defaults === '' ? '' : `\n  default:\n${defaults.split('\n').map((line) => `    ${line}`).join('\n')}`;
  return `---\ninput:\n  schema:\n${indented}${defaultBlock}\n---\nHello {{name}}\n`;
}

function changes(before: string, after: string): string[] {
  return findBreakingChanges(parsePromptDocument(before), parsePromptDocument(after)).map((change) => `${change.kind} ${change.variable}`);
}

describe('Release manifest: breaking input changes', () => {
  it('a required variable added without a default breaks callers; with a default or optional it does not', () => {
    assert.deepEqual(changes(prompt('name: string'), prompt('name: string\ntone: string')), ['added-without-default tone']);
    assert.deepEqual(changes(prompt('name: string'), prompt('name: string\ntone: string', 'tone: calm')), []);
    assert.deepEqual(changes(prompt('name: string'), prompt('name: string\ntone?: string')), []);
  });

  it('a removed variable is reported', () => {
    assert.deepEqual(changes(prompt('name: string\ntone?: string'), prompt('name: string')), ['removed tone']);
  });

  it('a changed type is reported, a widened one is not', () => {
    assert.deepEqual(changes(prompt('name: string\ncount: integer'), prompt('name: string\ncount: string')), ['type-changed count']);
    assert.deepEqual(changes(prompt('name: string\ncount: integer'), prompt('name: string\ncount: number')), []);
    assert.deepEqual(changes(prompt('name: string\ncount: number'), prompt('name: string\ncount: integer')), ['type-changed count']);
    assert.deepEqual(changes(prompt('name: string'), prompt('name: string|null')), []);
    assert.deepEqual(changes(prompt('name: string'), prompt('name(array): string')), ['type-changed name']);
  });

  it('enums may gain values but not lose them', () => {
    assert.deepEqual(changes(prompt('name: string\nmood(enum): [calm, urgent]'), prompt('name: string\nmood(enum): [calm, urgent, angry]')), []);
    assert.deepEqual(changes(prompt('name: string\nmood(enum): [calm, urgent]'), prompt('name: string\nmood(enum): [calm]')), ['type-changed mood']);
    assert.deepEqual(changes(prompt('name: string\nmood(enum): [calm, urgent]'), prompt('name: string\nmood: string')), []);
    assert.deepEqual(changes(prompt('name: string\nmood(enum): [calm, 3]'), prompt('name: string\nmood: string')), ['type-changed mood']);
  });

  it('an enum made a scalar type keeps callers working only when that type holds every value: booleans, whole and decimal numbers, null', () => {
    const made = (values: string, type: string): string[] => changes(prompt(`name: string\nflag(enum): ${values}`), prompt(`name: string\nflag: ${type}`));
    assert.deepEqual(made('[true, false]', 'boolean'), []);
    assert.deepEqual(made('[true, false]', 'string'), ['type-changed flag']);
    assert.deepEqual(made('[1, 2]', 'integer'), []);
    assert.deepEqual(made('[1, 2]', 'number'), []);
    assert.deepEqual(made('[1, 2.5]', 'integer'), ['type-changed flag']);
    assert.deepEqual(made('[1, 2.5]', 'number'), []);
    // An optional string accepts null.
    assert.deepEqual(changes(prompt('name: string\nflag(enum): [calm, null]'), prompt('name: string\nflag?: string')), []);
    assert.deepEqual(made('[calm, null]', 'string'), ['type-changed flag']);
    assert.deepEqual(made('[calm, {a: 1}]', 'string'), ['type-changed flag']);
    // An object is no number, whatever numbers sit beside it.
    assert.deepEqual(made('[1, {a: 1}]', 'number'), ['type-changed flag']);
  });

  it('an enum whose values are all replaced, or a string input made a number, breaks callers', () => {
    assert.deepEqual(changes(prompt('name: string\nmood(enum): [calm]'), prompt('name: string\nmood(enum): [angry]')), ['type-changed mood']);
    assert.deepEqual(changes(prompt('name: string\ncount: string'), prompt('name: string\ncount: number')), ['type-changed count']);
  });

  it('a default of null for an object does not count as defaults for the fields added inside it', () => {
    const before = prompt('name: string\ncustomer(object):\n  plan: string');
    const after = prompt('name: string\ncustomer(object):\n  plan: string\n  region: string', 'customer: ~');
    assert.deepEqual(changes(before, after), ['added-without-default customer.region']);
  });

  it('looks into objects and lists, naming the path', () => {
    const before = prompt('name: string\ncustomer(object):\n  plan: string\n  tier?: integer\nitems(array):\n  sku: string');
    const after = prompt('name: string\ncustomer(object):\n  plan: integer\n  region: string\nitems(array):\n  sku: string\n  qty: integer');
    assert.deepEqual(changes(before, after), ['type-changed customer.plan', 'removed customer.tier', 'added-without-default customer.region', 'added-without-default items[].qty']);
  });

  it('an optional variable made required without a default breaks callers', () => {
    assert.deepEqual(changes(prompt('name: string\ntone?: string'), prompt('name: string\ntone: string')), ['now-required tone']);
    assert.deepEqual(changes(prompt('name: string\ntone?: string'), prompt('name: string\ntone: string', 'tone: calm')), []);
  });

  it('explains each change in a sentence a reviewer understands', () => {
    const [change] = findBreakingChanges(parsePromptDocument(prompt('name: string')), parsePromptDocument(prompt('name: string\ntone: string')));
    assert.equal(change?.message, "'tone' is a new required input without a default, so callers that do not send it break.");
    const [typed] = findBreakingChanges(parsePromptDocument(prompt('name: string\nn: integer')), parsePromptDocument(prompt('name: string\nn: boolean')));
    assert.equal(typed?.message, "'n' changes type from integer to boolean.");
  });

  it('an optional input that no longer accepts null breaks callers that send null; made required, only that is reported', () => {
    const jsonSchema = (tone: string) => prompt(`type: object\nproperties:\n  name: {type: string}\n  tone: ${tone}\nrequired: [name]`);
    assert.deepEqual(changes(jsonSchema('{type: [string, "null"]}'), jsonSchema('{type: string}')), ['type-changed tone']);
    assert.deepEqual(changes(prompt('name: string\ncustomer?(object):\n  plan: string'), prompt('name: string\ncustomer(object):\n  plan: string')), ['now-required customer']);
    assert.deepEqual(changes(prompt('name: string\nitems?(array): string'), prompt('name: string\nitems(array): string')), ['now-required items']);
  });

  it('an object or list that no longer accepts null breaks callers that send null', () => {
    const jsonSchema = (customer: string) => prompt(`type: object\nproperties:\n  name: {type: string}\n  customer: ${customer}\nrequired: [name]`);
    assert.deepEqual(changes(jsonSchema('{type: [object, "null"], properties: {plan: {type: string}}}'), jsonSchema('{type: object, properties: {plan: {type: string}}}')), ['type-changed customer']);
    assert.deepEqual(changes(jsonSchema('{type: [array, "null"], items: {type: string}}'), jsonSchema('{type: array, items: {type: string}}')), ['type-changed customer']);
    assert.deepEqual(changes(jsonSchema('{type: object, properties: {plan: {type: string}}}'), jsonSchema('{type: [object, "null"], properties: {plan: {type: string}}}')), []);
  });

  it('an input that could only be null, made a required string, is reported as changed and now required', () => {
    const jsonSchema = (tone: string, required: string) => prompt(`type: object\nproperties:\n  name: {type: string}\n  tone: ${tone}\nrequired: [${required}]`);
    assert.deepEqual(changes(jsonSchema('{type: "null"}', 'name'), jsonSchema('{type: string}', 'name, tone')), ['type-changed tone', 'now-required tone']);
  });

  it('an input typed any is compared with nothing, either way', () => {
    assert.deepEqual(changes(prompt('name: string\ntone?: any'), prompt('name: string\ntone?: string')), []);
    assert.deepEqual(changes(prompt('name: string\ntone?: string'), prompt('name: string\ntone?: any')), []);
  });

  it('says why a removed input matters', () => {
    const [change] = findBreakingChanges(parsePromptDocument(prompt('name: string\ntone?: string')), parsePromptDocument(prompt('name: string')));
    assert.equal(change?.message, "'tone' is no longer an input, so callers that send it no longer change the prompt.");
  });

  it('says why an optional input made required breaks callers', () => {
    const [change] = findBreakingChanges(parsePromptDocument(prompt('name: string\ntone?: string')), parsePromptDocument(prompt('name: string\ntone: string')));
    assert.equal(change?.message, "'tone' is now required and has no default, so callers that do not send it break.");
  });

  it('compares nothing when either version has no input schema', () => {
    assert.deepEqual(changes('Hello {{name}}\n', prompt('name: string')), []);
    assert.deepEqual(changes(prompt('name: string'), 'Hello {{name}}\n'), []);
  });
});
